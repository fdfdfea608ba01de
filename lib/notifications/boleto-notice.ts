// boleto_issued: the buyer's voucher by email when their boleto is generated (number, due date,
// the hosted voucher, their receipt page). Once per order: a second boleto request for the same
// order (the same voucher comes back) or a retry finds the first notice and adds none, whichever
// address it was sent to. In the buyer's language recorded at checkout (boleto is BRL only: else pt-BR).
import "server-only";
import { prisma } from "@/lib/db/client";
import { storedBuyerLocale } from "@/lib/i18n/buyer-locale";
import { enqueueNotification } from "./enqueue";

/** Queues the voucher email of the order's boleto; returns whether a notice was queued now. */
export async function enqueueBoletoIssuedEmail(orderId: string): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    // Serialises two requests for the same order, so both cannot find "no notice yet".
    await tx.$queryRaw`SELECT id FROM "Order" WHERE id = ${orderId} FOR UPDATE`;
    const order = await tx.order.findUnique({
      where: { id: orderId },
      select: {
        id: true,
        storeId: true,
        customerEmail: true,
        buyerLocale: true,
        currency: true,
        amountTotal: true,
        paymentMethodType: true,
        boletoNumber: true,
        boletoUrl: true,
        boletoExpiresAt: true,
        price: { select: { product: { select: { name: true } } } },
      },
    });
    if (!order?.customerEmail || order.paymentMethodType !== "boleto") return false;
    if (!order.boletoNumber || !order.boletoUrl || !order.boletoExpiresAt) return false;
    const sent = await tx.notification.count({
      where: { event: "boleto_issued", idempotencyKey: { startsWith: `boleto_issued:${order.id}:` } },
    });
    if (sent > 0) return false;
    const { queued } = await enqueueNotification(tx, {
      storeId: order.storeId,
      event: "boleto_issued",
      subjectId: order.id,
      recipients: [{ email: order.customerEmail, locale: storedBuyerLocale(order.buyerLocale, order.currency) }],
      payload: {
        orderId: order.id,
        boletoNumber: order.boletoNumber,
        amountMinor: order.amountTotal,
        currency: order.currency,
        expiresAt: order.boletoExpiresAt,
        payUrl: order.boletoUrl,
        description: order.price.product.name,
        url: `/receipt/${order.id}`,
      },
    });
    return queued > 0;
  });
}
