// How a stored gateway configuration becomes a live adapter: decrypt its credentials (bound to the
// row id), pick its base URL (explicit, else the local simulator when PIX_SIMULATOR_URL is set,
// else the gateway's real default) and build the webhook URL the gateway must call.
import "server-only";
import { randomBytes } from "node:crypto";
import { decryptJson, encryptJson } from "@/lib/crypto/encryption";
import { appUrl } from "@/lib/env/app-url";
import { env } from "@/lib/env/server";
import { lookup as dnsLookup } from "node:dns";
import type { LookupFunction } from "node:net";
import { checkCallbackUrl, guardedLookup, isAllowListed, type Resolver } from "@/lib/callbacks/ssrf";
import type { AddressGuard } from "@/lib/pix/http";
import { createGateway } from "@/lib/pix/registry";
import type { PixGateway } from "@/lib/pix/types";

export type StoredConfig = {
  id: string;
  gateway: string;
  credentials: string;
  baseUrl: string | null;
  endpointToken: string;
};

/** AAD context of a config's credentials: the ciphertext only opens in its own row. */
export const credentialsContext = (configId: string) => `pixgw:${configId}`;

export function sealCredentials(configId: string, credentials: Record<string, unknown>): string {
  return encryptJson(credentials, { context: credentialsContext(configId) });
}

export function openCredentials(config: Pick<StoredConfig, "id" | "credentials">): Record<string, unknown> {
  return decryptJson<Record<string, unknown>>(config.credentials, { context: credentialsContext(config.id) });
}

/** The key id part of an envelope (`v1.<kid>.…`). */
export function keyIdOf(token: string): string {
  return token.split(".")[1] ?? "";
}

export function newEndpointToken(): string {
  return randomBytes(24).toString("base64url");
}

/** The gateway's base URL for this config: explicit, else `<PIX_SIMULATOR_URL>/<gateway>`, else the adapter's default. */
export function resolveBaseUrl(gateway: string, baseUrl: string | null | undefined): string | undefined {
  if (baseUrl) return baseUrl;
  if (gateway === "direct_key") return undefined;
  const sim = env().PIX_SIMULATOR_URL?.trim().replace(/\/+$/, "");
  return sim ? `${sim}/${gateway}` : undefined;
}

export function webhookUrlFor(config: Pick<StoredConfig, "gateway" | "endpointToken">): string | null {
  if (config.gateway === "direct_key") return null;
  return `${appUrl()}/api/webhooks/pix/${config.gateway}/${config.endpointToken}`;
}

/**
 * A base URL the seller typed is re-checked on every request, not only when saved: the URL (IP
 * literals, allow-list) before it is sent and every address its host resolves to when the
 * connection is made (DNS may change after the save). Redirects are never followed (lib/pix/http.ts).
 */
export function sellerUrlGuard(resolve?: Resolver): AddressGuard {
  const guarded = guardedLookup(resolve);
  const lookup: LookupFunction = (hostname, options, callback) =>
    isAllowListed(hostname) ? dnsLookup(hostname, options, callback as never) : guarded(hostname, options, callback);
  return {
    async check(url) {
      const result = await checkCallbackUrl(url.toString(), { resolve });
      return result.ok ? null : result.reason;
    },
    lookup,
  };
}

/**
 * Live adapters by config, kept for a few minutes: building one decrypts the credentials, and a
 * webhook or a buyer's poll would otherwise pay for that on every request. The key holds the
 * ciphertext and the base URL, so new credentials or a moved gateway make a new adapter at once.
 */
const ADAPTER_TTL_MS = 5 * 60_000;
const ADAPTER_CACHE_MAX = 500;
const adapters = new Map<string, { gw: PixGateway; until: number }>();

function buildGateway(config: StoredConfig, credentials: Record<string, unknown>): PixGateway {
  // The simulator (operator's setting) and the adapters' own defaults are not the seller's input.
  return createGateway(config.gateway, credentials, {
    baseUrl: resolveBaseUrl(config.gateway, config.baseUrl),
    ...(config.baseUrl ? { addressGuard: sellerUrlGuard() } : {}),
  });
}

export function gatewayFor(config: StoredConfig, credentials?: Record<string, unknown>): PixGateway {
  if (credentials) return buildGateway(config, credentials);
  const key = `${config.id}\u0000${config.gateway}\u0000${config.credentials}\u0000${resolveBaseUrl(config.gateway, config.baseUrl) ?? ""}`;
  const now = Date.now();
  const hit = adapters.get(key);
  if (hit && hit.until > now) return hit.gw;
  const gw = buildGateway(config, openCredentials(config));
  if (adapters.size >= ADAPTER_CACHE_MAX) adapters.delete(adapters.keys().next().value!);
  adapters.set(key, { gw, until: now + ADAPTER_TTL_MS });
  return gw;
}
