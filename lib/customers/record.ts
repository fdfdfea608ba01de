// Upserts a store's customer from a payment and recomputes their totals from the payment rows.
// Called from every payment path: the Stripe webhook handlers (Checkout, Elements, renewals,
// refunds, disputes) with the order id, and the PIX status transition with the charge, inside its
// transaction. Recomputing instead of adding makes webhook replays and the recovery sync converge.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { prisma, type Tx } from "@/lib/db/client";
import { cleanName, hashTaxId, maskTaxId, normaliseEmail, normalisePhone, taxIdDigits } from "./identity";
import { sqlExecute, sqlQuery } from "@/lib/db/raw";

/** Order statuses a payment reached (refunds and disputes come after being paid). */
export const PAID_ORDER_STATUSES = ["PAID", "PARTIALLY_REFUNDED", "REFUNDED", "DISPUTED"] as const;
/** PIX charge states a payment reached. */
export const PAID_PIX_STATES = ["paid", "refunded", "disputed"] as const;

export type BuyerFacts = {
  storeId: string;
  email?: string | null;
  name?: string | null;
  taxId?: string | null;
  phone?: string | null;
  stripeCustomerId?: string | null;
};

/** Extra buyer details a webhook handler has at hand (Checkout's customer_details). */
export type BuyerHints = { name?: string | null; phone?: string | null };

const customerLockKey = (storeId: string, key: string) => `customer:${storeId}:${key}`;

/**
 * Finds or creates the store's customer for these facts under a transaction-scoped advisory lock
 * on (store, email or tax id), so two payments of one new buyer never make two customers. Returns
 * null when the payment names no buyer (no email and no CPF/CNPJ).
 */
async function upsertCustomerTx(tx: Tx, facts: BuyerFacts, at: Date): Promise<string | null> {
  const email = normaliseEmail(facts.email);
  const tax = taxIdDigits(facts.taxId);
  const taxIdHash = tax ? hashTaxId(tax) : null;
  if (!email && !taxIdHash) return null;
  await sqlExecute(
    tx,
    `SELECT pg_advisory_xact_lock(hashtext($1))`,
    customerLockKey(facts.storeId, email ?? `tax:${taxIdHash}`),
  );
  const existing = email
    ? await tx.customer.findUnique({ where: { storeId_email: { storeId: facts.storeId, email } } })
    : await tx.customer.findFirst({
        where: { storeId: facts.storeId, taxIdHash },
        orderBy: { createdAt: "asc" },
      });
  const details = {
    name: cleanName(facts.name),
    phone: normalisePhone(facts.phone),
    stripeCustomerId: facts.stripeCustomerId ?? null,
    ...(tax ? { taxIdHash, taxIdMasked: maskTaxId(tax) } : {}),
  };
  if (!existing) {
    const created = await tx.customer.create({
      data: { storeId: facts.storeId, email, ...details, firstPurchaseAt: at, lastPurchaseAt: at },
    });
    return created.id;
  }
  // The latest payment's details win where it has them; what it lacks keeps what we knew.
  const update: Prisma.CustomerUpdateInput = {};
  if (details.name && details.name !== existing.name) update.name = details.name;
  if (details.phone && details.phone !== existing.phone) update.phone = details.phone;
  if (details.stripeCustomerId && details.stripeCustomerId !== existing.stripeCustomerId)
    update.stripeCustomerId = details.stripeCustomerId;
  if (tax && !existing.taxIdHash) Object.assign(update, { taxIdHash, taxIdMasked: maskTaxId(tax) });
  if (Object.keys(update).length) await tx.customer.update({ where: { id: existing.id }, data: update });
  return existing.id;
}

/**
 * Sets the customer's totals, payment count and first/last purchase from their linked orders and
 * PIX charges, under the customer's row lock. Idempotent: the same rows give the same totals.
 * Two raw statements (it runs inside every payment's transaction; lib/db/raw.ts): the row lock,
 * then one statement that sums the payments and writes the totals and the customer's counters.
 * The lock comes first, in its own statement, so the sums are read after any other payment of
 * this customer committed.
 */
