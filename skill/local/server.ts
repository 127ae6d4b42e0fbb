// The skill as an HTTPS-endpoint-style web service (what `upper-back serve` runs): express with Alexa's request
// signature and timestamp checks on unless a caller explicitly turns them off. Every answer that is not the skill's
// is a short JSON error (no stack, no paths, no internal messages), and every response carries security headers.
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { SkillRequestSignatureVerifier } from "ask-sdk-express-adapter";
import express, { type Express, type NextFunction, type Request, type Response } from "express";
import type { RequestAnswerer } from "../index.js";
import { ForeignSkillError } from "../invoke.js";

/** Which of Alexa's checks run (both unless told), and the largest body accepted. */
export interface VerificationOptions {
  verifySignature?: boolean;
  verifyTimestamp?: boolean;
  /** Bytes; larger bodies get 413. Alexa's requests are a few KB. */
  bodyLimitBytes?: number;
}

/** Printed (to stderr) on every start with verification switched off. */
export const INSECURE_WARNING =
  "WARNING: request signature and timestamp verification are OFF (--insecure-skip-verification). " +
  "Anyone who can reach this port can drive the skill as any user. Use it only on your own machine, never behind a public tunnel.";

/** Default body limit: 1 MB, far above any Alexa request, far below what could hurt the process. */
const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;
/** Alexa's tolerance for request timestamps, both ways (ms). */
const TIMESTAMP_TOLERANCE_MS = 150_000;

const SECURITY_HEADERS: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
  "Referrer-Policy": "no-referrer",
  "Cross-Origin-Resource-Policy": "same-origin",
  "Cache-Control": "no-store",
};

/** A refusal with an HTTP status and a message safe to show to whoever sent the request. */
class HttpRefusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function fail(res: Response, status: number, message: string): void {
  res.status(status).type("application/json").send(JSON.stringify({ error: message }));
}

/** A verifier's message fit for the client: what was wrong with the request, never network or file-system details. */
export function publicReason(error: unknown): string {
  const message = (error instanceof Error ? error.message : String(error)).split("\n")[0]!.slice(0, 200);
  return /\b(E[A-Z]{4,}|getaddrinfo)\b|\/(home|work|usr|tmp|var|opt|root)\//.test(message) ? "the signing certificate could not be checked" : message;
}

/** Alexa's timestamp rule, both ways: older than 150 s is a replay, more than 150 s ahead is forged or a wrong clock. */
export function timestampProblem(body: string, now = Date.now()): string | undefined {
  let stamp: unknown;
  try {
    stamp = (JSON.parse(body) as { request?: { timestamp?: unknown } })?.request?.timestamp;
  } catch {
    return "the body is not valid JSON";
  }
  const at = typeof stamp === "string" ? Date.parse(stamp) : NaN;
  if (Number.isNaN(at)) return "request.timestamp is missing or not a date";
  if (at < now - TIMESTAMP_TOLERANCE_MS) return "request.timestamp is more than 150 s old";
  if (at > now + TIMESTAMP_TOLERANCE_MS) return "request.timestamp is more than 150 s in the future";
  return undefined;
}

// With verification off, only what Alexa itself would send gets through: JSON, and no browser page's Origin.
function insecureModeGuard(req: Request): void {
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `http://${req.headers.host ?? ""}`) {
    throw new HttpRefusal(403, "cross-origin requests are refused while verification is off");
  }
  if (!req.is("application/json")) throw new HttpRefusal(415, "only application/json is accepted while verification is off");
}

/** An express app answering Alexa requests on POST /; failed checks get 400, everything unexpected a JSON error. */
export function createSkillApp(answer: RequestAnswerer, options: VerificationOptions = {}): Express {
  const verifySignature = options.verifySignature ?? true;
  const verifyTimestamp = options.verifyTimestamp ?? true;
  const signatures = new SkillRequestSignatureVerifier();
  const app = express();
  app.disable("x-powered-by");
  app.set("etag", false);
  app.use((_req, res, next) => {
    res.set(SECURITY_HEADERS);
    next();
  });
  app.get("/", (_req, res) => {
    res.type("text/plain").send("Upper Back Routine skill endpoint: Alexa POSTs requests to this URL.\n");
  });
  app.post(
    "/",
    (req, _res, next) => {
      if (!verifySignature || !verifyTimestamp) insecureModeGuard(req);
      next();
    },
    express.text({ type: () => true, limit: options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES }),
    (req: Request, res: Response, next: NextFunction) => {
      const body = typeof req.body === "string" ? req.body : "";
      const verified = verifySignature ? signatures.verify(body, req.headers) : Promise.resolve();
      verified
        .then(async () => {
          const stale = verifyTimestamp ? timestampProblem(body) : undefined;
          if (stale) throw new HttpRefusal(400, `request verification failed: ${stale}`);
          let event: unknown;
          try {
            event = JSON.parse(body);
          } catch {
            throw new HttpRefusal(400, "the body is not valid JSON");
          }
          res.json(await answer(event));
        }, (error: unknown) => {
          throw new HttpRefusal(400, `request verification failed: ${publicReason(error)}`);
        })
        .catch(next);
    },
  );
  app.use((_req, res) => fail(res, 404, "not found: POST Alexa requests to /"));
  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    if (error instanceof HttpRefusal) return fail(res, error.status, error.message);
    if (error instanceof ForeignSkillError) return fail(res, 400, "the request is for another skill (check SKILL_ID)");
    const status = (error as { status?: unknown; type?: unknown }).status;
    if ((error as { type?: unknown }).type === "entity.too.large") return fail(res, 413, `request body too large (limit ${options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES} bytes)`);
    if (typeof status === "number" && status >= 400 && status < 500) return fail(res, status, "the request could not be read");
    process.stderr.write(`${JSON.stringify({ level: "error", message: "serve: request failed", error: String(error) })}\n`);
    return fail(res, 500, "the skill could not answer this request");
  });
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

/** True for addresses only this machine can reach; insecure mode refuses any other. */
export function isLoopbackHost(host: string): boolean {
  return host === "localhost" || host === "::1" || /^127(\.\d{1,3}){3}$/.test(host);
}
