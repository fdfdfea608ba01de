// Buying credits: a PaymentIntent on the PLATFORM account (no Stripe-Account header) for the
// store's platform customer. The amount always comes from a package or the server's rate, never
// from the browser. Every path that learns a PaymentIntent's state (webhook, recovery sync,
// confirm, polling) goes through applyPaymentIntent, which credits once under "purchase:<pi>".
import { assertStoreNotSuspended } from "@/lib/tenancy/review";
import "server-only";
import { randomUUID } from "node:crypto";
import Stripe from "stripe";
import { z } from "zod";
import type { CreditPurchase, CreditPurchaseStatus } from "@/generated/prisma/client";
import { prisma } from "@/lib/db/client";
import { lockRow } from "@/lib/db/lock";
import { appendAudit, type AuditContext } from "@/lib/audit/log";
import { ensurePlatformCustomer } from "@/lib/billing/plans";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError, notFound } from "@/lib/errors";
import { logger } from "@/lib/log/logger";
import { getStripe, stripeBrowserConfig } from "@/lib/stripe/client";
import { callStripe, fromStripeError } from "@/lib/stripe/errors";
import type { StoreSummary } from "@/lib/tenancy/stores";
import {
  type CreditDiscount,
  creditPurchaseDiscount,
  reserveCreditDiscount,
  settleCreditDiscount,
} from "@/lib/coupons/credit-purchase";
import { creditsForAmount, customAmountRules } from "./config";
import { appendEntry, inLedgerTx, type LedgerActor } from "./ledger";
import { resolvePackage } from "./packages";

export const CREDITS_PURPOSE = "credits";

export const PurchaseInput = z.union(
  [
    z.strictObject({
      packageId: z.string().trim().min(1).max(64),
      paymentMethodId: z.string().trim().min(1).max(255).optional(),
      savePaymentMethod: z.boolean().optional(),
      couponCode: z.string().trim().min(1).max(40).optional(),
    }),
    z.strictObject({
      amount: z.number().finite().int("amount is an integer in minor units"),
      paymentMethodId: z.string().trim().min(1).max(255).optional(),
      savePaymentMethod: z.boolean().optional(),
      couponCode: z.string().trim().min(1).max(40).optional(),
    }),
  ],
  { error: "Send either packageId or amount." },
);
export type PurchaseInput = z.infer<typeof PurchaseInput>;

export type PurchaseView = {
  id: string;
  status: CreditPurchaseStatus;
  credits: number;
  amount: number;
  currency: string;
  paymentIntentId: string | null;
  packageId: string | null;
  failureCode: string | null;
  failureMessage: string | null;
  creditedAt: string | null;
  createdAt: string;
};

export function purchaseView(p: CreditPurchase): PurchaseView {
  return {
    id: p.id,
    status: p.status,
    credits: p.credits,
    amount: p.amount,
    currency: p.currency,
    paymentIntentId: p.paymentIntentId,
    packageId: p.packageId,
    failureCode: p.failureCode,
    failureMessage: p.failureMessage,
    creditedAt: p.creditedAt?.toISOString() ?? null,
    createdAt: p.createdAt.toISOString(),
  };
}

/** Who an audit context's actor is, in the ledger's words. */
export function ledgerActorOf(audit: AuditContext, asAdmin = false): LedgerActor {
  const { type, id } = audit.actor;
  if (type === "user") return { type: asAdmin ? "admin" : "seller", id };
  if (type === "api_key" || type === "stripe") return { type, id };
  return { type: "system", id };
}

const FINAL: CreditPurchaseStatus[] = ["SUCCEEDED", "FAILED", "CANCELED"];

function statusOf(pi: Stripe.PaymentIntent): CreditPurchaseStatus {
  switch (pi.status) {
    case "succeeded":
      return "SUCCEEDED";
    case "processing":
      return "PROCESSING";
    case "requires_action":
      return "REQUIRES_ACTION";
    case "canceled":
      return "CANCELED";
    case "requires_payment_method":
      return pi.last_payment_error ? "FAILED" : "PENDING";
    default:
      return "PENDING";
  }
}

const idOf = (v: string | { id: string } | null | undefined) => (typeof v === "string" ? v : (v?.id ?? null));

async function ownerEmail(storeId: string): Promise<string> {
  const store = await prisma.store.findUniqueOrThrow({
    where: { id: storeId },
    select: { owner: { select: { email: true } } },
  });
  return store.owner.email;
}

