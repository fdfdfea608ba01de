// Types for scripts/client-address.mjs (plain Node, imported by tests).
export declare const PEER_HEADER: "x-vitrine-peer";
export declare const CLIENT_IP_HEADER: "x-vitrine-client-ip";
export type Trust =
  | { kind: "none" }
  | { kind: "hops"; hops: number }
  | { kind: "list"; list: import("node:net").BlockList; entries: string[] };
export declare function normalizeIp(value: unknown): string | null;
export declare function parseTrustedProxies(spec: string | undefined): Trust;
export declare function clientAddress(peer: string | undefined, forwardedFor: string | undefined, trust: Trust): string;
