// payout.* and balance.available on a connected account: mirror the payout (re-read from Stripe,
// so a late or replayed event converges on its current state) and drop the cached balance so the
// seller's page shows the change. Platform-account payouts are not ours to show and are ignored.
import type Stripe from "stripe";
import { mirrorPayout } from "@/lib/balance/payout-mirror";
import { invalidateBalanceCache } from "@/lib/balance/stripe-balance";
import { prisma } from "@/lib/db/client";
import { logger } from "@/lib/log/logger";
import { getStripe } from "@/lib/stripe/client";
import { opts, type EventHandler } from "./context";

export const onPayoutEvent: EventHandler = async (ctx) => {
  if (!ctx.stripeAccount) return;
  invalidateBalanceCache(ctx.stripeAccount);
  if (!ctx.event.type.startsWith("payout.")) return;
  const account = await prisma.stripeAccount.findUnique({
    where: { accountId: ctx.stripeAccount },
    select: { storeId: true },
  });
  if (!account) return;
  const stale = ctx.event.data.object as Stripe.Payout;
  const payout = await getStripe().payouts.retrieve(stale.id, undefined, opts(ctx));
  const { becameFailed } = await mirrorPayout(account.storeId, ctx.stripeAccount, payout);
  if (becameFailed)
    logger.warn(
      { storeId: account.storeId, payoutId: payout.id, failureCode: payout.failure_code },
      "connected-account payout failed",
    );
};