/** The store's customer on the platform account, shared with the plan subscription. */
export async function ensureCreditsCustomer(store: StoreSummary): Promise<string> {
  return ensurePlatformCustomer(store, await ownerEmail(store.id));
}

export type CreatedPurchase = { purchase: PurchaseView; clientSecret: string | null; publishableKey: string | null };

async function priceRequest(
  store: StoreSummary,
  input: PurchaseInput,
): Promise<{ packageId: string | null; credits: number; amount: number; currency: string; label: string }> {
  if ("packageId" in input) {
    const pkg = await resolvePackage(store, input.packageId);
    return { packageId: pkg.id, credits: pkg.credits, amount: pkg.amount, currency: pkg.currency, label: pkg.name };
  }
  const rules = customAmountRules(store.currency);
  if (input.amount < rules.minAmount || input.amount > rules.maxAmount) {
    throw new AppError(
      "amount_out_of_bounds",
      `amount must be between ${rules.minAmount} and ${rules.maxAmount} (${rules.currency} minor units).`,
      {
        param: "amount",
        details: { minAmount: rules.minAmount, maxAmount: rules.maxAmount, currency: rules.currency },
      },
    );
  }
  const credits = creditsForAmount(input.amount, rules);
  if (credits < 1) throw new AppError("amount_out_of_bounds", "This amount buys no credits.", { param: "amount" });
  return { packageId: null, credits, amount: input.amount, currency: rules.currency, label: "Custom" };
}

/** A card saved on the store's platform customer, or 404 (never another customer's card). */
async function ownPaymentMethod(customerId: string, paymentMethodId: string): Promise<string> {
  const pm = await getStripe()
    .paymentMethods.retrieve(paymentMethodId)
    .catch((err) => {
      if (err instanceof Stripe.errors.StripeInvalidRequestError && err.statusCode === 404) return null;
      return fromStripeError(err);
    });
  if (!pm || idOf(pm.customer) !== customerId)
    throw new AppError("not_found", "Payment method not found.", { param: "paymentMethodId" });
  return pm.id;
}

/**
 * Starts (or, for a repeated Idempotency-Key, returns) a purchase. With a saved paymentMethodId
 * the PaymentIntent is created and confirmed here: the answer may already be SUCCEEDED, FAILED
 * (declined) or REQUIRES_ACTION (3-D Secure, finished by Stripe.js on the client secret).
 */
