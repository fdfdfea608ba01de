// Payment history fixtures: card orders and PIX charges written straight into a seller's store with
// the times, statuses and buyers a test names (the list reads rows; how they got there is tested
// by the checkout, orders and PIX suites).
import type { OrderStatus } from "@/generated/prisma/client";
import { prisma } from "@/lib/db/client";
import { sellerWithStore } from "../support/seller";

export async function historyStore(tag: string) {
  const seller = await sellerWithStore({ tag });
  const product = await prisma.product.create({
    data: {
      storeId: seller.store.id,
      name: `Curso ${tag}`,
      prices: { create: { storeId: seller.store.id, unitAmount: 12990, currency: "BRL", type: "ONE_TIME" } },
    },
    include: { prices: true },
  });
  return { ...seller, priceId: product.prices[0]!.id };
}
export type HistoryStore = Awaited<ReturnType<typeof historyStore>>;

type CardSpec = {
  at: Date;
  status?: OrderStatus;
  amount?: number;
  email?: string | null;
  externalOrderId?: string | null;
  failureCode?: string | null;
};

export function cardPayment(s: HistoryStore, spec: CardSpec) {
  return prisma.order.create({
    data: {
      storeId: s.store.id,
      priceId: s.priceId,
      channel: "CHECKOUT",
      status: spec.status ?? "PAID",
      amountTotal: spec.amount ?? 12990,
      currency: "BRL",
      customerEmail: spec.email === undefined ? "buyer@example.com" : spec.email,
      externalOrderId: spec.externalOrderId ?? null,
      stripeAccountId: "acct_test",
      failureCode: spec.failureCode ?? null,
      paidAt: (spec.status ?? "PAID") === "PAID" ? spec.at : null,
      createdAt: spec.at,
    },
  });
}

type PixSpec = {
  at: Date;
  status?: string;
  amount?: number;
  refunded?: number;
  failureCode?: string | null;
  customer?: { name?: string; email?: string } | null;
  externalOrderId?: string | null;
};

let refSeq = 0;
export function pixPayment(s: HistoryStore, spec: PixSpec) {
  return prisma.pixCharge.create({
    data: {
      storeId: s.store.id,
      reference: `ref${Date.now().toString(36)}${(refSeq++).toString(36)}${Math.random().toString(36).slice(2, 8)}`,
      amountCentavos: spec.amount ?? 5000,
      description: "Pedido PIX",
      status: spec.status ?? "paid",
      refundedCentavos: spec.refunded ?? 0,
      failureCode: spec.failureCode ?? null,
      customer: spec.customer === null ? undefined : (spec.customer ?? { name: "Maria", email: "maria@example.com" }),
      externalOrderId: spec.externalOrderId ?? null,
      paidAt: (spec.status ?? "paid") === "paid" ? spec.at : null,
      createdAt: spec.at,
    },
  });
}

/** Midday UTC on the given day, minus `minutes`. */
export const at = (day: string, hhmm = "15:00") => new Date(`${day}T${hhmm}:00.000Z`);
