// PIX from a price's buy link (issue #17): the buyer picks PIX on /pay/<priceId>; the server prices
// unit × quantity − store code (never an amount from the browser), creates the charge through the
// store's active gateways with failover like any charge (asking the buyer for CPF etc. on the PIX
// page only when a gateway needs it), and links it to the price so its callback carries both.
import "server-only";
import { z } from "zod";
import type { AuditContext } from "@/lib/audit/log";
import { assertQuantityAllowed, Quantity } from "@/lib/checkout/quantity";
import { quoteStoreDiscount, type StoreDiscountQuote } from "@/lib/coupons/store";
import { redeemInTx } from "@/lib/coupons/redeem";
import { prisma } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { assertReviewStatusTakesPayments } from "@/lib/tenancy/review";
import { createPixCharge } from "./charges";
import { storeGatewayConfigs } from "./failover";

export const PriceChargeInput = z.strictObject({
  priceId: z.string().min(1).max(64),
  quantity: Quantity.default(1),
  code: z.string().trim().min(1).max(64).nullish(),
});
export type PriceChargeInput = z.infer<typeof PriceChargeInput>;

/** Whether a price's buy link offers PIX: a one-time BRL price of a store with a usable PIX gateway. */
export async function pixOfferedFor(price: { storeId: string; currency: string; type: string }): Promise<boolean> {
  if (price.type !== "ONE_TIME" || price.currency !== "BRL") return false;
  const { chargeable } = await storeGatewayConfigs(price.storeId);
  return chargeable.length > 0;
}

async function sellablePrice(priceId: string) {
  const price = await prisma.price.findUnique({
    where: { id: priceId },
    include: { product: { select: { id: true, name: true, active: true, maxQuantity: true } }, store: true },
  });
  if (!price) throw notFound("Price");
  assertReviewStatusTakesPayments(price.store.reviewStatus);
  if (!price.active || !price.product.active)
    throw new AppError("price_archived", "This price is archived and can no longer be sold.", { param: "priceId" });
  if (!(await pixOfferedFor(price)))
    throw new AppError("pix_not_available", "PIX is not offered for this price.", { param: "priceId" });
  return price;
}

const redemptionKey = (chargeId: string) => `pix_charge:${chargeId}`;

/**
 * Creates (or, for the same page view, quantity and code, returns) the PIX charge of a buy link.
 * `viewKey` is the page view's Idempotency-Key; the quantity and code are part of the charge's key,
 * so changing either makes a new charge instead of a conflict.
 */
export async function createPixChargeForPrice(
  input: PriceChargeInput,
  ctx: { viewKey: string; audit: AuditContext; buyerLocale?: Locale },
) {
  const price = await sellablePrice(input.priceId);
  assertQuantityAllowed(price.product.maxQuantity, input.quantity);
  const subtotal = price.unitAmount * input.quantity;
  const quote: StoreDiscountQuote | null = input.code
    ? await quoteStoreDiscount(price.storeId, input.code, {
        amountMinor: subtotal,
        currency: price.currency,
        productIds: [price.product.id],
      })
    : null;
  const amount = subtotal - (quote?.amountOff ?? 0);
  const description = (input.quantity > 1 ? `${price.product.name} × ${input.quantity}` : price.product.name).slice(
    0,
    140,
  );
  const view = await createPixCharge(price.storeId, ctx.audit, {
    amountCentavos: amount,
    description,
    collectCustomer: true,
    idempotencyKey: `buy-link:${price.id}:${ctx.viewKey}:${input.quantity}:${quote?.code ?? ""}`,
  });
  await prisma.$transaction(async (tx) => {
    // Linked once: a repeated request finds the charge already linked and changes nothing.
    const { count } = await tx.pixCharge.updateMany({
      where: { id: view.id, storeId: price.storeId, priceId: null },
      data: {
        priceId: price.id,
        quantity: input.quantity,
        amountSubtotalCentavos: subtotal,
        discountCode: quote?.code ?? null,
        discountCentavos: quote?.amountOff ?? 0,
        // The buyer's language, for their receipt (lib/i18n/buyer-locale.ts).
        ...(ctx.buyerLocale ? { buyerLocale: ctx.buyerLocale } : {}),
      },
    });
    // The code's use is held for this charge (counted against its limits) like an Elements order's.
    if (count === 1 && quote)
      await redeemInTx(tx, {
        couponId: quote.couponId,
        promotionCodeId: quote.promotionCodeId,
        storeId: price.storeId,
        targetType: "pix_charge",
        targetId: view.id,
        uniqueKey: redemptionKey(view.id),
        amountOff: quote.amountOff,
        currency: quote.currency,
        customerEmail: null,
        status: "reserved",
      });
  });
  return {
    id: view.id,
    status: view.status,
    amountCentavos: amount,
    amountSubtotalCentavos: subtotal,
    discountCentavos: quote?.amountOff ?? 0,
    quantity: input.quantity,
    payPath: `/pay/pix/${view.id}`,
  };
}
