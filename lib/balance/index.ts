// The seller's balance: Stripe (live, on the connected account) beside PIX received per gateway.
import "server-only";
import { AppError } from "@/lib/errors";
import { pixReceivedByGateway } from "./pix-received";
import type { PayoutsQuery } from "./schemas";
import { getStripeBalance, listPayouts, storeAccount } from "./stripe-balance";

export async function storeBalance(storeId: string, now = new Date()) {
  const [stripe, pix] = await Promise.all([getStripeBalance(storeId), pixReceivedByGateway(storeId, now)]);
  return { stripe, pix };
}

/** GET /api/v1/balance: without the payouts list (that is GET /api/v1/payouts). */
export async function balanceForApi(storeId: string) {
  const { stripe, pix } = await storeBalance(storeId);
  if (!stripe.connected) return { stripe: { connected: false as const }, pix };
  const { payouts: _payouts, hasMorePayouts: _more, ...rest } = stripe;
  return { stripe: rest, pix };
}

export async function payoutsForApi(storeId: string, query: PayoutsQuery) {
  const account = await storeAccount(storeId);
  if (!account) throw new AppError("account_not_connected", "Connect a Stripe account to see payouts.");
  const page = await listPayouts(account.accountId, { limit: query.limit, startingAfter: query.starting_after });
  return { data: page.data, has_more: page.hasMore };
}
