/**
 * Subscriptions: incomplete → active | trialing → active | past_due → canceled, with the first
 * invoice paid on creation (or a $0 trial invoice), price changes with prorations, and
 * cancel-at-period-end. Periods live on the items (`current_period_start/end`), as in this API version.
 */
import type Stripe from "stripe";
import { formatMoney } from "@/lib/money";
import { addInterval } from "../clock";
import type { Ctx } from "../context";
import { StripeApiError, invalidRequest } from "../errors";
import { diff, emit } from "../events";
import {
  subscriptionItemObject,
  subscriptionObject,
  type LineInput,
  type SubscriptionInput,
} from "../factories/billing";
import { idOf, newId } from "../ids";
import type { Rec } from "../store";
import type { DiscountRequest } from "./discounts";
import { createInvoice, ensurePaymentIntent, payInvoice } from "./invoices";
import {
  announceDiscounts,
  createDiscounts,
  discountsFor,
  releaseDiscounts,
  resolveAll,
} from "./subscription-discounts";

export type ItemInput = { price: Rec<"price">; quantity: number };

export type CreateSubscription = SubscriptionInput & {
  items: ItemInput[];
  trialEnd: number | null;
  paymentBehavior: "allow_incomplete" | "default_incomplete" | "error_if_incomplete";
  cancelAtPeriodEnd: boolean;
  saveDefaultPaymentMethod: boolean;
  /** `discounts[]` of subscriptions.create (or the Checkout Session's discount). */
  discounts?: DiscountRequest[];
};

/** What one period of the items costs before discounts. */
export function recurringAmount(items: Array<{ price: Stripe.Price; quantity?: number | null }>): number {
  return items.reduce((sum, it) => sum + (it.price.unit_amount ?? 0) * (it.quantity ?? 1), 0);
}

export function productName(ctx: Ctx, price: Stripe.Price): string {
  const product = ctx.app.store.find("product", String(idOf(price.product)));
  return product?.obj.name ?? price.nickname ?? price.id;
}

export function periodEnd(price: Stripe.Price, start: number): number {
  const r = price.recurring!;
  return addInterval(start, r.interval, r.interval_count);
}

export function lineFor(
  ctx: Ctx,
  sub: Stripe.Subscription,
  item: Stripe.SubscriptionItem,
  amount: number,
  description: string,
  proration = false,
): LineInput {
  return {
    amount,
    currency: item.price.currency,
    description,
    price: item.price,
    quantity: item.quantity ?? 1,
    start: item.current_period_start,
    end: item.current_period_end,
    subscription: sub.id,
    subscriptionItem: item.id,
    proration,
  };
}

export function validateItems(items: ItemInput[]): void {
  if (!items.length)
    throw invalidRequest("Missing required param: items.", { param: "items", code: "parameter_missing" });
  const first = items[0].price.obj;
  items.forEach(({ price }, i) => {
    if (!price.obj.recurring) {
      throw invalidRequest(
        `The price specified is set to \`type=one_time\` but this field only accepts prices with \`type=recurring\`.`,
        { param: `items[${i}][price]` },
      );
    }
    if (!price.obj.active)
      throw invalidRequest(`The price specified is inactive. This field only accepts active prices.`, {
        param: `items[${i}][price]`,
      });
    if (price.obj.currency !== first.currency || price.obj.recurring.interval !== first.recurring?.interval) {
      throw invalidRequest("All prices on a subscription must have the same `currency` and `recurring.interval`.", {
        param: `items[${i}][price]`,
      });
    }
  });
}

