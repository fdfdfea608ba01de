// Reading a store's customers: the searchable keyset list and one customer with their payments
// (card orders and PIX charges), subscriptions and totals. Every query is scoped to the store.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { prisma } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { getStripe, onAccount } from "@/lib/stripe/client";
import { logger } from "@/lib/log/logger";
import { decodeCustomerCursor, encodeCustomerCursor } from "./cursor";
import { parseCustomerQuery } from "./identity";
import type { ListCustomersQuery } from "./schemas";

export type CustomerTotalView = { currency: string; paid: number; refunded: number; net: number; payments: number };

export type CustomerListItem = {
  id: string;
  email: string | null;
  name: string | null;
  taxIdMasked: string | null;
  phone: string | null;
  paymentsCount: number;
  totals: CustomerTotalView[];
  firstPurchaseAt: Date;
  lastPurchaseAt: Date;
};

const withTotals = { totals: { orderBy: { currency: "asc" } } } satisfies Prisma.CustomerInclude;
type Row = Prisma.CustomerGetPayload<{ include: typeof withTotals }>;

function listItem(c: Row): CustomerListItem {
  return {
    id: c.id,
    email: c.email,
    name: c.name,
    taxIdMasked: c.taxIdMasked,
    phone: c.phone,
    paymentsCount: c.paymentsCount,
    totals: c.totals.map((t) => ({
      currency: t.currency,
      paid: t.paid,
      refunded: t.refunded,
      net: t.paid - t.refunded,
      payments: t.payments,
    })),
    firstPurchaseAt: c.firstPurchaseAt,
    lastPurchaseAt: c.lastPurchaseAt,
  };
}

function searchWhere(q: string | undefined): Prisma.CustomerWhereInput {
  const query = q ? parseCustomerQuery(q) : null;
  if (!query) return {};
  if (query.kind === "digits")
    return {
      OR: [...(query.taxIdHash ? [{ taxIdHash: query.taxIdHash }] : []), { phone: { contains: query.digits } }],
    };
  return {
    OR: [
      { email: { contains: query.text, mode: "insensitive" } },
      { name: { contains: query.text, mode: "insensitive" } },
    ],
  };
}

