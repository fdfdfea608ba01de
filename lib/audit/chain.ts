import { createHash } from "node:crypto";

export const GENESIS_HASH = "0".repeat(64);
/** Platform-level actions (no store) and the anchors. */
export const PLATFORM_CHAIN = "platform";
/** The single platform-wide chain written before per-store chains; frozen, verified as written. */
export const LEGACY_CHAIN = "legacy";

/** One chain per store; actions without a store go to the platform chain. */
export function chainKeyFor(storeId: string | null | undefined): string {
  return storeId ?? PLATFORM_CHAIN;
}

export type AuditFields = {
  createdAt: Date;
  actorType: string;
  actorId: string | null;
  storeId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  /** Hashed for per-store and platform chains, so an entry cannot be moved to another chain or
   * position; absent (undefined) for legacy entries, whose hashes predate them. */
  chainKey?: string;
  seq?: string;
};

/** Deterministic JSON: object keys sorted at every level. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  if (typeof value === "bigint") return JSON.stringify(value.toString());
  return JSON.stringify(value);
}

/** hash_n = sha256(hash_{n-1} || canonical(entry_n)). */
export function chainHash(prevHash: string, entry: AuditFields): string {
  return createHash("sha256").update(prevHash).update("\n").update(canonicalJson(entry)).digest("hex");
}
