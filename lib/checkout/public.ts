// What a buyer without an account may see and do: a price's public summary, and orders by their
// unguessable id. Each action runs for the store that owns the price or order.
import { prisma } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { storeRedirect } from "@/lib/tenancy/after-payment";
import { refreshOrderFromStripe } from "./orders";
import type { AuditContext } from "@/lib/audit/log";
import { boletoStateOf } from "./boleto";

/** The boleto the buyer pays (number and voucher link only while it can still be paid). */
function boletoViewOf(
  order: Parameters<typeof boletoStateOf>[0] & { boletoUrl: string | null; boletoExpiresAt: Date | null },
) {
  const state = boletoStateOf(order);
  if (!state) return null;
  const open = state === "awaiting_payment";
  return {
    state,
    number: open ? (order.boletoNumber ?? "") : "",
    url: open ? (order.boletoUrl ?? "") : "",
    expiresAt: order.boletoExpiresAt?.toISOString() ?? null,
  };
}

export async function getPublicPrice(priceId: string) {
  const price = await prisma.price.findUnique({
    where: { id: priceId },
    select: {
      id: true,
      storeId: true,
      unitAmount: true,
      currency: true,
      type: true,
      interval: true,
      trialDays: true,
      active: true,
      product: { select: { name: true, description: true, imageUrl: true, active: true, maxQuantity: true } },
      store: {
        select: {
          name: true,
          reviewStatus: true,
          afterPayment: true,
          afterPaymentSuccessUrl: true,
          afterPaymentCancelUrl: true,
          stripeAccount: { select: { chargesEnabled: true } },
        },
      },
    },
  });
  if (!price) throw notFound("Price");
  return {
    id: price.id,
    storeId: price.storeId,
    unitAmount: price.unitAmount,
    currency: price.currency,
    type: price.type,
    interval: price.interval,
    trialDays: price.trialDays,
    productName: price.product.name,
    description: price.product.description,
    imageUrl: price.product.imageUrl,
    storeName: price.store.name,
    /** How many a buyer may take at once (1: no quantity field). */
    maxQuantity: price.product.maxQuantity,
    /** The seller's own after-payment page (their "redirect" setting), or null for Vitrine's receipt. */
    paidRedirectBase: storeRedirect(price.store)?.success ?? null,
    /** False while the platform has the store pending review or suspended: its links sell nothing. */
    storeOpen: price.store.reviewStatus === "APPROVED",
    sellable:
      price.store.reviewStatus === "APPROVED" &&
      price.active &&
      price.product.active &&
      Boolean(price.store.stripeAccount?.chargesEnabled),
  };
}
export type PublicPrice = Awaited<ReturnType<typeof getPublicPrice>>;

const REFRESH_EVERY_MS = 2_000;

/** A buyer's view of an order; a pending order is re-read from Stripe at most every 2 s. */
export async function getPublicOrder(orderId: string, audit: AuditContext) {
  let order = await prisma.order.findUnique({ where: { id: orderId } });
  if (!order) throw notFound("Order");
  if (
    (order.status === "PENDING" || order.status === "FAILED") &&
    Date.now() - order.updatedAt.getTime() > REFRESH_EVERY_MS
  ) {
    order = await refreshOrderFromStripe(order.id, audit).catch(() => order!);
    if (order.status === "PENDING" || order.status === "FAILED")
      order = await prisma.order.update({ where: { id: order.id }, data: { updatedAt: new Date() } });
  }
  const price = await prisma.price.findUniqueOrThrow({
    where: { id: order.priceId },
    select: {
      id: true,
      type: true,
      interval: true,
      product: { select: { name: true } },
      store: { select: { name: true } },
    },
  });
  return {
    id: order.id,
    status: order.status,
    amountTotal: order.amountTotal,
    currency: order.currency,
    quantity: order.quantity,
    productName: price.product.name,
    storeName: price.store.name,
    priceId: price.id,
    recurring: price.type === "RECURRING",
    interval: price.interval,
    channel: order.channel,
    failureCode: order.failureCode,
    failureMessage: order.failureMessage,
    canManageSubscription: Boolean(order.subscriptionId && order.stripeCustomerId),
    paidAt: order.paidAt,
    orderId: order.externalOrderId,
    installmentsCount: order.installmentsCount,
    boleto: boletoViewOf(order),
  };
}
export type PublicOrder = Awaited<ReturnType<typeof getPublicOrder>>;
