import http from "node:http";
import https from "node:https";
import type { FetchLike } from "../http";

/**
 * A fetch that presents a client certificate (mTLS), as the BCB API Pix requires.
 *
 * why node:https and not fetch: Node's global fetch only takes a client certificate through an
 * undici `Agent` passed as `dispatcher`, and the `undici` package is not installed (only its
 * types). node:https takes `cert`/`key`/`ca` directly. Plain `http:` URLs (the local simulator)
 * go through node:http without a certificate.
 */
export type ClientTls = { cert: string; key: string; ca?: string };

export function createMtlsFetch(tls: ClientTls): FetchLike {
  const agent = new https.Agent({ cert: tls.cert, key: tls.key, ca: tls.ca || undefined, keepAlive: true, minVersion: "TLSv1.2" });
  return (input, init = {}) =>
    new Promise<Response>((resolve, reject) => {
      const url = new URL(input);
      const secure = url.protocol === "https:";
      const headers: Record<string, string> = {};
      new Headers(init.headers).forEach((value, key) => (headers[key] = value));
      const body = typeof init.body === "string" ? init.body : undefined;
      if (body !== undefined) headers["content-length"] = String(Buffer.byteLength(body));
      const req = (secure ? https : http).request(
        url,
        { method: init.method ?? "GET", headers, signal: init.signal ?? undefined, ...(secure ? { agent } : {}) },
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
}