export function createSubscription(
  ctx: Ctx,
  customer: Rec<"customer">,
  input: CreateSubscription,
): Rec<"subscription"> {
  const { app } = ctx;
  validateItems(input.items);
  const now = app.clock.now();
  const trialing = input.trialEnd !== null && input.trialEnd > now;
  const redeemables = resolveAll(ctx, input.discounts ?? [], {
    customer,
    currency: input.currency,
    amount: trialing ? 0 : recurringAmount(input.items.map((it) => ({ price: it.price.obj, quantity: it.quantity }))),
  });
  const id = newId("sub");
  const sub = subscriptionObject(id, input, now);
  const end = trialing ? input.trialEnd! : periodEnd(input.items[0].price.obj, now);
  sub.items.data = input.items.map((it) => subscriptionItemObject(id, it.price.obj, it.quantity, now, end, now));
  sub.cancel_at_period_end = input.cancelAtPeriodEnd;
  sub.cancel_at = input.cancelAtPeriodEnd ? end : null;
  if (input.saveDefaultPaymentMethod)
    sub.payment_settings = {
      payment_method_options: null,
      payment_method_types: null,
      save_default_payment_method: "on_subscription",
    };
  if (trialing) {
    sub.status = "trialing";
    sub.trial_start = now;
    sub.trial_end = input.trialEnd;
  }
  const rec = app.store.insert("subscription", ctx.scope, sub, {
    prorations: [],
    trialWillEndSent: false,
    announced: false,
  });
  const discounts = createDiscounts(ctx, rec, redeemables);
  sub.discounts = discounts.map((d) => d.id);
  const lines = sub.items.data.map((item) =>
    trialing
      ? lineFor(ctx, sub, item, 0, `Trial period for ${productName(ctx, item.price)}`)
      : lineFor(
          ctx,
          sub,
          item,
          (item.price.unit_amount ?? 0) * (item.quantity ?? 1),
          `${item.quantity ?? 1} × ${productName(ctx, item.price)} (at ${formatMinor(item.price)} / ${item.price.recurring?.interval})`,
        ),
  );
  const invoice = createInvoice(ctx, {
    customer,
    subscription: rec,
    lines,
    billingReason: "subscription_create",
    periodStart: now,
    periodEnd: end,
    discounts: discountsFor(ctx, rec, now),
  });
  sub.latest_invoice = invoice.id;
  if (trialing) {
    payInvoice(ctx, invoice, { offSession: false });
  } else if (input.paymentBehavior === "default_incomplete") {
    ensurePaymentIntent(ctx, invoice);
  } else {
    const result = payInvoice(ctx, invoice, { offSession: false });
    if (input.paymentBehavior === "error_if_incomplete" && result?.status !== "succeeded") {
      releaseDiscounts(ctx, rec, { remove: true });
      app.store.remove("subscription", id);
      if (result?.status === "failed") throw new StripeApiError(402, result.error);
      throw invalidRequest("This customer has no attached payment source or default payment method.", {
        code: "resource_missing",
      });
    }
  }
  rec.x.announced = true;
  emit(ctx, "customer.subscription.created", rec.obj);
  announceDiscounts(ctx, discounts);
  checkTrialWillEnd(ctx, rec);
  return rec;
}

export function formatMinor(price: Stripe.Price): string {
  return formatMoney(price.unit_amount ?? 0, price.currency, "en-US");
}

/** Stripe sends trial_will_end three days before the trial ends (at once for shorter trials). */
export function checkTrialWillEnd(ctx: Ctx, sub: Rec<"subscription">): void {
  if (sub.obj.status !== "trialing" || sub.x.trialWillEndSent || !sub.obj.trial_end) return;
  if (ctx.app.clock.now() >= sub.obj.trial_end - 3 * 86400) {
    sub.x.trialWillEndSent = true;
    emit(ctx, "customer.subscription.trial_will_end", sub.obj);
  }
}

function invoiceSubscription(ctx: Ctx, inv: Rec<"invoice">): Rec<"subscription"> | undefined {
  const subId = inv.obj.parent?.subscription_details ? idOf(inv.obj.parent.subscription_details.subscription) : null;
  return subId ? ctx.app.store.get("subscription", subId, inv.scope) : undefined;
}

export function setStatus(ctx: Ctx, sub: Rec<"subscription">, status: Stripe.Subscription.Status): void {
  if (sub.obj.status === status) return;
  const before = structuredClone(sub.obj);
  sub.obj.status = status;
  if (sub.x.announced) emit(ctx, "customer.subscription.updated", sub.obj, diff(before, sub.obj));
}

export function onSubscriptionInvoicePaid(ctx: Ctx, inv: Rec<"invoice">): void {
  const sub = invoiceSubscription(ctx, inv);
  if (!sub || sub.obj.status === "canceled") return;
  if (sub.obj.status === "incomplete" || sub.obj.status === "past_due" || sub.obj.status === "unpaid")
    setStatus(ctx, sub, "active");
}

export function onSubscriptionInvoiceFailed(ctx: Ctx, inv: Rec<"invoice">): void {
  const sub = invoiceSubscription(ctx, inv);
  if (!sub || inv.obj.billing_reason === "subscription_create") return;
  if (sub.obj.status === "active" || sub.obj.status === "trialing") setStatus(ctx, sub, "past_due");
}

export function cancelSubscription(
  ctx: Ctx,
  sub: Rec<"subscription">,
  reason: Stripe.Subscription.CancellationDetails.Reason = "cancellation_requested",
  at?: number,
): void {
  if (sub.obj.status === "canceled") {
    throw invalidRequest(`A canceled subscription can only update its cancellation_details and metadata.`, {
      code: "invalid_canceled_subscription_fields",
    });
  }
  const now = at ?? ctx.app.clock.now();
  sub.obj.status = "canceled";
  sub.obj.canceled_at = sub.obj.canceled_at ?? ctx.app.clock.now();
  sub.obj.ended_at = now;
  sub.obj.cancel_at_period_end = false;
  sub.obj.cancellation_details = { comment: null, feedback: null, feedback_option: null, reason };
  emit(ctx, "customer.subscription.deleted", sub.obj);
}
