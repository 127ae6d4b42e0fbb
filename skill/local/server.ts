// The skill as an HTTPS-endpoint-style web service (what `upper-back serve` runs): express + ask-sdk-express-adapter,
// with Alexa's request signature and timestamp checks on unless a caller explicitly turns them off.
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Skill as CustomSkill } from "ask-sdk-core";
import { ExpressAdapter } from "ask-sdk-express-adapter";
import express, { type Express } from "express";

/** Which of Alexa's checks the adapter runs; both on unless told. */
export interface VerificationOptions {
  verifySignature?: boolean;
  verifyTimestamp?: boolean;
}

/** Printed (to stderr) whenever verification is switched off. */
export const INSECURE_WARNING =
  "WARNING: request signature and timestamp verification are OFF (--insecure-skip-verification). " +
  "Anyone who can reach this port can drive the skill as any user. Use it only on your own machine, never behind a public tunnel.";

/** An express app answering Alexa requests on POST / (the adapter rejects failed verification with HTTP 400). */
export function createSkillApp(skill: CustomSkill, options: VerificationOptions = {}): Express {
  const adapter = new ExpressAdapter(skill, options.verifySignature ?? true, options.verifyTimestamp ?? true);
  const app = express();
  app.disable("x-powered-by");
  app.get("/", (_req, res) => {
    res.type("text/plain").send("Upper Back Routine skill endpoint: Alexa POSTs requests to this URL.\n");
  });
  app.post("/", ...adapter.getRequestHandlers());
  return app;
}

/** Starts the app on host:port; port 0 picks a free one. Resolves once it is listening. */
export function listen(app: Express, port: number, host: string): Promise<{ server: Server; url: string }> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host);
    server.once("error", (error: NodeJS.ErrnoException) => {
      reject(
        error.code === "EADDRINUSE"
          ? new Error(`port ${port} on ${host} is in use (stop the other server or pass --port)`)
          : error,
      );
    });
    server.once("listening", () => {
      const address = server.address() as AddressInfo;
      const shownHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
      resolve({ server, url: `http://${shownHost}:${address.port}/` });
    });
  });
}