export async function createPurchase(
  store: StoreSummary,
  input: PurchaseInput,
  ctx: { idempotencyKey?: string; audit: AuditContext },
): Promise<CreatedPurchase> {
  const key = ctx.idempotencyKey ?? `auto:${randomUUID()}`;
  // A suspended store buys no credits (its API keys, which spend them, are refused anyway).
  await assertStoreNotSuspended(store.id);
  const priced = await priceRequest(store, input);
  let purchase = await prisma.creditPurchase.findUnique({
    where: { storeId_idempotencyKey: { storeId: store.id, idempotencyKey: key } },
  });
  // A platform code discounts what is charged; the credits stay those of the package or amount.
  const discount = input.couponCode
    ? await creditPurchaseDiscount(store.id, input.couponCode, priced.amount, priced.currency, purchase)
    : null;
  const chargeAmount = discount?.amountDue ?? priced.amount;
  if (purchase && (purchase.amount !== chargeAmount || purchase.packageId !== priced.packageId)) {
    throw new AppError("idempotency_conflict", "This Idempotency-Key was already used for a different purchase.");
  }
  const customerId = purchase?.customerId ?? (await ensureCreditsCustomer(store));
  const paymentMethod = input.paymentMethodId ? await ownPaymentMethod(customerId, input.paymentMethodId) : undefined;
  if (!purchase) {
    try {
      purchase = await prisma.$transaction(async (tx) => {
        const created = await tx.creditPurchase.create({
          data: {
            storeId: store.id,
            packageId: priced.packageId,
            credits: priced.credits,
            amount: chargeAmount,
            currency: priced.currency,
            customerId,
            idempotencyKey: key,
          },
        });
        if (discount) await reserveCreditDiscount(tx, store.id, created.id, discount);
        return created;
      });
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      purchase = await prisma.creditPurchase.findUniqueOrThrow({
        where: { storeId_idempotencyKey: { storeId: store.id, idempotencyKey: key } },
      });
    }
  }
  const publishableKey = stripeBrowserConfig().publishableKey;
  if (purchase.paymentIntentId) {
    const pi = await callStripe(() => getStripe().paymentIntents.retrieve(purchase!.paymentIntentId!));
    const { purchase: current } = await applyPaymentIntent(pi, ctx.audit);
    return { purchase: purchaseView(current ?? purchase), clientSecret: pi.client_secret, publishableKey };
  }
  const metadata = {
    vitrinePurpose: CREDITS_PURPOSE,
    storeId: store.id,
    purchaseId: purchase.id,
    packageId: priced.packageId ?? "",
    credits: String(priced.credits),
    ...(discount ? discountMetadata(discount) : {}),
  };
  const params: Stripe.PaymentIntentCreateParams = {
    amount: chargeAmount,
    currency: priced.currency.toLowerCase(),
    customer: customerId,
    metadata,
    description: `Vitrine credits: ${priced.credits} (${priced.label})`,
    automatic_payment_methods: { enabled: true, allow_redirects: "never" },
    ...(input.savePaymentMethod !== false && !paymentMethod ? { setup_future_usage: "on_session" as const } : {}),
    ...(paymentMethod ? { payment_method: paymentMethod, confirm: true } : {}),
  };
  let pi: Stripe.PaymentIntent;
  try {
    pi = await getStripe().paymentIntents.create(params, { idempotencyKey: `vitrine:credits:pi:${purchase.id}` });
  } catch (err) {
    // A declined saved card: Stripe answers 402 with the PaymentIntent; record the failure.
    const failed =
      err instanceof Stripe.errors.StripeCardError
        ? (err.payment_intent as Stripe.PaymentIntent | undefined)
        : undefined;
    if (!failed) return fromStripeError(err);
    pi = failed;
  }
  await prisma.$transaction(async (tx) => {
    await tx.creditPurchase.update({ where: { id: purchase!.id }, data: { paymentIntentId: pi.id } });
    await appendAudit(tx, ctx.audit, {
      action: "credits.purchase_started",
      storeId: store.id,
      target: { type: "credit_purchase", id: purchase!.id },
      after: {
        paymentIntentId: pi.id,
        credits: priced.credits,
        amount: chargeAmount,
        currency: priced.currency,
        packageId: priced.packageId,
        ...(discount ? discountMetadata(discount) : {}),
      },
    });
  });
  const { purchase: current } = await applyPaymentIntent(pi, ctx.audit);
  return { purchase: purchaseView(current!), clientSecret: pi.client_secret, publishableKey };
}

/** The discount as the PaymentIntent's metadata (and the audit entry) record it. */
function discountMetadata(d: CreditDiscount) {
  return {
    couponId: d.couponId,
    promotionCode: d.code,
    amountSubtotal: String(d.amountSubtotal),
    amountOff: String(d.amountOff),
  };
}

/** The purchase a platform PaymentIntent belongs to (by our metadata, then by the stored id). */
export async function findPurchaseForIntent(
  pi: Pick<Stripe.PaymentIntent, "id" | "metadata">,
): Promise<CreditPurchase | null> {
  const byId = await prisma.creditPurchase.findUnique({ where: { paymentIntentId: pi.id } });
  if (byId) return byId;
  const purchaseId = pi.metadata?.purchaseId;
  const storeId = pi.metadata?.storeId;
  if (!purchaseId || !storeId) return null;
  return prisma.creditPurchase.findFirst({
    where: { id: purchaseId, storeId, OR: [{ paymentIntentId: null }, { paymentIntentId: pi.id }] },
  });
}

/**
 * Converges a purchase on its PaymentIntent. Succeeded → one PURCHASE entry (unique key
 * "purchase:<pi>") and SUCCEEDED; failed attempts record the failure code and message. A
 * succeeded purchase never moves back.
 */
