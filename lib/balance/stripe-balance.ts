// The seller's Stripe money, read live from their connected account (never the platform's own
// balance): available and pending per currency, the next payout, and the payouts with the balance
// transactions each one paid out. Cached for a few seconds per account; payout.* and
// balance.available webhooks drop the cached copy (lib/webhooks/stripe/payout.ts).
import "server-only";
import Stripe from "stripe";
import { AppError } from "@/lib/errors";
import { prisma } from "@/lib/db/client";
import { fromStripeError } from "@/lib/stripe/errors";
import { getStripe, onAccount } from "@/lib/stripe/client";
import type { BalanceTransactionView, MoneyAmount, NextPayout, PayoutPage, PayoutView, StripeBalance } from "./types";

export const BALANCE_CACHE_MS = 15_000;
/** How many payouts the page shows, each with its transactions. */
export const PAGE_PAYOUTS = 10;

const cache = new Map<string, { at: number; value: StripeBalance }>();

export function invalidateBalanceCache(accountId: string): void {
  cache.delete(accountId);
}

const iso = (unix: number) => new Date(unix * 1000).toISOString();
const money = (b: { amount: number; currency: string }): MoneyAmount => ({
  amount: b.amount,
  currency: b.currency.toUpperCase(),
});

function transactionView(t: Stripe.BalanceTransaction): BalanceTransactionView {
  return {
    id: t.id,
    type: t.type,
    amount: t.amount,
    fee: t.fee,
    net: t.net,
    currency: t.currency.toUpperCase(),
    status: t.status === "available" ? "available" : "pending",
    availableOn: iso(t.available_on),
    createdAt: iso(t.created),
    source: typeof t.source === "string" ? t.source : (t.source?.id ?? null),
    description: t.description,
  };
}

function payoutView(p: Stripe.Payout, transactions: BalanceTransactionView[] | null): PayoutView {
  return {
    id: p.id,
    amount: p.amount,
    currency: p.currency.toUpperCase(),
    status: p.status,
    automatic: p.automatic,
    arrivalDate: iso(p.arrival_date),
    createdAt: iso(p.created),
    failureCode: p.failure_code,
    failureMessage: p.failure_message,
    transactions,
  };
}

/** The connected account of a store, or null when it has not connected Stripe. */
export async function storeAccount(storeId: string) {
  return prisma.stripeAccount.findUnique({
    where: { storeId },
    select: { accountId: true, payoutsEnabled: true, chargesEnabled: true },
  });
}

/** What an automatic payout paid out (Stripe lists them only for automatic payouts). */
async function transactionsOf(accountId: string, payout: Stripe.Payout): Promise<BalanceTransactionView[] | null> {
  if (!payout.automatic) return null;
  const list = await getStripe().balanceTransactions.list({ payout: payout.id, limit: 100 }, onAccount(accountId));
  return list.data.filter((t) => t.type !== "payout").map(transactionView);
}

/** A page of payouts, newest first, each with its transactions. */
export async function listPayouts(
  accountId: string,
  page: { limit: number; startingAfter?: string },
): Promise<PayoutPage> {
  try {
    const list = await getStripe().payouts.list(
      { limit: page.limit, ...(page.startingAfter ? { starting_after: page.startingAfter } : {}) },
      onAccount(accountId),
    );
    const data = await Promise.all(list.data.map(async (p) => payoutView(p, await transactionsOf(accountId, p))));
    return { data, hasMore: list.has_more };
  } catch (err) {
    // An unknown cursor (another account's payout included) reads as not found, never as ours.
    if (err instanceof Stripe.errors.StripeInvalidRequestError && err.param === "starting_after")
      throw new AppError("not_found", "Payout not found.", { param: "starting_after" });
    fromStripeError(err);
  }
}

/**
 * Per currency: the earliest payout on its way, or else when pending funds next become
 * available (the daily schedule pays them out that day) with what will be available then.
 */
function nextPayouts(
  balance: Stripe.Balance,
  open: Stripe.Payout[],
  pending: Stripe.BalanceTransaction[],
): NextPayout[] {
  const out: NextPayout[] = [];
  const currencies = new Set([...balance.available, ...balance.pending].map((b) => b.currency));
  for (const currency of currencies) {
    const onItsWay = open.filter((p) => p.currency === currency).sort((a, b) => a.arrival_date - b.arrival_date)[0];
    if (onItsWay) {
      out.push({
        kind: "scheduled",
        amount: onItsWay.amount,
        currency: currency.toUpperCase(),
        date: iso(onItsWay.arrival_date),
        payoutId: onItsWay.id,
      });
      continue;
    }
    const soon = pending.filter((t) => t.currency === currency);
    if (soon.length === 0) continue;
    const first = Math.min(...soon.map((t) => t.available_on));
    const available = balance.available.find((b) => b.currency === currency)?.amount ?? 0;
    const amount = available + soon.filter((t) => t.available_on === first).reduce((s, t) => s + t.net, 0);
    if (amount > 0)
      out.push({ kind: "expected", amount, currency: currency.toUpperCase(), date: iso(first), payoutId: null });
  }
  return out;
}

async function readBalance(accountId: string, payoutsEnabled: boolean): Promise<StripeBalance> {
  const stripe = getStripe();
  const opts = onAccount(accountId);
  try {
    const [balance, recent, open] = await Promise.all([
      stripe.balance.retrieve(undefined, opts),
      stripe.balanceTransactions.list({ limit: 100 }, opts),
      Promise.all(["pending", "in_transit"].map((status) => stripe.payouts.list({ status, limit: 10 }, opts))),
    ]);
    const pending = recent.data.filter((t) => t.status === "pending");
    const payouts = await listPayouts(accountId, { limit: PAGE_PAYOUTS });
    return {
      connected: true,
      payoutsEnabled,
      available: balance.available.map(money),
      pending: balance.pending.map(money),
      nextPayouts: nextPayouts(
        balance,
        open.flatMap((l) => l.data),
        pending,
      ),
      payouts: payouts.data,
      hasMorePayouts: payouts.hasMore,
      fetchedAt: new Date().toISOString(),
    };
  } catch (err) {
    fromStripeError(err);
  }
}

/** The store's Stripe balance, or `{ connected: false }` for a store without a connected account. */
export async function getStripeBalance(
  storeId: string,
  now = Date.now(),
): Promise<StripeBalance | { connected: false }> {
  const account = await storeAccount(storeId);
  if (!account) return { connected: false };
  const hit = cache.get(account.accountId);
  if (hit && now - hit.at < BALANCE_CACHE_MS) return hit.value;
  const value = await readBalance(account.accountId, account.payoutsEnabled);
  cache.set(account.accountId, { at: now, value });
  return value;
}
