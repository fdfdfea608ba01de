import type Stripe from "stripe";
import type { AuditContext } from "@/lib/audit/log";
import { prisma } from "@/lib/db/client";

export type HandlerContext = { event: Stripe.Event; audit: AuditContext; stripeAccount: string | null };
export type EventHandler = (ctx: HandlerContext) => Promise<void>;

/** Stripe request options for the event's account (connected) or none (platform). */
export function opts(ctx: HandlerContext): Stripe.RequestOptions | undefined {
  return ctx.stripeAccount ? { stripeAccount: ctx.stripeAccount } : undefined;
}

/** The order an object refers to: our id in metadata first, then the Stripe ids we stored. */
export async function findOrder(
  ref: {
    vitrineOrderId?: string | null;
    checkoutSessionId?: string | null;
    paymentIntentId?: string | null;
    subscriptionId?: string | null;
  },
  stripeAccount: string | null,
) {
  const or = [
    ref.vitrineOrderId ? { id: ref.vitrineOrderId } : null,
    ref.checkoutSessionId ? { checkoutSessionId: ref.checkoutSessionId } : null,
    ref.paymentIntentId ? { paymentIntentId: ref.paymentIntentId } : null,
    // The subscription's own (Checkout) order, not one of its renewal payments (lib/orders/renewals.ts).
    ref.subscriptionId ? { subscriptionId: ref.subscriptionId, channel: { not: "RENEWAL" as const } } : null,
  ].filter((x): x is NonNullable<typeof x> => x !== null);
  if (or.length === 0 || !stripeAccount) return null;
  // Scoped to the account the event came from: an event can never touch another store's order.
  return prisma.order.findFirst({ where: { stripeAccountId: stripeAccount, OR: or } });
}
