// Stand-in for Alexa's signing side, made at test time with the openssl CLI: a private root CA, a signing
// certificate for echo-api.amazon.com (what Alexa's chain carries), and a loopback HTTPS host answering as
// s3.amazonaws.com with that chain. Nothing leaves the machine: the test agent resolves only s3.amazonaws.com,
// and only to 127.0.0.1.
import { execFileSync } from "node:child_process";
import { createSign } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Keys and certificates in PEM. */
export interface AlexaCerts {
  caPem: string;
  signingCertPem: string;
  signingKeyPem: string;
  hostCertPem: string;
  hostKeyPem: string;
}

function openssl(dir: string, ...args: string[]): void {
  execFileSync("openssl", args, { cwd: dir, stdio: ["ignore", "ignore", "pipe"] });
}

function issue(dir: string, name: string, commonName: string, extensions: string): void {
  openssl(dir, "req", "-newkey", "rsa:2048", "-nodes", "-keyout", `${name}.key`, "-out", `${name}.csr`, "-subj", `/CN=${commonName}`);
  writeFileSync(join(dir, `${name}.ext`), extensions);
  openssl(dir, "x509", "-req", "-in", `${name}.csr`, "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out", `${name}.pem`, "-days", "2", "-sha256", "-extfile", `${name}.ext`);
}

/** Makes a root CA (RSA: node-forge, which the adapter uses, cannot read ECDSA) and two leaf certificates. */
export function makeAlexaCerts(): AlexaCerts {
  const dir = mkdtempSync(join(tmpdir(), "ubr-certs-"));
  openssl(dir, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "2", "-sha256",
    "-subj", "/CN=Upper Back Routine test root", "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
  issue(dir, "signing", "echo-api.amazon.com", "subjectAltName=DNS:echo-api.amazon.com\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=clientAuth\n");
  issue(dir, "host", "s3.amazonaws.com", "subjectAltName=DNS:s3.amazonaws.com\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n");
  const read = (f: string) => readFileSync(join(dir, f), "utf8");
  return { caPem: read("ca.pem"), signingCertPem: read("signing.pem"), signingKeyPem: read("signing.key"), hostCertPem: read("host.pem"), hostKeyPem: read("host.key") };
}

/** Signs a request body as Alexa does (RSA SHA-256, base64, header Signature-256). */
export function signBody(body: string, keyPem: string): string {
  return createSign("RSA-SHA256").update(body, "utf8").sign(keyPem, "base64");
}

/** The loopback certificate host and how to undo the agent swap. */
export interface CertHost {
  chainUrl: string;
  downloads: string[];
  close(): Promise<void>;
}

/**
 * Serves the signing chain at https://s3.amazonaws.com/echo.api/local-test.pem from 127.0.0.1:443 and points
 * node:https's global agent at it (trusting the test CA for that one TLS hop). Needs root for port 443; rejects
 * with EACCES otherwise.
 */
export async function startCertHost(certs: AlexaCerts): Promise<CertHost> {
  const downloads: string[] = [];
  const server = https.createServer({ key: certs.hostKeyPem, cert: certs.hostCertPem + certs.caPem }, (req, res) => {
    downloads.push(req.url ?? "");
    if (req.url === "/echo.api/local-test.pem") res.writeHead(200, { "content-type": "application/x-pem-file" }).end(certs.signingCertPem + certs.caPem);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(443, "127.0.0.1", () => resolve());
  });
  const lookup = ((hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (hostname !== "s3.amazonaws.com") {
      callback(Object.assign(new Error(`test agent resolves only s3.amazonaws.com, not ${hostname}`), { code: "ENOTFOUND" }));
    } else if (options.all) callback(null, [{ address: "127.0.0.1", family: 4 }]);
    else callback(null, "127.0.0.1", 4);
  }) as unknown as LookupFunction;
  const previous = https.globalAgent;
  https.globalAgent = new https.Agent({ ca: certs.caPem, lookup, keepAlive: false });
  return {
    chainUrl: "https://s3.amazonaws.com/echo.api/local-test.pem",
    downloads,
    close: async () => {
      https.globalAgent.destroy();
      https.globalAgent = previous;
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
