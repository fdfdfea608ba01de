// The `orders.expire-abandoned` job: an Elements payment nobody finished — a page view that never
// became an attempt (a draft), or declined attempts the buyer gave up on — is closed after a day.
// Its PaymentIntent is canceled on Stripe first (so nothing can pay it afterwards), then the order
// moves to EXPIRED through the state machine; a payment that went through meanwhile is recorded as
// paid instead. An issued boleto is left alone until its own due date: Stripe expires it.
// It lives in lib/checkout (not lib/orders) because it re-reads orders through checkout's Stripe
// mapping, and lib/orders must not import lib/checkout back. docs/orders-drafts.md.
import "server-only";
import Stripe from "stripe";
import type { AuditContext } from "@/lib/audit/log";
import { prisma } from "@/lib/db/client";
import type { JobDefinition } from "@/lib/jobs/runner";
import { logger } from "@/lib/log/logger";
import { applyOrderUpdate } from "@/lib/orders/transition";
import { getStripe, onAccount } from "@/lib/stripe/client";
import { refreshOrderFromStripe } from "./orders";

export const ABANDON_AFTER_MS = 24 * 60 * 60 * 1000;
/** A boleto is paid up to its due date and confirmed by the bank a business day later. */
const BOLETO_GRACE_MS = 3 * 24 * 60 * 60 * 1000;

const AUDIT: AuditContext = { actor: { type: "system", id: "orders.expire-abandoned" } };

/** Expires abandoned Elements orders older than the TTL. Returns how many were expired. */
export async function expireAbandonedOrders(now = new Date(), batch = 200): Promise<number> {
  const before = new Date(now.getTime() - ABANDON_AFTER_MS);
  const stale = await prisma.order.findMany({
    where: {
      channel: "ELEMENTS",
      status: { in: ["PENDING", "FAILED"] },
      createdAt: { lt: before },
      OR: [{ boletoExpiresAt: null }, { boletoExpiresAt: { lt: new Date(now.getTime() - BOLETO_GRACE_MS) } }],
    },
    select: { id: true, paymentIntentId: true, stripeAccountId: true },
    orderBy: { createdAt: "asc" },
    take: batch,
  });
  let expired = 0;
  for (const order of stale) {
    try {
      if (await expireOne(order)) expired++;
    } catch (err) {
      logger.warn({ err, orderId: order.id }, "could not expire an abandoned order; retrying next run");
    }
  }
  if (expired) logger.info({ expired }, "expired abandoned Elements orders");
  return expired;
}

async function expireOne(order: { id: string; paymentIntentId: string | null; stripeAccountId: string }) {
  if (order.paymentIntentId) {
    const opts = onAccount(order.stripeAccountId);
    const stripe = getStripe();
    const pi = await stripe.paymentIntents.retrieve(order.paymentIntentId, undefined, opts);
    if (pi.status === "succeeded" || pi.status === "processing") {
      await refreshOrderFromStripe(order.id, AUDIT);
      return false;
    }
    if (pi.status !== "canceled") {
      try {
        await stripe.paymentIntents.cancel(pi.id, { cancellation_reason: "abandoned" }, opts);
      } catch (err) {
        // It succeeded between the read and the cancel: record the payment, never expire it.
        if (err instanceof Stripe.errors.StripeInvalidRequestError) {
          await refreshOrderFromStripe(order.id, AUDIT);
          return false;
        }
        throw err;
      }
    }
  }
  const after = await applyOrderUpdate(order.id, { status: "EXPIRED" }, AUDIT);
  return after.status === "EXPIRED";
}

export const ordersExpireAbandonedJob: JobDefinition = {
  name: "orders.expire-abandoned",
  cron: "41 * * * *",
  retryLimit: 2,
  retryDelaySeconds: 60,
  async handle() {
    await expireAbandonedOrders();
  },
};
