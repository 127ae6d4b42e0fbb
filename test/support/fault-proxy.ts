// A TCP proxy on loopback in front of a real server (dynalite), switchable at run time between passing traffic,
// delaying every request by a fixed time, and swallowing it: the connection is accepted and never answered.
import { createServer, connect, type Socket } from "node:net";
import type { AddressInfo } from "node:net";

/** How the proxy treats new data from clients. */
export type FaultMode = { kind: "pass" } | { kind: "delay"; ms: number } | { kind: "silent" };

/** A running proxy: its endpoint, its mode (change it any time), how many client sockets it saw closed, and stop(). */
export interface FaultProxy {
  endpoint: string;
  mode: FaultMode;
  /** Client connections that were closed by the client (an aborted request closes its socket). */
  closedByClient: number;
  stop(): Promise<void>;
}

/** Starts a proxy on 127.0.0.1 forwarding to `target` (host:port of an http endpoint). */
export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const { hostname, port } = new URL(target);
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let stopping = false;
  const proxy: FaultProxy = { endpoint: "", mode: { kind: "pass" }, closedByClient: 0, stop: () => Promise.resolve() };
  const server = createServer((client) => {
    sockets.add(client);
    let upstream: Socket | undefined;
    let upstreamClosed = false;
    const open = () => {
      if (upstream) return upstream;
      upstream = connect(Number(port), hostname);
      sockets.add(upstream);
      upstream.on("data", (chunk) => client.write(chunk));
      upstream.on("error", () => undefined);
      upstream.on("close", () => {
        upstreamClosed = true;
        client.destroy();
      });
      return upstream;
    };
    client.on("data", (chunk) => {
      const mode = proxy.mode;
      if (mode.kind === "silent") return;
      if (mode.kind === "pass") {
        open().write(chunk);
        return;
      }
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (!client.destroyed) open().write(chunk);
      }, mode.ms);
      timers.add(timer);
    });
    client.on("error", () => undefined); // a reset from an aborting client is expected
    client.on("close", () => {
      if (!stopping && !upstreamClosed) proxy.closedByClient += 1;
      sockets.delete(client);
      upstream?.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  proxy.endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.stop = () =>
    new Promise<void>((resolve) => {
      stopping = true;
      for (const timer of timers) clearTimeout(timer);
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
  return proxy;
}

/** A loopback server that accepts connections and never answers (no target behind it at all). */
export async function startSilentServer(): Promise<FaultProxy> {
  const proxy = await startFaultProxy("http://127.0.0.1:9");
  proxy.mode = { kind: "silent" };
  return proxy;
}
