/** subscriptions.update: price/quantity changes with proration_behavior, cancel_at_period_end, trial_end=now. */
import type { Ctx } from "../context";
import { invalidRequest } from "../errors";
import { diff, emit } from "../events";
import { subscriptionItemObject, type LineInput } from "../factories/billing";
import { planFromPrice } from "../factories/catalog";
import { idOf } from "../ids";
import type { Rec } from "../store";
import type { DiscountRequest } from "./discounts";
import { createInvoice, payInvoice, onInvoicePaymentFailed } from "./invoices";
import { discountsFor, replaceDiscounts } from "./subscription-discounts";
import { formatMinor, lineFor, periodEnd, productName, recurringAmount, validateItems } from "./subscriptions";

export type ItemChange = { id?: string; price?: Rec<"price">; quantity?: number; deleted?: boolean };

export type SubscriptionUpdate = {
  items?: ItemChange[];
  prorationBehavior?: "create_prorations" | "none" | "always_invoice";
  cancelAtPeriodEnd?: boolean;
  cancelAt?: number | null;
  metadata?: Record<string, string>;
  defaultPaymentMethod?: string | null;
  description?: string | null;
  trialEndNow?: boolean;
  applicationFeePercent?: number | null;
  /** A populated array replaces the discounts; an empty one (the empty string on the wire) clears them. */
  discounts?: DiscountRequest[];
};

export function updateSubscription(ctx: Ctx, sub: Rec<"subscription">, u: SubscriptionUpdate): void {
  const s = sub.obj;
  if (s.status === "canceled") {
    throw invalidRequest("A canceled subscription can only update its cancellation_details and metadata.", {
      code: "invalid_canceled_subscription_fields",
    });
  }
  const before = structuredClone(s);
  const now = ctx.app.clock.now();
  const prorations: LineInput[] = [];
  const cycleReset = u.items?.length ? applyItemChanges(ctx, sub, u.items, now, prorations) : false;
  if (u.discounts) {
    const customer = ctx.app.store.get("customer", String(idOf(s.customer)), sub.scope) ?? null;
    replaceDiscounts(ctx, sub, u.discounts, {
      customer,
      currency: s.currency,
      amount: s.status === "trialing" ? 0 : recurringAmount(s.items.data),
    });
  }
  if (u.cancelAtPeriodEnd !== undefined) {
    s.cancel_at_period_end = u.cancelAtPeriodEnd;
    s.cancel_at = u.cancelAtPeriodEnd ? s.items.data[0].current_period_end : null;
    s.canceled_at = u.cancelAtPeriodEnd ? now : null;
    s.cancellation_details = {
      comment: null,
      feedback: null,
      feedback_option: null,
      reason: u.cancelAtPeriodEnd ? "cancellation_requested" : null,
    };
  }
  if (u.cancelAt !== undefined) {
    s.cancel_at = u.cancelAt;
    s.cancel_at_period_end = u.cancelAt !== null && u.cancelAt === s.items.data[0].current_period_end;
  }
  if (u.metadata) s.metadata = u.metadata;
  if (u.defaultPaymentMethod !== undefined) s.default_payment_method = u.defaultPaymentMethod;
  if (u.description !== undefined) s.description = u.description;
  if (u.applicationFeePercent !== undefined) s.application_fee_percent = u.applicationFeePercent;
  const endTrial = u.trialEndNow && s.status === "trialing";
  if (endTrial) {
    s.trial_end = now;
    s.status = "active";
    for (const item of s.items.data) {
      item.current_period_start = now;
      item.current_period_end = periodEnd(item.price, now);
    }
  }
  // Changing the billing interval resets the cycle and invoices at once, whatever proration_behavior says.
  const behavior = cycleReset ? "always_invoice" : (u.prorationBehavior ?? "create_prorations");
  if (behavior === "create_prorations") {
    for (const p of prorations)
      sub.x.prorations.push({
        description: p.description,
        amount: p.amount,
        price: p.price.id,
        start: p.start,
        end: p.end,
      });
  }
  emit(ctx, "customer.subscription.updated", s, diff(before, s));
  const customer = ctx.app.store.get("customer", String(idOf(s.customer)), sub.scope);
  if (!customer) return;
  const immediate = endTrial
    ? s.items.data.map((item) =>
        lineFor(
          ctx,
          s,
          item,
          (item.price.unit_amount ?? 0) * (item.quantity ?? 1),
          `${item.quantity ?? 1} × ${productName(ctx, item.price)}`,
        ),
      )
    : behavior === "always_invoice"
      ? prorations
      : [];
  if (!immediate.length) return;
  const inv = createInvoice(ctx, {
    customer,
    subscription: sub,
    lines: immediate,
    billingReason: endTrial ? "subscription_cycle" : "subscription_update",
    periodStart: now,
    periodEnd: s.items.data[0].current_period_end,
    discounts: discountsFor(ctx, sub, now),
  });
  s.latest_invoice = inv.id;
  const result = payInvoice(ctx, inv, { offSession: true });
  if (result === null) onInvoicePaymentFailed(ctx, inv.id);
}

