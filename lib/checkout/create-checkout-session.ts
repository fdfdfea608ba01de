// Hosted Checkout for one price, on the seller's connected account (a direct charge) with the
// platform's application fee.
import type Stripe from "stripe";
import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { appendAudit, type AuditContext } from "@/lib/audit/log";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { getStripe, onAccount } from "@/lib/stripe/client";
import { callStripe } from "@/lib/stripe/errors";
import { planCheckoutDiscount, releaseUnpaidOrderDiscount, reserveCheckoutDiscount } from "./coupons";
import { checkoutUrls } from "@/lib/tenancy/after-payment";
import { applicationFeeAmount, applicationFeePercent } from "./fees";
import { BuyerInput, findIdempotentOrder, loadSellablePrice } from "./sellable";

export const CreateCheckoutSessionInput = BuyerInput.extend({
  successUrl: z.url({ protocol: /^https?$/ }).optional(),
  cancelUrl: z.url({ protocol: /^https?$/ }).optional(),
  /** A store promotion code ("cupom de desconto"): checked and applied now, the total discounted. */
  promotionCode: z.string().trim().min(1).max(40).optional(),
});
export type CreateCheckoutSessionInput = z.infer<typeof CreateCheckoutSessionInput>;

/** With a storeDomain set, buyers may only be sent back to that site (or to Vitrine itself). */
export function checkRedirectUrl(url: string | undefined, storeDomain: string | null, appUrl: string, param: string) {
  if (!url || !storeDomain) return;
  const origin = new URL(url).origin;
  if (origin !== new URL(storeDomain).origin && origin !== new URL(appUrl).origin)
    throw new AppError("url_not_allowed", `${param} must be on ${new URL(storeDomain).origin}.`, { param });
}

export async function createCheckoutSession(
  storeId: string,
  input: CreateCheckoutSessionInput,
  ctx: {
    appUrl: string;
    idempotencyKey?: string;
    audit: AuditContext;
    /** The buyer's language (lib/i18n/buyer-locale.ts) when a buyer page starts the checkout. */
    buyerLocale?: Locale;
  },
) {
  const replay = await findIdempotentOrder(storeId, ctx.idempotencyKey);
  if (replay?.checkoutSessionId && replay.checkoutUrl)
    return { order: replay, url: replay.checkoutUrl, sessionId: replay.checkoutSessionId };
  const { price, account, fee } = await loadSellablePrice(storeId, input);
  const storeDomain = price.store.storeDomain;
  checkRedirectUrl(input.successUrl, storeDomain, ctx.appUrl, "successUrl");
  checkRedirectUrl(input.cancelUrl, storeDomain, ctx.appUrl, "cancelUrl");
  const recurring = price.type === "RECURRING";
  const discount = await planCheckoutDiscount(storeId, {
    code: input.promotionCode,
    replayOrderId: replay?.id,
    amountMinor: price.unitAmount * input.quantity,
    currency: price.currency,
    productId: price.productId,
    customerEmail: input.customerEmail,
  });
  const amountTotal = price.unitAmount * input.quantity - (discount.quote?.amountOff ?? 0);
  const feeAmount = recurring ? null : applicationFeeAmount(amountTotal, price.currency, fee);
  const order =
    replay ??
    (await prisma.$transaction(async (tx) => {
      const created = await tx.order.create({
        data: {
          storeId,
          priceId: price.id,
          channel: "CHECKOUT",
          quantity: input.quantity,
          amountTotal,
          currency: price.currency,
          applicationFeeAmount: feeAmount,
          applicationFeePercentBps: recurring ? fee.percentBps : null,
          externalOrderId: input.orderId,
          customerEmail: input.customerEmail,
          stripeAccountId: account.accountId,
          idempotencyKey: ctx.idempotencyKey,
          buyerLocale: ctx.buyerLocale ?? null,
        },
      });
      await reserveCheckoutDiscount(tx, storeId, created.id, discount.quote, input.customerEmail);
      return created;
    }));
  const urls = checkoutUrls(price.store, ctx.appUrl, { id: order.id, externalOrderId: input.orderId });
  const metadata = { vitrineOrderId: order.id, storeId, ...(input.orderId ? { orderId: input.orderId } : {}) };
  const params: Stripe.Checkout.SessionCreateParams = {
    mode: recurring ? "subscription" : "payment",
    line_items: [{ price: price.stripePriceId!, quantity: input.quantity }],
    success_url: input.successUrl ?? urls.success,
    cancel_url: input.cancelUrl ?? urls.cancel,
    client_reference_id: input.orderId ?? order.id,
    customer_email: input.customerEmail,
    metadata,
    ...(discount.quote ? { discounts: [{ promotion_code: discount.quote.stripePromotionCodeId }] } : {}),
    ...(discount.allowPromotionCodes ? { allow_promotion_codes: true } : {}),
    ...(recurring
      ? {
          subscription_data: {
            application_fee_percent: applicationFeePercent(fee),
            metadata,
            ...(price.trialDays ? { trial_period_days: price.trialDays } : {}),
          },
        }
      : { payment_intent_data: { application_fee_amount: feeAmount!, metadata } }),
  };
  // Keyed on our order: a retry after a crash reuses the same session instead of opening another.
  const session = await callStripe(() =>
    getStripe().checkout.sessions.create(params, onAccount(account.accountId, `vitrine:checkout:${order.id}`)),
  ).catch(async (err) => {
    await releaseUnpaidOrderDiscount(order.id);
    throw err;
  });
  const saved = await prisma.$transaction(async (tx) => {
    const updated = await tx.order.update({
      where: { id: order.id },
      data: {
        checkoutSessionId: session.id,
        checkoutUrl: session.url,
        successUrl: params.success_url,
        cancelUrl: params.cancel_url,
      },
    });
    await appendAudit(tx, ctx.audit, {
      action: "checkout.session_created",
      storeId,
      target: { type: "order", id: order.id },
      after: {
        sessionId: session.id,
        amountTotal,
        currency: price.currency,
        applicationFeeAmount: feeAmount,
        mode: params.mode,
      },
    });
    return updated;
  });
  return { order: saved, url: session.url!, sessionId: session.id };
}
