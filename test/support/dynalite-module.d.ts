// Types for dynalite (no @types package): it returns a plain node http.Server.
declare module "dynalite" {
  import type { Server } from "node:http";
  function dynalite(options?: { createTableMs?: number; deleteTableMs?: number; updateTableMs?: number; path?: string; ssl?: boolean }): Server;
  export = dynalite;
}