/** Stripe's proration: unused time on the old price is credited, remaining time on the new one charged. */
function applyItemChanges(
  ctx: Ctx,
  sub: Rec<"subscription">,
  changes: ItemChange[],
  now: number,
  out: LineInput[],
): boolean {
  const s = sub.obj;
  let cycleReset = false;
  for (const [i, ch] of changes.entries()) {
    const existing = ch.id ? s.items.data.find((it) => it.id === ch.id) : undefined;
    if (ch.id && !existing)
      throw invalidRequest(
        `No such subscription item: '${ch.id}'`,
        { param: `items[${i}][id]`, code: "resource_missing" },
        404,
      );
    if (ch.deleted && existing) {
      s.items.data = s.items.data.filter((it) => it !== existing);
      continue;
    }
    const template = s.items.data[0];
    const item =
      existing ??
      subscriptionItemObject(
        s.id,
        ch.price!.obj,
        ch.quantity ?? 1,
        template.current_period_start,
        template.current_period_end,
        now,
      );
    if (!existing) {
      if (!ch.price)
        throw invalidRequest("Missing required param: items[0][price].", {
          param: `items[${i}][price]`,
          code: "parameter_missing",
        });
      s.items.data.push(item);
    }
    const oldAmount = existing ? (existing.price.unit_amount ?? 0) * (existing.quantity ?? 1) : 0;
    const oldPrice = existing?.price;
    if (ch.price) {
      validateItems([{ price: ch.price, quantity: 1 }]);
      item.price = ch.price.obj;
      item.plan = planFromPrice(ch.price.obj);
    }
    if (ch.quantity !== undefined) item.quantity = ch.quantity;
    const newAmount = (item.price.unit_amount ?? 0) * (item.quantity ?? 1);
    const intervalChanged = !!oldPrice && oldPrice.recurring?.interval !== item.price.recurring?.interval;
    if (s.status === "trialing" || (newAmount === oldAmount && !intervalChanged)) continue;
    const span = item.current_period_end - item.current_period_start;
    const fraction = span > 0 ? Math.max(0, item.current_period_end - now) / span : 0;
    if (intervalChanged) {
      cycleReset = true;
      for (const it of s.items.data) {
        it.current_period_start = now;
        it.current_period_end = periodEnd(item.price, now);
      }
      s.billing_cycle_anchor = now;
    }
    const debitFraction = intervalChanged ? 1 : fraction;
    const when = new Date(now * 1000).toISOString().slice(0, 10);
    if (oldPrice && oldAmount) {
      out.push({
        ...lineFor(
          ctx,
          s,
          item,
          -Math.round(oldAmount * fraction),
          `Unused time on ${productName(ctx, oldPrice)} after ${when}`,
          true,
        ),
        price: oldPrice,
        start: now,
      });
    }
    out.push({
      ...lineFor(
        ctx,
        s,
        item,
        Math.round(newAmount * debitFraction),
        `Remaining time on ${item.quantity ?? 1} × ${productName(ctx, item.price)} (at ${formatMinor(item.price)}) after ${when}`,
        true,
      ),
      start: now,
    });
  }
  return cycleReset;
}
