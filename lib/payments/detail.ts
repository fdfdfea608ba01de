// One payment with its story: created, each declined attempt, paid, refunds, disputes and every
// store callback sent about it, oldest first, plus the buyer's receipt and the store's invoice.
// Card payments reuse the order page's facts (lib/orders/detail); PIX charges read their attempts,
// refunds and MED disputes. Always by the store's id: another store's payment is a 404.
import type { CallbackStatus } from "@/generated/prisma/client";
import { prisma } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { getOrderDetail, type OrderDetail } from "@/lib/orders/detail";
import type { PaymentChannel, PaymentRow } from "./list";
import { CARD_STATUS, pixPaymentStatus } from "./status";

export type TimelineEvent =
  | { kind: "created"; at: Date }
  | { kind: "attempt_failed"; at: Date; code: string | null; message: string | null }
  | { kind: "gateway_attempt"; at: Date; gateway: string; ok: boolean; code: string | null }
  | { kind: "paid"; at: Date; amount: number }
  | { kind: "expired"; at: Date }
  | { kind: "refund"; at: Date; amount: number; status: string; reason: string | null }
  | { kind: "dispute"; at: Date; amount: number; status: string; reason: string | null }
  | {
      kind: "callback";
      at: Date;
      deliveryId: string;
      eventType: string;
      status: CallbackStatus;
      attempts: number;
      lastStatusCode: number | null;
    };

export type PaymentDetail = PaymentRow & {
  timeline: TimelineEvent[];
  /** The buyer's receipt page (card) or PIX payment page, relative to the app. */
  receiptPath: string;
  /** The store's invoice for this payment, when one was issued. */
  invoiceId: string | null;
  /** Card only: the order's facts and refund totals the refund dialog needs. */
  order: OrderDetail | null;
};

const byTime = (a: TimelineEvent, b: TimelineEvent) => a.at.getTime() - b.at.getTime();

async function storeInvoiceId(storeId: string, sourceType: "order" | "pix_charge", sourceId: string) {
  const inv = await prisma.invoice.findFirst({
    where: { storeId, issuer: "STORE", kind: "INVOICE", sourceType, sourceId },
    select: { id: true },
  });
  return inv?.id ?? null;
}

async function cardDetail(storeId: string, id: string): Promise<PaymentDetail | null> {
  let order: OrderDetail;
  try {
    order = await getOrderDetail(storeId, id);
  } catch (err) {
    if (err instanceof AppError && err.code === "not_found") return null;
    throw err;
  }
  // Each decline and expiry is an audit entry of the order (lib/orders/transition.ts).
  const audit = await prisma.auditLog.findMany({
    where: {
      storeId,
      targetType: "order",
      targetId: id,
      action: { in: ["order.failed", "order.expired", "order.canceled"] },
    },
    orderBy: { id: "asc" },
    take: 100,
  });
  const timeline: TimelineEvent[] = [{ kind: "created", at: order.createdAt }];
  for (const a of audit) {
    const after = (a.after ?? {}) as { failureCode?: string | null };
    if (a.action === "order.failed")
      timeline.push({ kind: "attempt_failed", at: a.createdAt, code: after.failureCode ?? null, message: null });
    else timeline.push({ kind: "expired", at: a.createdAt });
  }
  // A decline recorded before the audit trail kept it still shows, from the order row.
  if (!audit.some((a) => a.action === "order.failed") && order.failureCode)
    timeline.push({
      kind: "attempt_failed",
      at: order.createdAt,
      code: order.failureCode,
      message: order.failureMessage,
    });
  if (order.paidAt) timeline.push({ kind: "paid", at: order.paidAt, amount: order.amountTotal });
  for (const r of order.refunds.refunds)
    timeline.push({ kind: "refund", at: r.createdAt, amount: r.amount, status: r.status, reason: r.reason });
  for (const d of order.disputes)
    timeline.push({ kind: "dispute", at: d.createdAt, amount: d.amount, status: d.status, reason: d.reason });
  for (const c of order.callbacks)
    timeline.push({
      kind: "callback",
      at: c.deliveredAt ?? c.createdAt,
      deliveryId: c.id,
      eventType: c.eventType,
      status: c.status,
      attempts: c.attempts,
      lastStatusCode: c.lastStatusCode,
    });
  const paidWith = await prisma.order.findFirst({
    where: { id: order.id, storeId },
    select: { paymentMethodType: true },
  });
  return {
    id: order.id,
    method: "card",
    paidWith: paidWith?.paymentMethodType === "boleto" ? "boleto" : "card",
    channel: order.channel.toLowerCase() as PaymentChannel,
    status: CARD_STATUS[order.status] ?? "pending",
    amount: order.amountTotal,
    currency: order.currency,
    amountRefunded: order.refunds.amountRefunded,
    buyerEmail: order.customerEmail,
    buyerName: null,
    externalOrderId: order.externalOrderId,
    description: order.quantity > 1 ? `${order.productName} × ${order.quantity}` : order.productName,
    createdAt: order.createdAt,
    paidAt: order.paidAt,
    timeline: timeline.sort(byTime),
    receiptPath: `/receipt/${order.id}`,
    invoiceId: await storeInvoiceId(storeId, "order", order.id),
    order,
  };
}

