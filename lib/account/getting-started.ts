// The seller's Getting-started checklist, every step computed from the store's own data, in the
// order a new seller can actually do them: a store, Stripe (to take cards), something to sell,
// PIX (BRL stores), an API key and a callback endpoint for the store's server, then a first sale.
import "server-only";
import { prisma } from "@/lib/db/client";

export const GETTING_STARTED_STEPS = [
  "store",
  "connect",
  "product",
  "pix",
  "apiKey",
  "callbacks",
  "firstPayment",
] as const;
export type GettingStartedStepId = (typeof GETTING_STARTED_STEPS)[number];

/** What the checklist is computed from: one fact per step. */
export type GettingStartedFacts = {
  /** The store exists (always true for a seller who reaches the dashboard with a store). */
  store: boolean;
  /** A connected Stripe account that can take charges (onboarding finished and approved). */
  chargesEnabled: boolean;
  /** A product that is active and published to Stripe, so checkout links work. */
  publishedProducts: number;
  /** PIX gateway configurations that take charges: active and accepted by the gateway. */
  chargeablePixGateways: number;
  activeApiKeys: number;
  enabledCallbackEndpoints: number;
  /** Card orders or PIX charges that were paid (refunded or disputed later still counts). */
  paidPayments: number;
};

export type GettingStartedStep = { id: GettingStartedStepId; done: boolean; href: string };
export type GettingStarted = { steps: GettingStartedStep[]; done: number; total: number; complete: boolean };

const HREF: Record<GettingStartedStepId, string> = {
  store: "/dashboard/settings",
  connect: "/dashboard/connect",
  product: "/dashboard/products",
  pix: "/dashboard/pix",
  apiKey: "/dashboard/api-keys",
  callbacks: "/dashboard/callbacks",
  firstPayment: "/dashboard/checkout-links",
};

/** PIX settles only in reais: a store that sells in another currency has no PIX step. */
export const offersPix = (currency: string) => currency.toUpperCase() === "BRL";

/** Pure: the steps for these facts, in order. */
export function gettingStartedSteps(facts: GettingStartedFacts, store: { currency: string }): GettingStarted {
  const done: Record<GettingStartedStepId, boolean> = {
    store: facts.store,
    connect: facts.chargesEnabled,
    product: facts.publishedProducts > 0,
    pix: facts.chargeablePixGateways > 0,
    apiKey: facts.activeApiKeys > 0,
    callbacks: facts.enabledCallbackEndpoints > 0,
    firstPayment: facts.paidPayments > 0,
  };
  const steps = GETTING_STARTED_STEPS.filter((id) => id !== "pix" || offersPix(store.currency)).map((id) => ({
    id,
    done: done[id],
    href: HREF[id],
  }));
  const count = steps.filter((s) => s.done).length;
  return { steps, done: count, total: steps.length, complete: count === steps.length };
}

/** Order statuses that mean the buyer's money arrived at some point. */
const PAID_ORDER_STATUSES = ["PAID", "REFUNDED", "PARTIALLY_REFUNDED", "DISPUTED"] as const;
const PAID_PIX_STATUSES = ["paid", "refunded", "partially_refunded", "disputed"];

/** Reads the facts of one store (each a cheap count or existence check, all scoped to the store). */
export async function loadGettingStartedFacts(storeId: string): Promise<GettingStartedFacts> {
  const [store, account, products, pix, keys, endpoints, order, charge] = await Promise.all([
    prisma.store.count({ where: { id: storeId } }),
    prisma.stripeAccount.findUnique({ where: { storeId }, select: { chargesEnabled: true } }),
    prisma.product.count({ where: { storeId, active: true, stripeProductId: { not: null } } }),
    prisma.pixGatewayConfig.count({ where: { storeId, active: true, lastVerifyOk: true } }),
    prisma.apiKey.count({ where: { storeId, revokedAt: null } }),
    prisma.callbackEndpoint.count({ where: { storeId, enabled: true } }),
    prisma.order.findFirst({ where: { storeId, status: { in: [...PAID_ORDER_STATUSES] } }, select: { id: true } }),
    prisma.pixCharge.findFirst({ where: { storeId, status: { in: PAID_PIX_STATUSES } }, select: { id: true } }),
  ]);
  return {
    store: store > 0,
    chargesEnabled: account?.chargesEnabled === true,
    publishedProducts: products,
    chargeablePixGateways: pix,
    activeApiKeys: keys,
    enabledCallbackEndpoints: endpoints,
    paidPayments: (order ? 1 : 0) + (charge ? 1 : 0),
  };
}

export async function getGettingStarted(store: { id: string; currency: string }): Promise<GettingStarted> {
  return gettingStartedSteps(await loadGettingStartedFacts(store.id), store);
}
