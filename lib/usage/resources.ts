// The resources Vitrine meters on its own, and how each is counted. The resource names are
// lib/billing's (entitlements): soft resources are flows per billing period (warned at 80 % and
// 100 %, then blocked or billed in credits); count resources are a level at any time (their hard
// limits are enforced where they are created, by lib/billing).
import { RESOURCES, SOFT_RESOURCES, type SoftResource } from "@/lib/billing/entitlements";

export { SOFT_RESOURCES, type SoftResource };

/** Levels (how many exist now), with hard limits. team_members has no source table yet. */
export const COUNT_RESOURCES = ["products", "stores"] as const;
export type CountResource = (typeof COUNT_RESOURCES)[number];

/** Names a store may not report through POST /api/v1/usage: Vitrine counts them itself. */
export const RESERVED_RESOURCES: ReadonlySet<string> = new Set(RESOURCES);

/** Resources counted from their source table by the rollup (api_calls is counted in process). */
export const ROLLUP_FLOWS = ["orders", "pix_charges", "callbacks"] as const satisfies readonly SoftResource[];
export type RollupFlow = (typeof ROLLUP_FLOWS)[number];

/** Soft resources whose new units a blocked plan refuses; callbacks past their limit only alert (a buyer's payment is being told). */
export const BLOCKABLE_RESOURCES: ReadonlySet<string> = new Set(["api_calls", "orders", "pix_charges"]);

export const ALERT_THRESHOLDS = [80, 100] as const;

export function isSoftResource(r: string): r is SoftResource {
  return (SOFT_RESOURCES as readonly string[]).includes(r);
}

export function isCountResource(r: string): r is CountResource {
  return (COUNT_RESOURCES as readonly string[]).includes(r);
}

/** Percent points in a whole (usage counts, not money). */
const WHOLE = 100;

/** Whole percent used, rounded down (so 100 means the limit is reached, never almost reached). */
export function percentOf(used: number, limit: number | null): number | null {
  if (limit === null) return null;
  if (limit <= 0) return used > 0 ? WHOLE : 0;
  return Math.floor((used * WHOLE) / limit);
}

/** The alert thresholds `used` has reached against `limit` (none for unlimited or unused). */
export function reachedThresholds(used: number, limit: number | null): number[] {
  const percent = percentOf(used, limit);
  if (percent === null || used <= 0) return [];
  return ALERT_THRESHOLDS.filter((t) => percent >= t);
}