async function pixDetail(storeId: string, id: string): Promise<PaymentDetail | null> {
  const charge = await prisma.pixCharge.findFirst({
    where: { id, storeId },
    include: { attempts: { orderBy: { createdAt: "asc" } }, refunds: { orderBy: { createdAt: "asc" } } },
  });
  if (!charge) return null;
  const [disputes, callbacks] = await Promise.all([
    prisma.pixDispute.findMany({ where: { storeId, chargeId: id }, orderBy: { openedAt: "asc" } }),
    // Each PIX callback body names its charge (data.pixChargeId, lib/callbacks/contract.ts).
    prisma.callbackDelivery.findMany({
      where: { storeId, payload: { path: ["data", "pixChargeId"], equals: id } },
      orderBy: { createdAt: "asc" },
      take: 50,
    }),
  ]);
  const customer = (charge.customer ?? {}) as { email?: string; name?: string };
  const timeline: TimelineEvent[] = [{ kind: "created", at: charge.createdAt }];
  for (const a of charge.attempts)
    timeline.push({ kind: "gateway_attempt", at: a.createdAt, gateway: a.gateway, ok: a.ok, code: a.errorCode });
  if (charge.paidAt)
    timeline.push({ kind: "paid", at: charge.paidAt, amount: charge.paidAmountCentavos ?? charge.amountCentavos });
  if (charge.status === "failed")
    timeline.push(
      charge.failureCode === "expired"
        ? { kind: "expired", at: charge.updatedAt }
        : { kind: "attempt_failed", at: charge.updatedAt, code: charge.failureCode, message: charge.failureMessage },
    );
  for (const r of charge.refunds)
    timeline.push({ kind: "refund", at: r.createdAt, amount: r.amountCentavos, status: r.status, reason: r.reason });
  for (const d of disputes)
    timeline.push({ kind: "dispute", at: d.openedAt, amount: d.amountCentavos, status: d.status, reason: d.reason });
  for (const c of callbacks)
    timeline.push({
      kind: "callback",
      at: c.deliveredAt ?? c.createdAt,
      deliveryId: c.id,
      eventType: c.eventType,
      status: c.status,
      attempts: c.attempts,
      lastStatusCode: c.lastStatusCode,
    });
  return {
    id: charge.id,
    method: "pix",
    paidWith: "pix",
    channel: "pix",
    status: pixPaymentStatus(charge),
    amount: charge.amountCentavos,
    currency: "BRL",
    amountRefunded: charge.refundedCentavos,
    buyerEmail: customer.email ?? null,
    buyerName: customer.name ?? null,
    externalOrderId: charge.externalOrderId,
    description: charge.description,
    createdAt: charge.createdAt,
    paidAt: charge.paidAt,
    timeline: timeline.sort(byTime),
    receiptPath: `/pay/pix/${charge.id}`,
    invoiceId: await storeInvoiceId(storeId, "pix_charge", charge.id),
    order: null,
  };
}

/** The store's payment (a card order's or a PIX charge's id) with its timeline; 404 otherwise. */
export async function getPayment(storeId: string, id: string): Promise<PaymentDetail> {
  const found = (await cardDetail(storeId, id)) ?? (await pixDetail(storeId, id));
  if (!found) throw notFound("Payment");
  return found;
}
