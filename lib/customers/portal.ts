// The seller opens a customer's Stripe customer portal (on the store's connected account) to help
// them with a subscription or payment method: the seller's own dashboard, so no buyer proof is
// asked; every opening is in the audit trail.
import "server-only";
import { appendAudit, type AuditContext } from "@/lib/audit/log";
import { prisma } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { getStripe, onAccount } from "@/lib/stripe/client";
import { callStripe } from "@/lib/stripe/errors";

export async function openCustomerPortal(
  storeId: string,
  customerId: string,
  returnUrl: string,
  audit: AuditContext,
): Promise<{ url: string }> {
  const customer = await prisma.customer.findFirst({ where: { id: customerId, storeId } });
  if (!customer) throw notFound("Customer");
  // The account the buyer's Stripe customer lives on: the one their card orders were paid on.
  const order = customer.stripeCustomerId
    ? await prisma.order.findFirst({
        where: { storeId, customerId: customer.id, stripeCustomerId: customer.stripeCustomerId },
        orderBy: { createdAt: "desc" },
        select: { stripeAccountId: true },
      })
    : null;
  if (!customer.stripeCustomerId || !order)
    throw new AppError("conflict", "This customer has no card customer on Stripe: they paid by PIX only.");
  const session = await callStripe(() =>
    getStripe().billingPortal.sessions.create(
      { customer: customer.stripeCustomerId!, return_url: returnUrl },
      onAccount(order.stripeAccountId),
    ),
  );
  await prisma.$transaction((tx) =>
    appendAudit(tx, audit, {
      action: "customer.portal_opened",
      storeId,
      target: { type: "customer", id: customer.id },
    }),
  );
  return { url: session.url };
}