export async function applyPaymentIntent(
  pi: Stripe.PaymentIntent,
  audit: AuditContext,
): Promise<{ purchase: CreditPurchase | null; credited: boolean }> {
  const found = await findPurchaseForIntent(pi);
  if (!found) return { purchase: null, credited: false };
  if (
    pi.amount !== found.amount ||
    pi.currency.toUpperCase() !== found.currency ||
    (pi.metadata?.storeId && pi.metadata.storeId !== found.storeId)
  ) {
    logger.error(
      { purchaseId: found.id, paymentIntentId: pi.id },
      "credit PaymentIntent does not match its purchase; not credited",
    );
    return { purchase: found, credited: false };
  }
  const status = statusOf(pi);
  if (status === "SUCCEEDED") {
    return inLedgerTx(async (tx) => {
      const res = await appendEntry(tx, {
        storeId: found.storeId,
        kind: "PURCHASE",
        amount: found.credits,
        uniqueKey: `purchase:${pi.id}`,
        reference: pi.id,
        reason: null,
        actor: ledgerActorOf(audit),
        purchaseId: found.id,
        metadata: { amount: found.amount, currency: found.currency, packageId: found.packageId },
      });
      await settleCreditDiscount(tx, found.id, "succeeded");
      const current = await tx.creditPurchase.findUniqueOrThrow({ where: { id: found.id } });
      const purchase = await tx.creditPurchase.update({
        where: { id: found.id },
        data: {
          status: "SUCCEEDED",
          paymentIntentId: pi.id,
          chargeId: current.chargeId ?? idOf(pi.latest_charge),
          creditedAt: current.creditedAt ?? new Date(),
          failureCode: null,
          failureMessage: null,
        },
      });
      if (res.created) {
        await appendAudit(tx, audit, {
          action: "credits.purchase_credited",
          storeId: found.storeId,
          target: { type: "credit_purchase", id: found.id },
          before: { status: current.status },
          after: {
            status: "SUCCEEDED",
            credits: found.credits,
            amount: found.amount,
            currency: found.currency,
            paymentIntentId: pi.id,
            balance: res.balance,
          },
        });
      }
      return { purchase, credited: res.created };
    });
  }
  return prisma.$transaction(async (tx) => {
    await lockRow(tx, "CreditPurchase", found.id);
    const current = await tx.creditPurchase.findUniqueOrThrow({ where: { id: found.id } });
    if (current.status === "SUCCEEDED") return { purchase: current, credited: false };
    const err = pi.last_payment_error;
    const failureCode =
      status === "FAILED" ? (err?.decline_code ?? err?.code ?? "payment_failed") : current.failureCode;
    const failureMessage = status === "FAILED" ? (err?.message ?? "The payment failed.") : current.failureMessage;
    if (
      current.status === status &&
      current.failureCode === failureCode &&
      current.failureMessage === failureMessage &&
      current.paymentIntentId === pi.id
    )
      return { purchase: current, credited: false };
    const purchase = await tx.creditPurchase.update({
      where: { id: found.id },
      data: { status, paymentIntentId: pi.id, failureCode, failureMessage },
    });
    if (status === "FAILED" && (current.status !== "FAILED" || current.failureCode !== failureCode)) {
      await appendAudit(tx, audit, {
        action: "credits.purchase_failed",
        storeId: found.storeId,
        target: { type: "credit_purchase", id: found.id },
        before: { status: current.status },
        after: { status, failureCode, failureMessage, paymentIntentId: pi.id },
      });
    }
    if (status === "CANCELED") await settleCreditDiscount(tx, found.id, "canceled");
    if (status === "CANCELED" && current.status !== "CANCELED") {
      await appendAudit(tx, audit, {
        action: "credits.purchase_canceled",
        storeId: found.storeId,
        target: { type: "credit_purchase", id: found.id },
        before: { status: current.status },
        after: { status, paymentIntentId: pi.id, cancellationReason: pi.cancellation_reason ?? null },
      });
    }
    return { purchase, credited: false };
  });
}

/** The store's purchase by id (404 for anyone else's). */
export async function getOwnPurchase(storeId: string, id: string): Promise<CreditPurchase> {
  const purchase = await prisma.creditPurchase.findFirst({ where: { id, storeId } });
  if (!purchase) throw notFound("Purchase");
  return purchase;
}

const lastRead = new Map<string, number>();
const REREAD_EVERY_MS = 1_500;

/** A purchase for polling: when not final, re-reads its PaymentIntent (at most every 1.5 s). */
export async function pollPurchase(storeId: string, id: string, audit: AuditContext): Promise<CreditPurchase> {
  const purchase = await getOwnPurchase(storeId, id);
  if (FINAL.includes(purchase.status) || !purchase.paymentIntentId) return purchase;
  const now = Date.now();
  if (now - (lastRead.get(id) ?? 0) < REREAD_EVERY_MS) return purchase;
  lastRead.set(id, now);
  if (lastRead.size > 10_000) lastRead.clear();
  const pi = await callStripe(() => getStripe().paymentIntents.retrieve(purchase.paymentIntentId!));
  return (await applyPaymentIntent(pi, audit)).purchase ?? purchase;
}

