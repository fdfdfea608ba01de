// Card refunds asked from Vitrine (the order page and POST /api/v1/orders/:id/refunds). Under the
// order's row lock the ceiling is checked — the order's amount minus every succeeded or pending
// refund, ours and Stripe's — and the refund reserved (OrderRefund, status "requested") before Stripe
// is called, so concurrent requests can never together pass it. Stripe is then asked on the connected
// account with refund_application_fee, keyed by an idempotency key derived from the caller's. The
// order's status, the payment.refunded callback and the audit of the refund itself follow from the
// charge.refunded / refund.* webhooks (recordOrderRefunds in ./transition.ts), never from here.
import "server-only";
import { createHash } from "node:crypto";
import Stripe from "stripe";
import { z } from "zod";
import type { Order, OrderRefund } from "@/generated/prisma/client";
import { appendAudit, type AuditContext } from "@/lib/audit/log";
import { prisma } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { lockRow } from "@/lib/db/lock";
import { AppError, notFound } from "@/lib/errors";
import { logger } from "@/lib/log/logger";
import { formatMoney } from "@/lib/money";
import { getStripe, onAccount } from "@/lib/stripe/client";
import { paymentIntentOfInvoice } from "./invoice-payment";
import {
  type OrderRefundView,
  type OrderRefunds,
  REFUNDABLE_STATUSES,
  refundLines,
  refundView,
  summarise,
} from "./refund-totals";

export const REFUND_REASONS = ["requested_by_customer", "duplicate", "fraudulent"] as const;
export type RefundReason = (typeof REFUND_REASONS)[number];

export const RefundOrderInput = z.strictObject({
  /** Minor units of the order's currency; absent = everything that remains. */
  amount: z.int().positive().max(999_999_999_99).optional(),
  reason: z.enum(REFUND_REASONS).optional(),
});
export type RefundOrderInput = z.infer<typeof RefundOrderInput>;

/** How long a reserved refund with no answer from Stripe is treated as another request in flight. */
const IN_FLIGHT_MS = 60_000;
/** Stripe keeps idempotency keys for 24 hours: past that, an unanswered reservation is given up. */
const STRIPE_KEY_TTL_MS = 24 * 3600_000;

export function requireRefundKey(key: string | undefined): string {
  if (!key)
    throw new AppError(
      "idempotency_key_required",
      "Send an Idempotency-Key header: a replay with the same key returns the first refund.",
      { param: "Idempotency-Key" },
    );
  return key;
}

const requestHash = (orderId: string, input: RefundOrderInput) =>
  createHash("sha256")
    .update(JSON.stringify({ orderId, amount: input.amount ?? null, reason: input.reason ?? null }))
    .digest("hex");

/** Stripe's idempotency key for our refund: derived from the store and the caller's key, never the key itself. */
export const stripeRefundKey = (storeId: string, idempotencyKey: string) =>
  `vitrine-refund-${createHash("sha256").update(`${storeId}\u0000${idempotencyKey}`).digest("hex").slice(0, 40)}`;

async function notAnOrder(storeId: string, id: string): Promise<AppError> {
  const pix = await prisma.pixCharge.findFirst({ where: { id, storeId }, select: { id: true } });
  if (!pix) return notFound("Order");
  return new AppError(
    "order_not_refundable",
    `${id} is a PIX charge: refund it with POST /api/v1/pix/charges/${id}/refunds (where its gateway supports refunds).`,
    { details: { pixChargeId: id, refundUrl: `/api/v1/pix/charges/${id}/refunds` } },
  );
}

function notRefundable(order: Order): AppError {
  const why =
    order.status === "REFUNDED"
      ? "This order is already fully refunded."
      : order.status === "DISPUTED"
        ? "This order has a dispute: the money is held by the card network until it closes."
        : `Only paid orders can be refunded; this one is ${order.status.toLowerCase()}.`;
  return new AppError("order_not_refundable", why, { details: { status: order.status } });
}

type Reserved = { refund: OrderRefund; order: Order; fresh: boolean };

