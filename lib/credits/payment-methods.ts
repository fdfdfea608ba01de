// Cards saved on the store's platform customer (the one the plan subscription uses too).
import "server-only";
import Stripe from "stripe";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { getStripe } from "@/lib/stripe/client";
import { callStripe, fromStripeError } from "@/lib/stripe/errors";
import type { StoreSummary } from "@/lib/tenancy/stores";
import { ensureCreditsCustomer } from "./purchases";

export type PaymentMethodView = { id: string; brand: string; last4: string; expMonth: number; expYear: number };
export type CustomerView = { id: string; email: string | null; name: string | null };

function view(pm: Stripe.PaymentMethod): PaymentMethodView {
  return {
    id: pm.id,
    brand: pm.card?.brand ?? pm.type,
    last4: pm.card?.last4 ?? "",
    expMonth: pm.card?.exp_month ?? 0,
    expYear: pm.card?.exp_year ?? 0,
  };
}

async function customerIdOf(storeId: string): Promise<string | null> {
  return (await prisma.store.findUniqueOrThrow({ where: { id: storeId }, select: { platformCustomerId: true } }))
    .platformCustomerId;
}

export async function listPaymentMethods(store: Pick<StoreSummary, "id">): Promise<PaymentMethodView[]> {
  const customer = await customerIdOf(store.id);
  if (!customer) return [];
  const list = await callStripe(() => getStripe().customers.listPaymentMethods(customer, { type: "card", limit: 20 }));
  return list.data.map(view);
}

/** One saved card of this store's customer; 404 for unknown ids and other customers' cards. */
export async function getPaymentMethod(store: Pick<StoreSummary, "id">, id: string): Promise<PaymentMethodView> {
  const customer = await customerIdOf(store.id);
  const missing = new AppError("not_found", "Payment method not found.");
  if (!customer || !/^pm_[A-Za-z0-9_]{1,250}$/.test(id)) throw missing;
  const pm = await getStripe()
    .paymentMethods.retrieve(id)
    .catch((err) => {
      if (err instanceof Stripe.errors.StripeInvalidRequestError && err.statusCode === 404) return null;
      return fromStripeError(err);
    });
  const owner = typeof pm?.customer === "string" ? pm.customer : pm?.customer?.id;
  if (!pm || owner !== customer) throw missing;
  return view(pm);
}

export async function getCustomer(store: Pick<StoreSummary, "id">): Promise<CustomerView | null> {
  const id = await customerIdOf(store.id);
  if (!id) return null;
  const c = await callStripe(() => getStripe().customers.retrieve(id));
  if ("deleted" in c && c.deleted) return { id, email: null, name: null };
  const customer = c as Stripe.Customer;
  return { id, email: customer.email ?? null, name: customer.name ?? null };
}

/** Creates the platform customer once (or returns the existing one). */
export async function ensureCustomer(store: StoreSummary): Promise<{ customer: CustomerView; created: boolean }> {
  const before = await customerIdOf(store.id);
  await ensureCreditsCustomer(store);
  return { customer: (await getCustomer(store))!, created: !before };
}
