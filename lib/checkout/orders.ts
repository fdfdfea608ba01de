// Order state derived from Stripe's objects, never from the browser; the transitions themselves
// live in lib/orders (the one state machine).
import type Stripe from "stripe";
import { prisma } from "@/lib/db/client";
import type { AuditContext } from "@/lib/audit/log";
import { notFound } from "@/lib/errors";
import { getStripe, onAccount } from "@/lib/stripe/client";
import { callStripe } from "@/lib/stripe/errors";
import { LISTED_ORDERS } from "@/lib/orders/drafts";
import { isSettled } from "@/lib/orders/state";
import { applyOrderUpdate, type OrderUpdate } from "@/lib/orders/transition";
import type { OrderStatus } from "@/generated/prisma/client";

export function updateFromCheckoutSession(session: Stripe.Checkout.Session): OrderUpdate["status"] | null {
  if (session.status === "expired") return "EXPIRED";
  if (
    session.status === "complete" &&
    (session.payment_status === "paid" || session.payment_status === "no_payment_required")
  )
    return "PAID";
  return null;
}

export function updateFromPaymentIntent(
  pi: Stripe.PaymentIntent,
): Pick<OrderUpdate, "status" | "failureCode" | "failureMessage" | "attemptRef"> | null {
  if (pi.status === "succeeded") return { status: "PAID" };
  if (pi.status === "canceled") return { status: "CANCELED" };
  // An unpaid boleto past its due date: the attempt expired (docs/boleto.md), it was not declined.
  if (
    pi.status === "requires_payment_method" &&
    pi.last_payment_error?.code === "payment_intent_payment_attempt_expired" &&
    pi.last_payment_error.payment_method?.type === "boleto"
  )
    return { status: "EXPIRED" };
  if (pi.status === "requires_payment_method" && pi.last_payment_error) {
    const charge = typeof pi.latest_charge === "string" ? pi.latest_charge : pi.latest_charge?.id;
    return {
      status: "FAILED",
      failureCode: pi.last_payment_error.decline_code ?? pi.last_payment_error.code ?? "payment_failed",
      failureMessage: pi.last_payment_error.message ?? undefined,
      attemptRef: charge ?? pi.last_payment_error.code,
    };
  }
  return null;
}

/** Re-reads the order's Checkout Session or PaymentIntent from Stripe and converges the order. */
export async function refreshOrderFromStripe(orderId: string, audit: AuditContext) {
  const order = await prisma.order.findUnique({ where: { id: orderId } });
  if (!order) throw notFound("Order");
  if (isSettled(order.status)) return order;
  const opts = onAccount(order.stripeAccountId);
  if (order.checkoutSessionId) {
    const session = await callStripe(() =>
      getStripe().checkout.sessions.retrieve(order.checkoutSessionId!, undefined, opts),
    );
    const status = updateFromCheckoutSession(session);
    if (!status) return order;
    return applyOrderUpdate(
      order.id,
      {
        status,
        paymentIntentId:
          typeof session.payment_intent === "string" ? session.payment_intent : session.payment_intent?.id,
        subscriptionId: typeof session.subscription === "string" ? session.subscription : session.subscription?.id,
        stripeCustomerId: typeof session.customer === "string" ? session.customer : session.customer?.id,
        customerEmail: session.customer_details?.email ?? null,
        amountTotal: session.amount_total ?? undefined,
      },
      audit,
    );
  }
  if (order.paymentIntentId) {
    const pi = await callStripe(() => getStripe().paymentIntents.retrieve(order.paymentIntentId!, undefined, opts));
    const next = updateFromPaymentIntent(pi);
    if (!next) return order;
    return applyOrderUpdate(order.id, { ...next, customerEmail: pi.receipt_email }, audit);
  }
  return order;
}

export async function getOrder(storeId: string, orderId: string) {
  const order = await prisma.order.findFirst({
    where: { id: orderId, storeId },
    include: { price: { include: { product: true } } },
  });
  if (!order) throw notFound("Order");
  return order;
}

/** The store's order behind a PaymentIntent id; another store's (or an unknown) id is a 404. */
export async function getOrderByPaymentIntent(storeId: string, paymentIntentId: string) {
  const order = await prisma.order.findFirst({ where: { storeId, paymentIntentId } });
  if (!order) throw notFound("PaymentIntent");
  return order;
}

export function listOrders(storeId: string, opts: { status?: OrderStatus; take?: number } = {}) {
  return prisma.order.findMany({
    where: { storeId, ...(opts.status ? { status: opts.status } : {}), ...LISTED_ORDERS },
    include: { price: { include: { product: { select: { name: true } } } } },
    orderBy: { createdAt: "desc" },
    take: opts.take ?? 100,
  });
}
