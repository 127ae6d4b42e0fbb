import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveStatic, type StaticServer } from "./serve-static.js";

// The browser test relies on this helper answering Range requests the way Chromium's media stack expects.
let server: StaticServer;
beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), "serve-"));
  await writeFile(join(dir, "a.mp3"), Buffer.from("0123456789"));
  server = await serveStatic(dir);
});
afterAll(() => server.close());

describe("test static server", () => {
  it("answers a byte range with 206 and Content-Range", async () => {
    const res = await fetch(`${server.url}/a.mp3`, { headers: { range: "bytes=2-5" } });
    expect(res.status).toBe(206);
    expect(res.headers.get("content-range")).toBe("bytes 2-5/10");
    expect(await res.text()).toBe("2345");
  });

  it("answers open and suffix ranges, and the whole file without a range", async () => {
    expect(await (await fetch(`${server.url}/a.mp3`, { headers: { range: "bytes=7-" } })).text()).toBe("789");
    expect(await (await fetch(`${server.url}/a.mp3`, { headers: { range: "bytes=-3" } })).text()).toBe("789");
    const whole = await fetch(`${server.url}/a.mp3`);
    expect([whole.status, whole.headers.get("accept-ranges"), whole.headers.get("content-type")]).toEqual([200, "bytes", "audio/mpeg"]);
  });

  it("refuses ranges past the end (416) and paths outside its folder (404)", async () => {
    expect((await fetch(`${server.url}/a.mp3`, { headers: { range: "bytes=10-" } })).status).toBe(416);
    expect((await fetch(`${server.url}/..%2f..%2fetc%2fpasswd`)).status).toBe(404);
  });
});