/** Newest purchase first; `nextCursor` continues after the last row (null on the last page). */
export async function listCustomers(
  storeId: string,
  query: ListCustomersQuery,
): Promise<{ data: CustomerListItem[]; nextCursor: string | null }> {
  const after = query.cursor ? decodeCustomerCursor(query.cursor) : null;
  const rows = await prisma.customer.findMany({
    where: {
      storeId,
      ...searchWhere(query.q),
      ...(after
        ? { AND: [{ OR: [{ lastPurchaseAt: { lt: after.at } }, { lastPurchaseAt: after.at, id: { lt: after.id } }] }] }
        : {}),
    },
    include: withTotals,
    orderBy: [{ lastPurchaseAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    data: page.map(listItem),
    nextCursor:
      rows.length > query.limit && last ? encodeCustomerCursor({ at: last.lastPurchaseAt, id: last.id }) : null,
  };
}

export type CustomerPayment = {
  kind: "card" | "pix";
  id: string;
  amount: number;
  currency: string;
  /** Order status (PAID, REFUNDED, …) or PIX charge state (paid, refunded, disputed). */
  status: string;
  channel: string;
  refunded: number;
  description: string | null;
  externalOrderId: string | null;
  at: Date;
};

export type CustomerSubscription = {
  id: string;
  orderId: string;
  product: string | null;
  /** Stripe's status, or null when Stripe could not be read just now. */
  status: string | null;
  cancelAtPeriodEnd: boolean;
  currentPeriodEnd: Date | null;
};

export type CustomerDetail = CustomerListItem & {
  stripeCustomerId: string | null;
  payments: CustomerPayment[];
  subscriptions: CustomerSubscription[];
};

const PAYMENTS_SHOWN = 100;

async function subscriptionsOf(
  orders: Array<{ id: string; subscriptionId: string | null; stripeAccountId: string; productName: string | null }>,
): Promise<CustomerSubscription[]> {
  const seen = new Map<string, (typeof orders)[number]>();
  for (const o of orders) if (o.subscriptionId && !seen.has(o.subscriptionId)) seen.set(o.subscriptionId, o);
  return Promise.all(
    [...seen.entries()].slice(0, 20).map(async ([id, order]) => {
      try {
        const sub = await getStripe().subscriptions.retrieve(id, undefined, onAccount(order.stripeAccountId));
        const end = sub.items.data[0]?.current_period_end;
        return {
          id,
          orderId: order.id,
          product: order.productName,
          status: sub.status,
          cancelAtPeriodEnd: sub.cancel_at_period_end,
          currentPeriodEnd: end ? new Date(end * 1000) : null,
        };
      } catch (err) {
        logger.warn({ subscriptionId: id, err: (err as Error).message }, "customers: subscription not readable now");
        return {
          id,
          orderId: order.id,
          product: order.productName,
          status: null,
          cancelAtPeriodEnd: false,
          currentPeriodEnd: null,
        };
      }
    }),
  );
}

/** One customer of the store with their payments (newest first), subscriptions and totals; 404 when not the store's. */
export async function getCustomer(storeId: string, id: string): Promise<CustomerDetail> {
  const customer = await prisma.customer.findFirst({ where: { id, storeId }, include: withTotals });
  if (!customer) throw notFound("Customer");
  const [orders, charges] = await Promise.all([
    prisma.order.findMany({
      where: { storeId, customerId: customer.id },
      orderBy: { createdAt: "desc" },
      take: PAYMENTS_SHOWN,
      include: { price: { select: { product: { select: { name: true } } } } },
    }),
    prisma.pixCharge.findMany({
      where: { storeId, customerId: customer.id },
      orderBy: { createdAt: "desc" },
      take: PAYMENTS_SHOWN,
    }),
  ]);
  const refunds = orders.length
    ? await prisma.paymentAdjustment.groupBy({
        by: ["orderId"],
        where: { storeId, orderId: { in: orders.map((o) => o.id) }, kind: "refund", status: "succeeded" },
        _sum: { amount: true },
      })
    : [];
  const refunded = new Map(refunds.map((r) => [r.orderId, r._sum.amount ?? 0]));
  const payments: CustomerPayment[] = [
    ...orders.map((o) => ({
      kind: "card" as const,
      id: o.id,
      amount: o.amountTotal,
      currency: o.currency.toUpperCase(),
      status: o.status,
      channel: o.channel.toLowerCase(),
      refunded: refunded.get(o.id) ?? 0,
      description: o.price.product.name,
      externalOrderId: o.externalOrderId,
      at: o.paidAt ?? o.createdAt,
    })),
    ...charges.map((c) => ({
      kind: "pix" as const,
      id: c.id,
      amount: c.paidAmountCentavos ?? c.amountCentavos,
      currency: "BRL",
      status: c.status,
      channel: "pix",
      refunded: c.refundedCentavos,
      description: c.description,
      externalOrderId: c.externalOrderId,
      at: c.paidAt ?? c.createdAt,
    })),
  ]
    .sort((a, b) => b.at.getTime() - a.at.getTime())
    .slice(0, PAYMENTS_SHOWN);
  const subscriptions = await subscriptionsOf(
    orders
      .filter((o) => o.channel !== "RENEWAL")
      .map((o) => ({
        id: o.id,
        subscriptionId: o.subscriptionId,
        stripeAccountId: o.stripeAccountId,
        productName: o.price.product.name,
      })),
  );
  return { ...listItem(customer), stripeCustomerId: customer.stripeCustomerId, payments, subscriptions };
}

/** The IANA zone the store's days are shown in (Store.timeZone). */
export async function storeTimeZone(storeId: string): Promise<string> {
  const store = await prisma.store.findUnique({ where: { id: storeId }, select: { timeZone: true } });
  return store?.timeZone ?? "UTC";
}