/** Checks the ceiling and reserves the refund under the order's lock, or returns the one this key already made. */
async function reserve(
  storeId: string,
  orderId: string,
  input: RefundOrderInput,
  key: string,
  audit: AuditContext,
): Promise<Reserved> {
  return prisma.$transaction(async (tx) => {
    const owned = await tx.order.findFirst({ where: { id: orderId, storeId }, select: { id: true } });
    if (!owned) throw await notAnOrder(storeId, orderId);
    await lockRow(tx, "Order", orderId);
    const order = await tx.order.findUniqueOrThrow({ where: { id: orderId } });
    const hash = requestHash(orderId, input);
    const existing = await tx.orderRefund.findUnique({
      where: { storeId_idempotencyKey: { storeId, idempotencyKey: key } },
    });
    if (existing) {
      if (existing.requestHash !== hash)
        throw new AppError("idempotency_conflict", "This Idempotency-Key was already used for a different refund.", {
          param: "Idempotency-Key",
        });
      return { refund: existing, order, fresh: false };
    }
    if (!REFUNDABLE_STATUSES.has(order.status)) throw notRefundable(order);
    const { remaining } = summarise(order, await refundLines(tx, order));
    const amount = input.amount ?? remaining;
    if (remaining <= 0 || amount > remaining)
      throw new AppError(
        "refund_exceeds_remaining",
        remaining <= 0
          ? "Nothing remains to refund on this order: earlier refunds (succeeded or still pending) cover its amount."
          : `amount: At most ${formatMoney(remaining, order.currency, "en-US")} (${remaining}) can still be refunded.`,
        { param: "amount", details: { remaining, currency: order.currency } },
      );
    const refund = await tx.orderRefund.create({
      data: {
        storeId,
        orderId,
        amount,
        currency: order.currency,
        reason: input.reason ?? null,
        status: "requested",
        idempotencyKey: key,
        requestHash: hash,
      },
    });
    await appendAudit(tx, audit, {
      action: "order.refund_requested",
      storeId,
      target: { type: "order", id: orderId },
      after: { refundId: refund.id, amount, currency: order.currency, reason: refund.reason, remaining },
    });
    return { refund, order, fresh: true };
  });
}

/** The PaymentIntent behind the order's charge; a subscription's first order learns it from its invoice. */
async function paymentIntentFor(order: Order): Promise<string> {
  if (order.paymentIntentId) return order.paymentIntentId;
  const opts = onAccount(order.stripeAccountId);
  let invoiceId = order.invoiceId;
  if (!invoiceId && order.checkoutSessionId) {
    const session = await getStripe().checkout.sessions.retrieve(order.checkoutSessionId, undefined, opts);
    const pi = typeof session.payment_intent === "string" ? session.payment_intent : session.payment_intent?.id;
    if (pi) return pi;
    invoiceId = typeof session.invoice === "string" ? session.invoice : (session.invoice?.id ?? null);
  }
  const invoice = invoiceId
    ? await getStripe().invoices.retrieve(invoiceId, { expand: ["payments"] }, opts)
    : undefined;
  const pi = invoice ? paymentIntentOfInvoice(invoice) : null;
  if (!pi) throw new AppError("order_not_refundable", "This order has no card payment to refund yet.");
  return pi;
}

/** Stripe's refusal, as our error; the reservation is given up (Stripe made no refund). */
function refusal(err: InstanceType<typeof Stripe.errors.StripeError>, order: Order): AppError {
  if (err.code === "amount_too_large")
    return new AppError("refund_exceeds_remaining", err.message, { param: "amount", cause: err });
  if (err.code === "charge_already_refunded" || err.code === "charge_disputed")
    return new AppError("order_not_refundable", err.message, { cause: err, details: { status: order.status } });
  if (err instanceof Stripe.errors.StripeIdempotencyError)
    return new AppError("idempotency_conflict", "This Idempotency-Key was already used for a different refund.", {
      cause: err,
    });
  return new AppError("stripe_error", `Stripe refused the refund: ${err.message}`, { cause: err });
}

/** An error Stripe may not have acted on yet (network, Stripe's own 5xx, rate limit): retry with the same key. */
const isTransient = (err: unknown) =>
  err instanceof Stripe.errors.StripeConnectionError ||
  err instanceof Stripe.errors.StripeAPIError ||
  err instanceof Stripe.errors.StripeRateLimitError ||
  (err instanceof Stripe.errors.StripeError && (err.statusCode ?? 0) >= 500);