/**
 * POST /credits/confirm: re-reads the PaymentIntent from Stripe and credits it if it succeeded.
 * 404 when the PaymentIntent is not one of this store's purchases; 409 payment_not_succeeded
 * with the PaymentIntent's status otherwise. `credited` says whether this call wrote the credit.
 */
export async function confirmPurchase(
  storeId: string,
  paymentIntentId: string,
  audit: AuditContext,
): Promise<{ purchase: PurchaseView; credited: boolean }> {
  const purchase = await prisma.creditPurchase.findFirst({ where: { storeId, paymentIntentId } });
  if (!purchase) throw notFound("Payment");
  const pi = await callStripe(() => getStripe().paymentIntents.retrieve(paymentIntentId));
  if (pi.metadata?.storeId !== storeId) throw notFound("Payment");
  const res = await applyPaymentIntent(pi, audit);
  if (pi.status !== "succeeded") {
    throw new AppError("payment_not_succeeded", `The payment has not succeeded yet (status: ${pi.status}).`, {
      details: {
        status: pi.status,
        purchaseStatus: res.purchase?.status ?? purchase.status,
        failureCode: res.purchase?.failureCode ?? null,
        failureMessage: res.purchase?.failureMessage ?? null,
      },
    });
  }
  return { purchase: purchaseView(res.purchase!), credited: res.credited };
}

export const ConfirmInput = z.strictObject({
  paymentIntentId: z
    .string()
    .trim()
    .regex(/^pi_[A-Za-z0-9_]{1,250}$/, "a PaymentIntent id (pi_…)"),
});

/** The store's purchase for a PaymentIntent id (404 for anyone else's). */
export async function getOwnPurchaseByIntent(storeId: string, paymentIntentId: string): Promise<CreditPurchase> {
  const purchase = await prisma.creditPurchase.findFirst({ where: { storeId, paymentIntentId } });
  if (!purchase) throw notFound("Payment");
  return purchase;
}

/**
 * POST /credits/purchases/:id/cancel: gives up on a purchase that has not settled (e.g. 3-D Secure
 * abandoned) by canceling its PaymentIntent on Stripe; the purchase becomes CANCELED through
 * applyPaymentIntent (the payment_intent.canceled webhook converges on the same state). A purchase
 * that already succeeded, failed or was canceled answers 409 conflict with its status; if the
 * PaymentIntent succeeded meanwhile, it is credited instead and the 409 says so.
 */
export async function cancelPurchase(storeId: string, id: string, audit: AuditContext): Promise<PurchaseView> {
  const purchase = await getOwnPurchase(storeId, id);
  const notCancelable = (p: CreditPurchase) =>
    new AppError("conflict", `This purchase can no longer be canceled (status: ${p.status}).`, {
      details: { purchaseStatus: p.status },
    });
  if (FINAL.includes(purchase.status)) throw notCancelable(purchase);
  if (!purchase.paymentIntentId) {
    const canceled = await prisma.$transaction(async (tx) => {
      const p = await tx.creditPurchase.update({ where: { id: purchase.id }, data: { status: "CANCELED" } });
      await settleCreditDiscount(tx, purchase.id, "canceled");
      await appendAudit(tx, audit, {
        action: "credits.purchase_canceled",
        storeId,
        target: { type: "credit_purchase", id: purchase.id },
        before: { status: purchase.status },
        after: { status: "CANCELED", paymentIntentId: null },
      });
      return p;
    });
    return purchaseView(canceled);
  }
  const stripe = getStripe();
  let pi: Stripe.PaymentIntent;
  try {
    pi = await stripe.paymentIntents.cancel(
      purchase.paymentIntentId,
      {},
      { idempotencyKey: `vitrine:credits:cancel:${purchase.id}` },
    );
  } catch (err) {
    // Not cancelable on Stripe's side (it succeeded or is processing): converge on what Stripe says.
    if (!(err instanceof Stripe.errors.StripeInvalidRequestError)) return fromStripeError(err);
    pi = await callStripe(() => stripe.paymentIntents.retrieve(purchase.paymentIntentId!));
  }
  const current = (await applyPaymentIntent(pi, audit)).purchase ?? purchase;
  if (current.status !== "CANCELED") throw notCancelable(current);
  return purchaseView(current);
}
