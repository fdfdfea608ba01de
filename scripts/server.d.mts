// Types for scripts/server.mjs (plain Node, imported by tests).
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { Trust } from "./client-address.mjs";
export declare const SERVER_MARK: unique symbol;
export declare function errorJson(code: string, message: string, requestId: string): string;
export declare function stampRequest(req: IncomingMessage, trust: Trust): string;
export declare function createAppServer(options: {
  handle: (req: IncomingMessage, res: ServerResponse) => unknown;
  trust: Trust;
  onError?: (err: unknown, requestId: string) => void;
}): Server;