export async function refreshCustomerTotalsTx(tx: Tx, customerId: string): Promise<void> {
  await sqlQuery(tx, `SELECT id FROM "Customer" WHERE id = $1 FOR UPDATE`, customerId);
  await sqlExecute(
    tx,
    `WITH payments AS (
       SELECT upper(o."currency") AS currency, o."amountTotal" AS paid,
         LEAST(o."amountTotal", COALESCE((SELECT sum(a."amount") FROM "PaymentAdjustment" a
           WHERE a."orderId" = o."id" AND a."kind" = 'refund' AND a."status" = 'succeeded'), 0)) AS refunded,
         COALESCE(o."paidAt", o."createdAt") AS at
       FROM "Order" o WHERE o."customerId" = $1 AND o."status"::text = ANY ($2::text[])
       UNION ALL
       SELECT 'BRL', COALESCE(c."paidAmountCentavos", c."amountCentavos"),
         LEAST(COALESCE(c."paidAmountCentavos", c."amountCentavos"), c."refundedCentavos"), COALESCE(c."paidAt", c."createdAt")
       FROM "PixCharge" c WHERE c."customerId" = $1 AND c."status" = ANY ($3::text[])),
     totals AS (
       SELECT currency, sum(paid)::int AS paid, sum(refunded)::int AS refunded, count(*)::int AS payments
       FROM payments GROUP BY currency),
     dropped AS (
       DELETE FROM "CustomerTotal" t WHERE t."customerId" = $1 AND t."currency" NOT IN (SELECT currency FROM totals)),
     written AS (
       INSERT INTO "CustomerTotal" ("customerId", "currency", "paid", "refunded", "payments")
       SELECT $1, currency, paid, refunded, payments FROM totals
       ON CONFLICT ("customerId", "currency") DO UPDATE
         SET "paid" = EXCLUDED."paid", "refunded" = EXCLUDED."refunded", "payments" = EXCLUDED."payments")
     UPDATE "Customer" SET
       "paymentsCount" = (SELECT count(*) FROM payments),
       "firstPurchaseAt" = COALESCE((SELECT min(at) FROM payments), "firstPurchaseAt"),
       "lastPurchaseAt" = COALESCE((SELECT max(at) FROM payments), "lastPurchaseAt"),
       "updatedAt" = $4
     WHERE id = $1`,
    customerId,
    [...PAID_ORDER_STATUSES],
    [...PAID_PIX_STATES],
    new Date(),
  );
}

/**
 * The order's buyer becomes (or stays) a customer of its store once the order is paid; refunds
 * and disputes recompute the totals. Orders never paid are left alone.
 */
export async function recordOrderCustomer(orderId: string, hints: BuyerHints = {}): Promise<string | null> {
  return prisma.$transaction(async (tx) => {
    const order = await tx.order.findUnique({ where: { id: orderId } });
    if (!order || !(PAID_ORDER_STATUSES as readonly string[]).includes(order.status)) return null;
    let customerId = order.customerId;
    if (!customerId) {
      // A renewal names no buyer itself: it is the subscription's first order's buyer.
      const parent =
        !order.customerEmail && order.renewalOfId
          ? await tx.order.findUnique({ where: { id: order.renewalOfId } })
          : null;
      customerId = await upsertCustomerTx(
        tx,
        {
          storeId: order.storeId,
          email: order.customerEmail ?? parent?.customerEmail,
          stripeCustomerId: order.stripeCustomerId ?? parent?.stripeCustomerId,
          ...hints,
        },
        order.paidAt ?? order.createdAt,
      );
      if (!customerId) return null;
      await tx.order.update({ where: { id: order.id }, data: { customerId } });
    } else if (hints.name || hints.phone || order.stripeCustomerId) {
      await upsertCustomerTx(
        tx,
        { storeId: order.storeId, email: order.customerEmail, stripeCustomerId: order.stripeCustomerId, ...hints },
        order.paidAt ?? order.createdAt,
      );
    }
    await refreshCustomerTotalsTx(tx, customerId);
    return customerId;
  });
}

/** The PIX charge fields the customer record reads (a Prisma `PixCharge` fits). */
export type PixChargeBuyer = {
  id: string;
  storeId: string;
  status: string;
  customer: unknown;
  customerId: string | null;
  paidAt: Date | null;
  createdAt: Date;
};

/** Inside the PIX transition's transaction: the charge's buyer once it is paid, refunded or disputed. */
export async function recordPixChargeCustomerTx(tx: Tx, charge: PixChargeBuyer): Promise<string | null> {
  if (!(PAID_PIX_STATES as readonly string[]).includes(charge.status)) return null;
  let customerId = charge.customerId;
  if (!customerId) {
    const buyer = (charge.customer && typeof charge.customer === "object" ? charge.customer : {}) as Record<
      string,
      unknown
    >;
    customerId = await upsertCustomerTx(
      tx,
      {
        storeId: charge.storeId,
        email: buyer.email as string | undefined,
        name: buyer.name as string | undefined,
        taxId: buyer.document as string | undefined,
        phone: buyer.phone as string | undefined,
      },
      charge.paidAt ?? charge.createdAt,
    );
    if (!customerId) return null;
    await tx.pixCharge.update({ where: { id: charge.id }, data: { customerId } });
  }
  await refreshCustomerTotalsTx(tx, customerId);
  return customerId;
}

/** A subscription invoice's outcome (lib/orders/renewals.ts): its renewal or first order's buyer. */
export async function recordInvoiceCustomer(
  outcome:
    | { kind: "renewal"; order: { id: string } }
    | { kind: "first_invoice"; orderId: string }
    | { kind: "ignored" },
): Promise<void> {
  if (outcome.kind === "renewal") await recordOrderCustomer(outcome.order.id);
  else if (outcome.kind === "first_invoice") await recordOrderCustomer(outcome.orderId);
}
