import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { appendAudit, type AuditContext } from "@/lib/audit/log";
import { assertHardLimit, LIMITED_CREATION_TX } from "@/lib/billing/limits";
import { createStoreTx } from "./stores";

export const CreateStoreInput = z.strictObject({
  name: z.string().trim().min(2, "Store name must be at least 2 characters.").max(80),
  storeDomain: z
    .url({ protocol: /^https?$/ })
    .transform((u) => new URL(u).origin)
    .optional(),
  currency: z.enum(["BRL", "USD", "EUR"]).default("BRL"),
});

/**
 * Another store for the same seller; each store is its own tenant (keys, account, catalog). The
 * seller's most generous plan caps how many stores they have (plan_limit_reached, checked under a
 * lock on the seller).
 */
export async function createStore(ownerId: string, input: z.infer<typeof CreateStoreInput>, audit: AuditContext) {
  return prisma.$transaction(async (tx) => {
    await assertHardLimit(tx, { resource: "stores", ownerId });
    const store = await createStoreTx(tx, ownerId, input);
    await appendAudit(tx, audit, {
      action: "store.created",
      storeId: store.id,
      target: { type: "store", id: store.id },
      after: { name: store.name, currency: store.currency, storeDomain: store.storeDomain },
    });
    return store;
  }, LIMITED_CREATION_TX);
}
