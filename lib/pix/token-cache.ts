import { createHash } from "node:crypto";

/**
 * OAuth-style access tokens shared by every adapter instance in the process (instances are
 * created per request, so a per-instance cache would refetch each time). Keys are hashes, so no
 * secret sits in the map's keys; concurrent callers share one in-flight request.
 */
type Entry = { token: string; expiresAt: number };

const tokens = new Map<string, Entry>();
const inflight = new Map<string, Promise<Entry>>();

// why: renew a minute early so a token never expires between our check and the gateway's.
const EARLY_RENEWAL_MS = 60_000;

export function tokenCacheKey(...parts: string[]): string {
  return createHash("sha256").update(parts.join("\u0000")).digest("hex");
}

export async function cachedToken(
  key: string,
  now: () => Date,
  fetchToken: () => Promise<{ token: string; expiresInSeconds: number }>,
  options: { force?: boolean } = {},
): Promise<string> {
  const hit = tokens.get(key);
  if (!options.force && hit && hit.expiresAt - EARLY_RENEWAL_MS > now().getTime()) return hit.token;
  let pending = inflight.get(key);
  if (!pending) {
    pending = fetchToken()
      .then(({ token, expiresInSeconds }) => {
        const entry = { token, expiresAt: now().getTime() + Math.max(0, expiresInSeconds) * 1000 };
        tokens.set(key, entry);
        return entry;
      })
      .finally(() => inflight.delete(key));
    inflight.set(key, pending);
  }
  return (await pending).token;
}

export function dropToken(key: string): void {
  tokens.delete(key);
}

/** Tests only. */
export function clearTokenCache(): void {
  tokens.clear();
}
