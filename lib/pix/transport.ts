import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import type { FetchLike } from "./http";

/**
 * Decides, for a seller-typed gateway base URL, whether a request may go out: `check` runs on the
 * URL of every request (IP literals, allow-list), `lookup` on every address a host name resolves to
 * when the connection is made (so DNS cannot be re-pointed at an internal address after the check).
 */
export type AddressGuard = {
  /** A reason when the URL must not be fetched; null when it may. */
  check(url: URL): Promise<string | null>;
  lookup?: LookupFunction;
};

export class AddressRefusedError extends Error {
  readonly code = "ENOTPUBLIC";
}

export type NodeFetchOptions = { agent?: https.Agent; guard?: AddressGuard };

/**
 * A fetch over node:http(s). Never follows redirects (a 3xx comes back as it is), takes an mTLS
 * agent and an address guard — what Node's global fetch cannot do without the undici package.
 */
export function createNodeFetch(opts: NodeFetchOptions = {}): FetchLike {
  return async (input, init = {}) => {
    const url = new URL(input);
    if (opts.guard) {
      const reason = await opts.guard.check(url);
      if (reason) throw new AddressRefusedError(reason);
    }
    const secure = url.protocol === "https:";
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, key) => {
      headers[key] = value;
    });
    const body = typeof init.body === "string" ? init.body : undefined;
    if (body !== undefined) headers["content-length"] = String(Buffer.byteLength(body));
    return new Promise<Response>((resolve, reject) => {
      const req = (secure ? https : http).request(
        url,
        {
          method: init.method ?? "GET",
          headers,
          signal: init.signal ?? undefined,
          // A guarded request gets its own connection, so the address is checked each time.
          ...(secure && opts.agent ? { agent: opts.agent } : opts.guard ? { agent: false } : {}),
          ...(opts.guard?.lookup ? { lookup: opts.guard.lookup } : {}),
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("error", reject);
          res.on("end", () => {
            const out = new Headers();
            for (const [k, v] of Object.entries(res.headers)) for (const item of [v ?? []].flat()) out.append(k, item);
            const status = res.statusCode ?? 502;
            const nullBody = status === 204 || status === 205 || status === 304;
            resolve(new Response(nullBody ? null : Buffer.concat(chunks), { status, headers: out }));
          });
        },
      );
      req.on("error", reject);
      req.end(body);
    });
  };
}
