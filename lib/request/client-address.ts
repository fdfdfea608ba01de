// Who is calling, as scripts/server.mjs established it from the socket (and X-Forwarded-For only
// through TRUSTED_PROXIES). The app never reads X-Forwarded-For or X-Real-IP itself.

/** Overwritten by scripts/server.mjs on every request (same names as scripts/client-address.mjs). */
export const PEER_HEADER = "x-vitrine-peer";
export const CLIENT_IP_HEADER = "x-vitrine-client-ip";

/** What a request's address is when nothing trustworthy says otherwise. */
export const UNKNOWN_ADDRESS = "unknown";

const SERVER_MARK = Symbol.for("vitrine.server");

/**
 * True in a process started by scripts/server.mjs, which marks globalThis before Next loads.
 * Anywhere else (`next start`, `next dev`, a test) nothing rewrote the headers above, so a client
 * could have sent them: they are not read.
 */
export function behindAppServer(): boolean {
  return (globalThis as Record<symbol, unknown>)[SERVER_MARK] === true;
}

type HeaderSource = Headers | Record<string, unknown> | undefined | null;

function header(headers: HeaderSource, name: string): string | undefined {
  if (!headers) return undefined;
  const value = headers instanceof Headers ? headers.get(name) : headers[name];
  return typeof value === "string" && value ? value : undefined;
}

/** The client address (for limits and the audit trail) and the socket peer (for loopback checks). */
export function requestAddresses(headers: HeaderSource): { client: string; peer: string } {
  if (!behindAppServer()) return { client: UNKNOWN_ADDRESS, peer: UNKNOWN_ADDRESS };
  return {
    client: header(headers, CLIENT_IP_HEADER) ?? UNKNOWN_ADDRESS,
    peer: header(headers, PEER_HEADER) ?? UNKNOWN_ADDRESS,
  };
}

const LOOPBACK_V4 = /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

export function isLoopback(address: string): boolean {
  return LOOPBACK_V4.test(address) || address === "::1";
}

/**
 * A caller on this machine talking to the server directly: the socket is loopback and no trusted
 * proxy relayed the request for someone else (a proxy on localhost makes every peer loopback).
 */
export function isDirectLoopback({ ip, peer }: { ip: string; peer: string }): boolean {
  return isLoopback(peer) && ip === peer;
}

/** Production must run behind scripts/server.mjs, or every client would share one address. */
export function assertAppServerInProduction(appEnv: string | undefined): void {
  if (appEnv === "production" && !behindAppServer())
    throw new Error(
      "APP_ENV=production must run through scripts/server.mjs (npm start), which establishes the client address; `next start` alone cannot.",
    );
}
