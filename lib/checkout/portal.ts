import { prisma } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { getStripe, onAccount } from "@/lib/stripe/client";
import { callStripe } from "@/lib/stripe/errors";

/**
 * A customer-portal session for the buyer of a subscription order, on the seller's connected
 * account. Reachable from the receipt page: whoever holds the receipt link may manage it, the
 * same trust Stripe's own emailed receipt links carry.
 */
export async function createBuyerPortalSession(orderId: string, appUrl: string) {
  const order = await prisma.order.findUnique({ where: { id: orderId } });
  if (!order) throw notFound("Order");
  if (!order.subscriptionId || !order.stripeCustomerId)
    throw new AppError("conflict", "This order has no subscription to manage.");
  const session = await callStripe(() =>
    getStripe().billingPortal.sessions.create(
      { customer: order.stripeCustomerId!, return_url: `${appUrl}/receipt/${order.id}` },
      onAccount(order.stripeAccountId),
    ),
  );
  return { url: session.url };
}
