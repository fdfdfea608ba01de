/**
 * Card installments (`payment_method_options.card.installments`), as Stripe documents them:
 * enabling them on a PaymentIntent makes `available_plans` list the plans the attached card can
 * use; the plan is chosen only at confirmation, and the charge records it in
 * `payment_method_details.card.installments`. Plans exist for cards issued in the account's
 * country, in its currency: Brazil (BRL, 2–12 monthly) and Mexico (MXN, 3/6/9/12 monthly).
 */
import type Stripe from "stripe";
import type { Ctx } from "../context";
import { invalidRequest } from "../errors";
import type { Rec } from "../store";

type Plan = Stripe.PaymentIntent.PaymentMethodOptions.Card.Installments.Plan;

/** Fixed-count monthly plans by card country, in that country's currency. */
const PLANS_BY_COUNTRY: Record<string, { currency: string; counts: number[] }> = {
  BR: { currency: "brl", counts: [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] },
  MX: { currency: "mxn", counts: [3, 6, 9, 12] },
};

const PLAN_PARAM = "payment_method_options[card][installments][plan]";

function accountCountry(ctx: Ctx): string | null {
  if (!ctx.scope) return null;
  return ctx.app.store.get("account", ctx.scope, null)?.obj.country ?? null;
}

/** The plans a card can use on this PaymentIntent (empty when none: another country or currency). */
export function plansFor(ctx: Ctx, pi: Stripe.PaymentIntent, pm: Stripe.PaymentMethod | null): Plan[] {
  const country = pm?.card?.country ?? null;
  const offer = country ? PLANS_BY_COUNTRY[country] : undefined;
  if (!offer || offer.currency !== pi.currency) return [];
  const account = accountCountry(ctx);
  if (account && account !== country) return [];
  return offer.counts.map((count) => ({ type: "fixed_count", count, interval: "month" }));
}

/** `enabled` as sent on create/update; recomputes the plans for the attached PaymentMethod. */
export function setInstallments(ctx: Ctx, pi: Rec<"payment_intent">, enabled: boolean | undefined): void {
  const card = pi.obj.payment_method_options?.card;
  if (!card) return;
  if (enabled !== undefined) card.installments = enabled ? { enabled: true, available_plans: [], plan: null } : null;
  refreshPlans(ctx, pi);
}

/** After a PaymentMethod is attached (create, update, confirm): available_plans follow the card. */
export function refreshPlans(ctx: Ctx, pi: Rec<"payment_intent">): void {
  const inst = pi.obj.payment_method_options?.card?.installments;
  if (!inst?.enabled) return;
  const pmId = typeof pi.obj.payment_method === "string" ? pi.obj.payment_method : pi.obj.payment_method?.id;
  const pm = pmId ? (ctx.app.store.get("payment_method", pmId, ctx.scope)?.obj ?? null) : null;
  inst.available_plans = plansFor(ctx, pi.obj, pm);
  inst.plan = null;
}

export type PlanParam = { type?: string; count?: number; interval?: string } | undefined;

/**
 * The plan sent with a confirmation: refused unless installments are enabled and the card offers
 * it (Stripe answers 400 for a plan that is not among available_plans).
 */
export function selectPlan(ctx: Ctx, pi: Rec<"payment_intent">, pm: Stripe.PaymentMethod, plan: PlanParam): void {
  const inst = pi.obj.payment_method_options?.card?.installments;
  if (!plan) {
    if (inst) inst.plan = null;
    return;
  }
  if (!inst?.enabled)
    throw invalidRequest("Installments are not enabled for this PaymentIntent.", { param: PLAN_PARAM });
  const offered = plansFor(ctx, pi.obj, pm);
  const chosen = offered.find(
    (p) => p.type === plan.type && p.count === plan.count && (plan.interval ?? "month") === p.interval,
  );
  if (!chosen)
    throw invalidRequest("The selected installment plan is not available for this PaymentIntent.", {
      param: PLAN_PARAM,
    });
  inst.available_plans = offered;
  inst.plan = { ...chosen };
}
