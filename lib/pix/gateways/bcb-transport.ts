import https from "node:https";
import type { FetchLike } from "../http";
import { createNodeFetch, type AddressGuard } from "../transport";

/**
 * A fetch that presents a client certificate (mTLS), as the BCB API Pix requires.
 *
 * why node:https and not fetch: Node's global fetch only takes a client certificate through an
 * undici `Agent` passed as `dispatcher`, and the `undici` package is not installed (only its
 * types). node:https takes `cert`/`key`/`ca` directly. Plain `http:` URLs (the local simulator)
 * go through node:http without a certificate. Redirects are never followed.
 */
export type ClientTls = { cert: string; key: string; ca?: string };

export function createMtlsFetch(tls: ClientTls, guard?: AddressGuard): FetchLike {
  const agent = new https.Agent({
    cert: tls.cert,
    key: tls.key,
    ca: tls.ca || undefined,
    keepAlive: true,
    minVersion: "TLSv1.2",
  });
  return createNodeFetch({ agent, guard });
}
