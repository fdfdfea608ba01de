// The plan catalog: the one place plans are defined. The seed (and tests) write it to the
// PlatformPlan / PlatformPlanPrice rows with syncPlanCatalog; everything else — the fee on each
// sale, the limits, the plan cards, the landing page, the API — reads those rows. Change a plan
// here and re-run the seed (`npm run db:seed`); docs/billing.md has the table.
import { prisma } from "@/lib/db/client";
import type { FeeRate } from "./fee-rate";
import type { FeatureKey, PlanLimits, PlanOverage } from "./entitlements";

/** Currencies a store can have (lib/tenancy/create-store.ts); every paid plan is priced in each. */
export const PLAN_CURRENCIES = ["BRL", "USD", "EUR"] as const;
export type PlanCurrency = (typeof PLAN_CURRENCIES)[number];

export type PlanDefinition = {
  code: "free" | "starter" | "pro" | "enterprise";
  name: string;
  /** English; the UI shows billing.plans.descriptions.<code> in the reader's language. */
  description: string;
  sortOrder: number;
  trialDays: number;
  /** false: "talk to us" — shown, never subscribable, no price. */
  selfServe: boolean;
  fee: FeeRate;
  /** Minor units per interval; yearly is 10 × monthly (two months free). Free and Enterprise have none. */
  prices: Partial<Record<PlanCurrency, { month: number; year: number }>>;
  limits: PlanLimits;
  overage: PlanOverage;
  features: FeatureKey[];
};

const yearly = (month: number) => ({ month, year: month * 10 });

const SELLING: FeatureKey[] = ["card_payments", "pix_payments", "store_callbacks", "api_access", "prepaid_credits"];

export const PLAN_CATALOG: readonly PlanDefinition[] = [
  {
    code: "free",
    name: "Free",
    description: "Start selling: card and PIX, store callbacks.",
    sortOrder: 1,
    trialDays: 0,
    selfServe: true,
    fee: { percentBps: 499, fixed: "0.50" },
    prices: {},
    limits: {
      products: 10,
      stores: 1,
      team_members: 1,
      api_calls: 10_000,
      orders: 100,
      pix_charges: 100,
      callbacks: 1_000,
    },
    overage: {
      api_calls: { mode: "block" },
      orders: { mode: "block" },
      pix_charges: { mode: "block" },
      callbacks: { mode: "block" },
    },
    features: SELLING,
  },
  {
    code: "starter",
    name: "Starter",
    description: "Lower fees, 500 products, and overage paid in credits.",
    sortOrder: 2,
    trialDays: 14,
    selfServe: true,
    fee: { percentBps: 299, fixed: "0.39" },
    prices: { BRL: yearly(4_900), USD: yearly(900), EUR: yearly(900) },
    limits: {
      products: 500,
      stores: 3,
      team_members: 1,
      api_calls: 100_000,
      orders: 2_000,
      pix_charges: 2_000,
      callbacks: 20_000,
    },
    overage: {
      api_calls: { mode: "block" },
      orders: { mode: "credits", creditsPerUnit: 2 },
      pix_charges: { mode: "credits", creditsPerUnit: 2 },
      callbacks: { mode: "credits", creditsPerUnit: 1 },
    },
    features: SELLING,
  },
  {
    code: "pro",
    name: "Pro",
    description: "The lowest fees and generous limits for stores that sell every day.",
    sortOrder: 3,
    trialDays: 14,
    selfServe: true,
    fee: { percentBps: 199, fixed: "0.29" },
    prices: { BRL: yearly(14_900), USD: yearly(2_900), EUR: yearly(2_700) },
    limits: {
      products: null,
      stores: 10,
      team_members: 1,
      api_calls: 1_000_000,
      orders: 20_000,
      pix_charges: 20_000,
      callbacks: 200_000,
    },
    overage: {
      api_calls: { mode: "credits", creditsPerUnit: 1 },
      orders: { mode: "credits", creditsPerUnit: 1 },
      pix_charges: { mode: "credits", creditsPerUnit: 1 },
      callbacks: { mode: "credits", creditsPerUnit: 1 },
    },
    features: SELLING,
  },
  {
    code: "enterprise",
    name: "Enterprise",
    description: "Limits, fees and terms agreed with you.",
    sortOrder: 4,
    trialDays: 0,
    selfServe: false,
    // What a store an admin puts on Enterprise pays until the contract says otherwise: Pro's rate.
    fee: { percentBps: 199, fixed: "0.29" },
    prices: {},
    limits: {
      products: null,
      stores: null,
      team_members: null,
      api_calls: null,
      orders: null,
      pix_charges: null,
      callbacks: null,
    },
    overage: {},
    features: [...SELLING, "custom_limits"],
  },
];

export const FREE_PLAN = PLAN_CATALOG.find((p) => p.code === "free")!;

type Db = Pick<typeof prisma, "platformPlan" | "platformPlanPrice">;

/**
 * Writes the catalog to the database: creates missing plans and prices, updates existing rows to
 * match (an older demo database converges), deactivates prices the catalog no longer has. A price
 * whose amount changed forgets its Stripe price (Stripe prices are immutable; a new one is made on
 * the next subscription). Running it twice changes nothing.
 */
export async function syncPlanCatalog(db: Db = prisma): Promise<{ plans: number; prices: number }> {
  let prices = 0;
  for (const def of PLAN_CATALOG) {
    const row = {
      name: def.name,
      description: def.description,
      // Legacy single-price columns: the BRL monthly price (0 for Free and Enterprise).
      amount: def.prices.BRL?.month ?? 0,
      currency: "BRL",
      interval: "MONTH" as const,
      trialDays: def.trialDays,
      feePercentBps: def.fee.percentBps,
      feeFixed: def.fee.fixed,
      limits: def.limits,
      overage: def.overage,
      features: def.features,
      selfServe: def.selfServe,
      sortOrder: def.sortOrder,
      active: true,
    };
    const plan = await db.platformPlan.upsert({
      where: { code: def.code },
      create: { code: def.code, ...row },
      update: row,
    });
    const wanted = new Set<string>();
    for (const currency of PLAN_CURRENCIES) {
      const amounts = def.prices[currency];
      if (!amounts) continue;
      for (const interval of ["MONTH", "YEAR"] as const) {
        const amount = interval === "MONTH" ? amounts.month : amounts.year;
        wanted.add(`${currency}:${interval}`);
        prices++;
        const existing = await db.platformPlanPrice.findUnique({
          where: { planId_currency_interval: { planId: plan.id, currency, interval } },
        });
        if (!existing) await db.platformPlanPrice.create({ data: { planId: plan.id, currency, interval, amount } });
        else if (existing.amount !== amount || !existing.active)
          await db.platformPlanPrice.update({
            where: { id: existing.id },
            data: existing.amount !== amount ? { amount, active: true, stripePriceId: null } : { active: true },
          });
      }
    }
    const stale = (await db.platformPlanPrice.findMany({ where: { planId: plan.id, active: true } })).filter(
      (p) => !wanted.has(`${p.currency}:${p.interval}`),
    );
    for (const p of stale) await db.platformPlanPrice.update({ where: { id: p.id }, data: { active: false } });
  }
  return { plans: PLAN_CATALOG.length, prices };
}
