// How a seller can pay an overdue plan invoice: Stripe's hosted invoice page (card, any time; it
// does not expire the way a billing-portal session does, so it is safe in an email), the plan page
// as a fallback, and for BRL a PIX copia-e-cola for the exact amount of the open invoice.
import type Stripe from "stripe";
import type { DunningCase } from "@/generated/prisma/client";
import { prisma } from "@/lib/db/client";
import { planPageUrl } from "./notify";
import { pixForOverdueInvoice, type PixAlternative } from "./pix";

export type PayOptions = { payUrl: string; pix: PixAlternative | null; planName: string | null };

export async function payOptionsFor(c: DunningCase, invoice: Stripe.Invoice): Promise<PayOptions> {
  const sub = await prisma.platformSubscription.findUnique({
    where: { storeId: c.storeId },
    select: { plan: { select: { name: true } } },
  });
  const pix = c.currency === "BRL" ? await pixForOverdueInvoice(c) : null;
  return { payUrl: invoice.hosted_invoice_url ?? planPageUrl(), pix, planName: sub?.plan.name ?? null };
}
