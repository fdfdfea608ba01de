// Hard limits: creating one more product (per store) or store (per seller) than the plan allows is
// refused with plan_limit_reached (403) carrying resource, limit, used and upgrade_url. The
// authoritative check runs inside the creating transaction after locking the row that owns the
// count (the Store for products, the seller's User for stores), so concurrent creations at the
// limit are counted one after another and exactly the allowed number get in. docs/billing.md "Limits".
import { prisma, type Tx } from "@/lib/db/client";
import { lockRow } from "@/lib/db/lock";
import { appUrl } from "@/lib/env/app-url";
import { AppError } from "@/lib/errors";
import { effectivePlan } from "./entitlements";

export type LimitedCreation = { resource: "products"; storeId: string } | { resource: "stores"; ownerId: string };
export type HardLimitUsage = {
  resource: LimitedCreation["resource"];
  limit: number | null;
  used: number;
  plan: string;
};

type Db = Pick<Tx, "platformSubscription" | "platformPlan" | "product" | "store">;

/**
 * Options for a transaction that calls assertHardLimit: concurrent creations queue on the row lock
 * (each holding a pooled connection), so a burst must be allowed to wait its turn instead of failing
 * on Prisma's 2 s / 5 s defaults with a 500 (as the credits ledger does).
 */
export const LIMITED_CREATION_TX = { maxWait: 20_000, timeout: 20_000 } as const;

/** Where a seller raises a limit. */
export function upgradeUrl(): string {
  return `${appUrl()}/dashboard/plan`;
}

/**
 * Products: the store's active products against its plan (archived products do not count; restoring
 * one is a creation). Stores: the seller's stores against the most generous plan among them.
 */
export async function hardLimitUsage(scope: LimitedCreation, db: Db = prisma): Promise<HardLimitUsage> {
  if (scope.resource === "products") {
    const { entitlements, plan } = await effectivePlan(scope.storeId, db);
    const limit = entitlements.limits.products;
    const used = await db.product.count({ where: { storeId: scope.storeId, active: true } });
    return { resource: "products", limit, used, plan: plan.name };
  }
  const stores = await db.store.findMany({ where: { ownerId: scope.ownerId }, select: { id: true } });
  let best: { limit: number | null; plan: string } | null = null;
  for (const s of stores) {
    const { entitlements, plan } = await effectivePlan(s.id, db);
    const limit = entitlements.limits.stores;
    if (!best || limit === null || (best.limit !== null && limit > best.limit)) best = { limit, plan: plan.name };
    if (limit === null) break;
  }
  // A seller with no store yet (sign-up creates the first) is not limited.
  return { resource: "stores", limit: best?.limit ?? null, used: stores.length, plan: best?.plan ?? "" };
}

const NOUN = { products: "products", stores: "stores" } as const;

export function planLimitError(u: HardLimitUsage & { limit: number }): AppError {
  const url = upgradeUrl();
  return new AppError(
    "plan_limit_reached",
    `Your ${u.plan} plan allows ${u.limit} ${NOUN[u.resource]} and you have ${u.used}. Upgrade your plan to add more: ${url}`,
    {
      param: u.resource,
      details: { resource: u.resource, limit: u.limit, used: u.used, plan: u.plan, upgrade_url: url },
    },
  );
}

function refuseOver(u: HardLimitUsage, adding: number) {
  if (u.limit !== null && u.used + adding > u.limit) throw planLimitError({ ...u, limit: u.limit });
}

/** A quick check without locks, before slow work (Stripe calls): refuses at once when already full. */
export async function checkHardLimit(scope: LimitedCreation, adding = 1): Promise<void> {
  refuseOver(await hardLimitUsage(scope), adding);
}

/**
 * The check that holds: call it inside the transaction that creates, before the insert. It locks the
 * Store (products) or User (stores) row until the transaction ends, so a concurrent creation waits
 * and then counts this one.
 */
export async function assertHardLimit(tx: Tx, scope: LimitedCreation, adding = 1): Promise<void> {
  await lockHardLimit(tx, scope);
  refuseOver(await hardLimitUsage(scope, tx), adding);
}

/**
 * Takes the lock assertHardLimit takes, for a caller that must look at something else under it first
 * (e.g. whether this request already created its row). Locking twice in one transaction is harmless.
 */
export async function lockHardLimit(tx: Tx, scope: LimitedCreation): Promise<void> {
  if (scope.resource === "products") await lockRow(tx, "Store", scope.storeId);
  else await lockRow(tx, "User", scope.ownerId);
}
