import { prisma } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { getStripe, onAccount } from "@/lib/stripe/client";
import { callStripe } from "@/lib/stripe/errors";

/**
 * A customer-portal session for the buyer of a subscription order, on the seller's connected
 * account. Only for a visitor who proved to be the buyer: callers reach it through an emailed,
 * single-use link (lib/checkout/portal-link.ts), never with the receipt id alone.
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
