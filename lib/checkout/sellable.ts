// What every buyer-facing payment starts from: a price of this store that can be sold now, the
// store's connected account with charges enabled, and the fee the platform takes.
import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { requireAccount } from "@/lib/connect/accounts";
import { effectivePlan } from "@/lib/billing/entitlements";
import { assertReviewStatusTakesPayments } from "@/lib/tenancy/review";
import type { FeeRate } from "./fees";

export const BuyerInput = z.strictObject({
  priceId: z.string().min(1),
  quantity: z
    .number()
    .int()
    .min(1, "quantity must be at least 1.")
    .max(100, "quantity must be at most 100.")
    .default(1),
  currency: z.string().trim().toUpperCase().length(3).optional(),
  orderId: z.string().trim().min(1).max(200).optional(),
  customerEmail: z.string().trim().toLowerCase().pipe(z.email()).optional(),
});
export type BuyerInput = z.infer<typeof BuyerInput>;

/** The fee of the store's effective plan: a lapsed or missing plan pays Free's rate, never less. */
export async function feeRateForStore(storeId: string): Promise<FeeRate> {
  return (await effectivePlan(storeId)).fee;
}

/** Loads the price (404 if not this store's), refuses archived prices and unready accounts. */
export async function loadSellablePrice(storeId: string, input: Pick<BuyerInput, "priceId" | "currency">) {
  const price = await prisma.price.findFirst({
    where: { id: input.priceId, storeId },
    include: { product: true, store: true },
  });
  if (!price) throw notFound("Price");
  // Suspended by the platform or still under review: no new Checkout session or PaymentIntent.
  assertReviewStatusTakesPayments(price.store.reviewStatus);
  if (!price.active || !price.product.active)
    throw new AppError("price_archived", "This price is archived and can no longer be sold.", { param: "priceId" });
  if (input.currency && input.currency !== price.currency)
    throw new AppError("currency_mismatch", `This price is in ${price.currency}, not ${input.currency}.`, {
      param: "currency",
    });
  if (!price.stripePriceId)
    throw new AppError("account_not_connected", "This price is not published to Stripe yet.", { param: "priceId" });
  const account = await requireAccount(storeId, { chargesEnabled: true });
  return { price, account, fee: await feeRateForStore(storeId) };
}

/** The order a repeated request (same Idempotency-Key) already created, if any. */
export function findIdempotentOrder(storeId: string, idempotencyKey: string | undefined) {
  if (!idempotencyKey) return null;
  return prisma.order.findUnique({ where: { storeId_idempotencyKey: { storeId, idempotencyKey } } });
}
