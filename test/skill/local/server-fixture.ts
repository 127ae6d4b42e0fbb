// Starts the skill's web app (`upper-back serve`'s) on loopback for tests and closes every server after each test.
import type { Server } from "node:http";
import { afterEach } from "vitest";
import type { RequestAnswerer } from "../../../skill/index.js";
import { createSkillApp, listen, type VerificationOptions } from "../../../skill/local/server.js";

/** Registers cleanup in the calling test file and returns `start(options)` → the server's URL. */
export function skillServers(answer: RequestAnswerer): (options?: VerificationOptions) => Promise<string> {
  const servers: Server[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
  });
  return async (options = {}) => {
    const { server, url } = await listen(createSkillApp(answer, options), 0, "127.0.0.1");
    servers.push(server);
    return url;
  };
}

/** POSTs a body (JSON content type unless overridden) and returns status, headers and text. */
export async function post(url: string, body: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { method: "POST", body, headers: { "content-type": "application/json", ...headers } });
  return { status: response.status, headers: response.headers, text: await response.text() };
}
