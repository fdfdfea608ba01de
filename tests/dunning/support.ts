// A store on a paid plan whose renewal fails in the Stripe emulator, with the emulator's events
// delivered to the real webhook route, and helpers to move the emulator's clock and wait for the
// deliveries it causes.
import type Stripe from "stripe";
import { expect } from "vitest";
import { sellingSeller } from "../support/seller";
import type { TestStripe } from "../support/stripe";
import { waitFor } from "../webhooks/support";
import { prisma } from "@/lib/db/client";

export const DAY = 86_400_000;

/** Waits until the emulator has delivered every event it emitted (none left pending). */
export async function settle(stripe: TestStripe, timeoutMs = 15_000): Promise<void> {
  await waitFor(async () => {
    const pending = await stripe.stripe.events.list({ limit: 100, delivery_success: false });
    return pending.data.length === 0;
  }, timeoutMs);
}

/** Moves the emulator's clock forward to `when` (never back), then waits for the deliveries. */
export async function advanceTo(stripe: TestStripe, when: Date, opts: { settle?: boolean } = {}): Promise<Date> {
  const { now } = await stripe.controls.now();
  const seconds = Math.floor(when.getTime() / 1000) - now;
  if (seconds > 0) await stripe.controls.advanceClock(seconds);
  if (opts.settle !== false) await settle(stripe);
  return new Date((await stripe.controls.now()).now * 1000);
}

export async function emulatorNow(stripe: TestStripe): Promise<Date> {
  return new Date((await stripe.controls.now()).now * 1000);
}

/**
 * An onboarded seller (a R$ 100,00 product) on Starter, monthly in BRL, paid by card through a
 * Stripe subscription on the platform account; then its card starts failing and the clock passes
 * the renewal: Stripe reports the failed payment and the dunning case opens.
 */
export async function storeWithFailedRenewal(stripe: TestStripe, opts: { tag: string; locale?: "en" | "pt-BR" }) {
  const seller = await sellingSeller(stripe, { tag: opts.tag });
  if (opts.locale) await prisma.user.update({ where: { id: seller.user.id }, data: { locale: opts.locale } });
  const starter = await prisma.platformPlan.findUniqueOrThrow({ where: { code: "starter" } });
  const s = stripe.stripe;
  const price = await s.prices.create({
    currency: "brl",
    unit_amount: 4900,
    recurring: { interval: "month" },
    product_data: { name: "Vitrine Starter" },
  });
  await prisma.platformPlanPrice.update({
    where: { planId_currency_interval: { planId: starter.id, currency: "BRL", interval: "MONTH" } },
    data: { stripePriceId: price.id },
  });
  const customer = await s.customers.create({
    email: seller.user.email,
    payment_method: "pm_card_visa",
    metadata: { storeId: seller.store.id },
  });
  const pm = (await s.customers.listPaymentMethods(customer.id)).data[0]!;
  await s.customers.update(customer.id, { invoice_settings: { default_payment_method: pm.id } });
  await prisma.store.update({ where: { id: seller.store.id }, data: { platformCustomerId: customer.id } });
  const sub = await s.subscriptions.create({
    customer: customer.id,
    items: [{ price: price.id }],
    metadata: { storeId: seller.store.id, planCode: "starter" },
  });
  expect(sub.status).toBe("active");
  await settle(stripe);
  await waitFor(() =>
    prisma.platformSubscription.findFirst({
      where: { storeId: seller.store.id, status: "active", planId: starter.id },
    }),
  );
  await stripe.controls.setDefaultCard(customer.id, "4000000000000341");
  const renewal = new Date(sub.items.data[0]!.current_period_end * 1000);
  await advanceTo(stripe, new Date(renewal.getTime() + 60_000));
  const dunningCase = await waitFor(() => prisma.dunningCase.findFirst({ where: { storeId: seller.store.id } }));
  const invoice = await s.invoices.retrieve(dunningCase.stripeInvoiceId);
  return { seller, customer, subscription: sub, invoice: invoice as Stripe.Invoice, dunningCase };
}

export type FailedRenewal = Awaited<ReturnType<typeof storeWithFailedRenewal>>;
