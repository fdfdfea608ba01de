// Overview tests: payment rows as the webhooks leave them (paid card orders, paid PIX charges,
// refunds and disputes), written straight to the store's tables so each test controls the instant.
import { randomBytes } from "node:crypto";
import { NextRequest } from "next/server";
import { sellerWithStore } from "../support/seller";
import { createApiKey } from "@/lib/auth/api-keys";
import { prisma } from "@/lib/db/client";

export const APP = "http://localhost:3000";
export const params = () => ({ params: Promise.resolve({} as Record<string, string>) });
const rid = () => randomBytes(6).toString("hex");

export async function overviewSeller(opts: { currency?: string; timeZone?: string } = {}) {
  const seller = await sellerWithStore({ tag: "overview" });
  await prisma.store.update({
    where: { id: seller.store.id },
    data: { currency: opts.currency ?? "BRL", timeZone: opts.timeZone ?? "America/Sao_Paulo" },
  });
  const product = await prisma.product.create({ data: { storeId: seller.store.id, name: "Camiseta" } });
  const { secret } = await createApiKey(seller.store.id, seller.user.id, { name: "overview" }, seller.audit);
  const call = (url: string) => new NextRequest(new URL(url, APP), { headers: { authorization: `Bearer ${secret}` } });
  return { ...seller, productId: product.id, call };
}

type OverviewSeller = Awaited<ReturnType<typeof overviewSeller>>;

/** A card order paid at `paidAt` (status PAID unless given) with its application fee. */
export async function paidOrder(
  s: OverviewSeller,
  o: { amount: number; paidAt: string; currency?: string; fee?: number; status?: string; channel?: string },
) {
  const currency = o.currency ?? "BRL";
  const price = await prisma.price.create({
    data: { storeId: s.store.id, productId: s.productId, unitAmount: o.amount, currency, type: "ONE_TIME" },
  });
  return prisma.order.create({
    data: {
      storeId: s.store.id,
      priceId: price.id,
      channel: (o.channel ?? "CHECKOUT") as "CHECKOUT",
      status: (o.status ?? "PAID") as "PAID",
      amountTotal: o.amount,
      currency,
      applicationFeeAmount: o.fee ?? null,
      stripeAccountId: "acct_test",
      paymentIntentId: `pi_${rid()}`,
      customerEmail: "buyer@example.com",
      paidAt: new Date(o.paidAt),
      createdAt: new Date(o.paidAt),
    },
  });
}

/** A PIX charge paid at `paidAt`. */
export function paidPix(s: OverviewSeller, c: { amount: number; paidAt: string; status?: string }) {
  return prisma.pixCharge.create({
    data: {
      storeId: s.store.id,
      reference: `ref${rid()}`,
      amountCentavos: c.amount,
      paidAmountCentavos: c.amount,
      description: "Pedido PIX",
      status: c.status ?? "paid",
      paidAt: new Date(c.paidAt),
      createdAt: new Date(c.paidAt),
    },
  });
}

/** A refund or dispute Stripe reported on an order, recorded at `at`. */
export function adjustment(
  s: OverviewSeller,
  orderId: string,
  a: { kind: "refund" | "dispute"; amount: number; at: string; status?: string; currency?: string },
) {
  return prisma.paymentAdjustment.create({
    data: {
      storeId: s.store.id,
      orderId,
      kind: a.kind,
      stripeId: `${a.kind === "refund" ? "re" : "dp"}_${rid()}`,
      amount: a.amount,
      currency: a.currency ?? "BRL",
      status: a.status ?? (a.kind === "refund" ? "succeeded" : "needs_response"),
      createdAt: new Date(a.at),
    },
  });
}

/** A devolução of a PIX charge that completed at `at`. */
export function pixRefund(s: OverviewSeller, chargeId: string, r: { amount: number; at: string; status?: string }) {
  return prisma.pixRefund.create({
    data: {
      storeId: s.store.id,
      chargeId,
      refundId: `dev${rid()}`,
      amountCentavos: r.amount,
      status: r.status ?? "refunded",
      createdAt: new Date(r.at),
      updatedAt: new Date(r.at),
    },
  });
}