async function askStripe(storeId: string, key: string, reserved: Reserved, audit: AuditContext): Promise<OrderRefund> {
  const { refund, order } = reserved;
  let created: Stripe.Refund;
  try {
    created = await getStripe().refunds.create(
      {
        payment_intent: await paymentIntentFor(order),
        amount: refund.amount,
        ...(refund.reason ? { reason: refund.reason as RefundReason } : {}),
        // The platform gives back its fee in proportion to the amount refunded (docs/refunds.md).
        refund_application_fee: true,
        metadata: { vitrineOrderId: order.id, vitrineRefundId: refund.id },
      },
      { ...onAccount(order.stripeAccountId), idempotencyKey: stripeRefundKey(storeId, key) },
    );
  } catch (err) {
    if (isTransient(err)) {
      logger.warn({ err, orderId: order.id, refundId: refund.id }, "stripe refund not answered; kept for a retry");
      await prisma.orderRefund.update({
        where: { id: refund.id },
        data: { failureMessage: "Stripe did not answer; retry with the same Idempotency-Key." },
      });
      throw new AppError(
        "stripe_error",
        "Stripe did not answer the refund. Retry with the same Idempotency-Key: it will not refund twice.",
        { cause: err },
      );
    }
    const appErr =
      err instanceof Stripe.errors.StripeError ? refusal(err, order) : err instanceof AppError ? err : null;
    if (!appErr) throw err;
    await prisma.$transaction(async (tx) => {
      await tx.orderRefund.update({
        where: { id: refund.id },
        data: {
          status: "failed",
          failureCode: err instanceof Stripe.errors.StripeError ? (err.code ?? err.type) : appErr.code,
          failureMessage: appErr.message,
        },
      });
      await appendAudit(tx, audit, {
        action: "order.refund_refused",
        storeId,
        target: { type: "order", id: order.id },
        after: { refundId: refund.id, amount: refund.amount, code: appErr.code },
      });
    });
    throw appErr;
  }
  return prisma.$transaction(async (tx) => {
    await lockRow(tx, "Order", order.id);
    const current = await tx.orderRefund.findUniqueOrThrow({ where: { id: refund.id } });
    // The webhook may have linked it first (same refund id); otherwise take Stripe's answer.
    return tx.orderRefund.update({
      where: { id: refund.id },
      data: {
        stripeRefundId: created.id,
        status: current.stripeRefundId === created.id ? current.status : (created.status ?? "pending"),
        failureCode: null,
        failureMessage: null,
      },
    });
  });
}

/**
 * Refunds part or all of a paid card order. Requires the caller's Idempotency-Key: a replay returns
 * the first refund (a reused key with another body is 409); one still unanswered by Stripe is asked
 * again with the same Stripe key, so it can never be refunded twice.
 */
export async function refundOrder(
  storeId: string,
  orderId: string,
  input: RefundOrderInput,
  ctx: { idempotencyKey: string | undefined; audit: AuditContext },
): Promise<{ refund: OrderRefundView; replayed: boolean; order: OrderRefunds }> {
  const key = requireRefundKey(ctx.idempotencyKey);
  let reserved: Reserved;
  try {
    reserved = await reserve(storeId, orderId, input, key, ctx.audit);
  } catch (err) {
    // Two first requests with one key: the loser of the unique index replays the winner's refund.
    if (isUniqueViolation(err)) reserved = await reserve(storeId, orderId, input, key, ctx.audit);
    else throw err;
  }
  let refund = reserved.refund;
  if (refund.status === "requested") {
    const age = Date.now() - refund.createdAt.getTime();
    if (!reserved.fresh && age > STRIPE_KEY_TTL_MS) {
      refund = await prisma.orderRefund.update({
        where: { id: refund.id },
        data: { status: "failed", failureMessage: "Stripe never answered within 24 hours; ask for a new refund." },
      });
    } else if (!reserved.fresh && !refund.failureMessage && age < IN_FLIGHT_MS) {
      throw new AppError(
        "request_in_progress",
        "A refund with this Idempotency-Key is still being made; retry shortly.",
        {
          retryAfterSeconds: 2,
        },
      );
    } else {
      refund = await askStripe(storeId, key, reserved, ctx.audit);
    }
  }
  return {
    refund: refundView(refund),
    replayed: !reserved.fresh,
    order: summarise(reserved.order, await refundLines(prisma, reserved.order)),
  };
}

/**
 * Links Stripe's refunds of an order (from the charge.refunded / refund.* webhooks) to the refunds
 * asked here, by Stripe's id or the vitrineRefundId we put in their metadata, and takes their status.
 */
export async function linkStripeRefunds(
  orderId: string,
  refunds: Array<{ id: string; status: string | null; vitrineRefundId?: string | null }>,
): Promise<void> {
  for (const r of refunds) {
    const status = r.status ?? "succeeded";
    await prisma.orderRefund.updateMany({
      where: {
        orderId,
        OR: [{ stripeRefundId: r.id }, ...(r.vitrineRefundId ? [{ id: r.vitrineRefundId, stripeRefundId: null }] : [])],
      },
      data: { stripeRefundId: r.id, status, ...(status === "failed" ? {} : { failureMessage: null }) },
    });
  }
}
