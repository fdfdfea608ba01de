// The store's latest payments across card (Checkout, Elements, renewals) and PIX, newest paid first.
import { prisma } from "@/lib/db/client";
import type { Method } from "./sales";

export type LatestPayment = {
  id: string;
  method: Method;
  /** checkout | elements | renewal for a card order; pix for a charge. */
  channel: "checkout" | "elements" | "renewal" | "pix";
  amount: number;
  currency: string;
  /** The order's status (PAID, REFUNDED, …) or the charge's (paid, refunded, …), lower-cased. */
  status: string;
  paidAt: Date;
  /** What was bought: the product's name, or the charge's description. */
  description: string;
  customerEmail: string | null;
};

const PAID_ORDER = ["PAID", "REFUNDED", "PARTIALLY_REFUNDED", "DISPUTED"] as const;
const PAID_PIX = ["paid", "refunded", "disputed"];

export async function latestPayments(storeId: string, take = 8): Promise<LatestPayment[]> {
  const [orders, charges] = await Promise.all([
    prisma.order.findMany({
      where: { storeId, status: { in: [...PAID_ORDER] }, paidAt: { not: null } },
      orderBy: { paidAt: "desc" },
      take,
      select: {
        id: true,
        channel: true,
        amountTotal: true,
        currency: true,
        status: true,
        paidAt: true,
        customerEmail: true,
        price: { select: { product: { select: { name: true } } } },
      },
    }),
    prisma.pixCharge.findMany({
      where: { storeId, status: { in: PAID_PIX }, paidAt: { not: null } },
      orderBy: { paidAt: "desc" },
      take,
      select: {
        id: true,
        amountCentavos: true,
        paidAmountCentavos: true,
        status: true,
        paidAt: true,
        description: true,
        customer: true,
      },
    }),
  ]);
  const rows: LatestPayment[] = [
    ...orders.map((o) => ({
      id: o.id,
      method: "card" as const,
      channel: o.channel.toLowerCase() as LatestPayment["channel"],
      amount: o.amountTotal,
      currency: o.currency.toUpperCase(),
      status: o.status.toLowerCase(),
      paidAt: o.paidAt!,
      description: o.price.product.name,
      customerEmail: o.customerEmail,
    })),
    ...charges.map((c) => ({
      id: c.id,
      method: "pix" as const,
      channel: "pix" as const,
      amount: c.paidAmountCentavos ?? c.amountCentavos,
      currency: "BRL",
      status: c.status,
      paidAt: c.paidAt!,
      description: c.description,
      customerEmail: emailOf(c.customer),
    })),
  ];
  return rows.sort((a, b) => b.paidAt.getTime() - a.paidAt.getTime()).slice(0, take);
}

function emailOf(customer: unknown): string | null {
  if (customer && typeof customer === "object" && "email" in customer) {
    const email = (customer as { email?: unknown }).email;
    return typeof email === "string" && email ? email : null;
  }
  return null;
}
