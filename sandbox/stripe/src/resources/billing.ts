/** Subscriptions, invoices and billing portal sessions. */
import type Stripe from "stripe";
import type { Ctx } from "../context";
import { StripeApiError, invalidRequest } from "../errors";
import { portalSessionObject } from "../factories/billing";
import { idOf } from "../ids";
import { arr, bool, enm, int, listParams, meta, mergeMetadata, nullableStr, num, obj, range, str } from "../params";
import { route } from "../router";
import {
  finalizeInvoice,
  markUncollectible,
  onInvoicePaymentFailed,
  payInvoice,
  voidInvoice,
} from "../domain/invoices";
import { cancelSubscription, createSubscription, type ItemInput } from "../domain/subscriptions";
import { updateSubscription } from "../domain/subscription-update";
import { resolvePaymentMethod } from "../domain/payment-methods";
import { throwIfFailed } from "../domain/payments";
import type { Rec } from "../store";
import { listRecs } from "./common";
import { createPrice } from "./catalog";

const priceData = obj({
  currency: str().req(),
  product: str().req(),
  unit_amount: int({ min: 0 }).req(),
  recurring: obj({ interval: enm("day", "week", "month", "year").req(), interval_count: int({ min: 1 }) }).req(),
});
const itemShape = obj({
  id: str(),
  price: str(),
  price_data: priceData,
  quantity: int({ min: 0 }),
  deleted: bool(),
  metadata: meta(),
});

function priceFor(
  ctx: Ctx,
  it: {
    price?: string;
    price_data?: {
      currency: string;
      product: string;
      unit_amount: number;
      recurring: { interval: Stripe.Price.Recurring.Interval; interval_count?: number };
    };
  },
  i: number,
): Rec<"price"> | undefined {
  if (it.price) return ctx.app.store.need("price", it.price, ctx.scope, `items[${i}][price]`);
  if (it.price_data) {
    const price = createPrice(ctx, { ...it.price_data, active: false }, `items[${i}][price_data][`);
    return ctx.app.store.need("price", price.id, ctx.scope);
  }
  return undefined;
}

function trialEndOf(ctx: Ctx, trialEnd: string | undefined, days: number | undefined): number | null {
  const now = ctx.app.clock.now();
  if (trialEnd === "now") return null;
  if (trialEnd !== undefined) {
    const t = Number(trialEnd);
    if (!Number.isInteger(t) || t <= now)
      throw invalidRequest("Invalid timestamp: must be an integer Unix timestamp in the future.", {
        param: "trial_end",
      });
    return t;
  }
  return days ? now + days * 86400 : null;
}

/** `discounts[i]`: one of coupon, promotion_code, or (on update) an existing discount to keep. */
export const discountParam = obj({ coupon: str(), promotion_code: str(), discount: str() });

const subscriptionCommon = {
  discounts: arr(discountParam),
  metadata: meta(),
  description: nullableStr(),
  default_payment_method: nullableStr(),
  cancel_at_period_end: bool(),
  application_fee_percent: num(),
  payment_behavior: enm("allow_incomplete", "default_incomplete", "error_if_incomplete", "pending_if_incomplete"),
  proration_behavior: enm("always_invoice", "create_prorations", "none"),
  off_session: bool(),
  trial_end: str(),
  payment_settings: obj({
    save_default_payment_method: enm("off", "on_subscription"),
    payment_method_types: arr(str()),
  }),
  collection_method: enm("charge_automatically"),
};

export const billingRoutes = [
  route(
    "POST",
    "/v1/subscriptions",
    {
      ...subscriptionCommon,
      customer: str().req(),
      items: arr(itemShape).req(),
      trial_period_days: int({ min: 0 }),
      currency: str(),
      transfer_data: obj({ destination: str().req(), amount_percent: num() }),
    },
    (ctx, p) => {
      const customer = ctx.app.store.need("customer", p.customer, ctx.scope, "customer");
      if (p.payment_behavior === "pending_if_incomplete")
        throw invalidRequest("The Stripe emulator does not support payment_behavior=pending_if_incomplete.", {
          param: "payment_behavior",
        });
      const items: ItemInput[] = p.items.map((it, i) => {
        const price = priceFor(ctx, it, i);
        if (!price)
          throw invalidRequest(`Missing required param: items[${i}][price].`, {
            param: `items[${i}][price]`,
            code: "parameter_missing",
          });
        return { price, quantity: it.quantity ?? 1 };
      });
      if (p.default_payment_method) {
        const pm = resolvePaymentMethod(ctx, p.default_payment_method, "default_payment_method");
        if (pm.obj.customer !== customer.id)
          throw invalidRequest(
            `The customer does not have a payment method with the ID ${pm.id}. The payment method must be attached to the customer.`,
            { param: "default_payment_method" },
          );
      }
      if (p.transfer_data)
        ctx.app.store.need("account", p.transfer_data.destination, null, "transfer_data[destination]");
      return createSubscription(ctx, customer, {
        customer: customer.id,
        currency: items[0].price.obj.currency,
        metadata: mergeMetadata({}, p.metadata),
        description: p.description,
        default_payment_method: p.default_payment_method,
        application_fee_percent: p.application_fee_percent ?? null,
        transfer_data: p.transfer_data ?? null,
        items,
        trialEnd: trialEndOf(ctx, p.trial_end, p.trial_period_days),
        paymentBehavior: p.payment_behavior ?? "allow_incomplete",
        cancelAtPeriodEnd: p.cancel_at_period_end ?? false,
        saveDefaultPaymentMethod: p.payment_settings?.save_default_payment_method === "on_subscription",
        discounts: p.discounts,
      }).obj;
    },
  ),
  route(
    "GET",
    "/v1/subscriptions",
    {
      ...listParams,
      customer: str(),
      price: str(),
      status: enm(
        "active",
        "all",
        "canceled",
        "ended",
        "incomplete",
        "incomplete_expired",
        "past_due",
        "paused",
        "trialing",
        "unpaid",
      ),
      created: range(),
    },
    (ctx, p) =>
      listRecs(
        ctx,
        "subscription",
        p,
        "/v1/subscriptions",
        (o) =>
          (!p.customer || idOf(o.customer) === p.customer) &&
          (!p.price || o.items.data.some((i) => i.price.id === p.price)) &&
          (p.status === "all" ||
            (p.status === "ended" ? o.ended_at !== null : p.status ? o.status === p.status : o.status !== "canceled")),
      ),
  ),
  route("GET", "/v1/subscriptions/:id", {}, (ctx, _p, { id }) => ctx.app.store.need("subscription", id, ctx.scope).obj),
  route(
    "POST",
    "/v1/subscriptions/:id",
    { ...subscriptionCommon, items: arr(itemShape), cancel_at: str(), proration_date: int() },
    (ctx, p, { id }) => {
      const sub = ctx.app.store.need("subscription", id, ctx.scope);
      updateSubscription(ctx, sub, {
        items: p.items?.map((it, i) => ({
          id: it.id,
          price: priceFor(ctx, it, i),
          quantity: it.quantity,
          deleted: it.deleted,
        })),
        prorationBehavior: p.proration_behavior,
        cancelAtPeriodEnd: p.cancel_at_period_end,
        cancelAt: p.cancel_at === undefined ? undefined : p.cancel_at === "" ? null : Number(p.cancel_at),
        metadata: p.metadata !== undefined ? mergeMetadata(sub.obj.metadata, p.metadata) : undefined,
        defaultPaymentMethod: p.default_payment_method,
        description: p.description,
        trialEndNow: p.trial_end === "now",
        applicationFeePercent: p.application_fee_percent,
        discounts: p.discounts,
      });
      return sub.obj;
    },
  ),
  route(
    "DELETE",
    "/v1/subscriptions/:id",
    { invoice_now: bool(), prorate: bool(), cancellation_details: obj({ comment: str(), feedback: str() }) },
    (ctx, _p, { id }) => {
      const sub = ctx.app.store.need("subscription", id, ctx.scope);
      cancelSubscription(ctx, sub);
      return sub.obj;
    },
  ),
  route(
    "GET",
    "/v1/invoices",
    {
      ...listParams,
      customer: str(),
      subscription: str(),
      status: enm("draft", "open", "paid", "uncollectible", "void"),
      collection_method: enm("charge_automatically", "send_invoice"),
      created: range(),
      due_date: range(),
    },
    (ctx, p) =>
      listRecs(
        ctx,
        "invoice",
        p,
        "/v1/invoices",
        (o) =>
          (!p.customer || idOf(o.customer) === p.customer) &&
          (!p.subscription || idOf(o.parent?.subscription_details?.subscription ?? null) === p.subscription) &&
          (!p.status || o.status === p.status),
      ),
  ),
  route("GET", "/v1/invoices/:id", {}, (ctx, _p, { id }) => ctx.app.store.need("invoice", id, ctx.scope).obj),
  route(
    "GET",
    "/v1/invoices/:id/lines",
    listParams,
    (ctx, _p, { id }) => ctx.app.store.need("invoice", id, ctx.scope).obj.lines,
  ),
  route("POST", "/v1/invoices/:id/finalize", { auto_advance: bool() }, (ctx, _p, { id }) => {
    const inv = ctx.app.store.need("invoice", id, ctx.scope);
    finalizeInvoice(ctx, inv);
    return inv.obj;
  }),
  route(
    "POST",
    "/v1/invoices/:id/pay",
    { payment_method: str(), off_session: bool(), paid_out_of_band: bool() },
    (ctx, p, { id }) => {
      const inv = ctx.app.store.need("invoice", id, ctx.scope);
      const result = payInvoice(ctx, inv, {
        pm: p.payment_method ? resolvePaymentMethod(ctx, p.payment_method) : null,
        offSession: p.off_session ?? true,
        outOfBand: p.paid_out_of_band ?? false,
      });
      if (result === null) {
        onInvoicePaymentFailed(ctx, inv.id);
        throw invalidRequest(
          "This customer has no attached payment source or default payment method. Please consider adding a default payment method.",
          { code: "invoice_no_customer_line_items" },
        );
      }
      throwIfFailed(result);
      if (result.status === "requires_action")
        throw new StripeApiError(402, {
          type: "card_error",
          code: "invoice_payment_intent_requires_action",
          message: "Payment for this invoice requires a user action.",
        });
      return inv.obj;
    },
  ),
  route("POST", "/v1/invoices/:id/void", {}, (ctx, _p, { id }) => {
    const inv = ctx.app.store.need("invoice", id, ctx.scope);
    voidInvoice(ctx, inv);
    return inv.obj;
  }),
  route("POST", "/v1/invoices/:id/mark_uncollectible", {}, (ctx, _p, { id }) => {
    const inv = ctx.app.store.need("invoice", id, ctx.scope);
    markUncollectible(ctx, inv);
    return inv.obj;
  }),
  route(
    "POST",
    "/v1/billing_portal/sessions",
    {
      customer: str().req(),
      return_url: str(),
      configuration: str(),
      locale: str(),
      on_behalf_of: str(),
      flow_data: obj({
        type: enm("payment_method_update", "subscription_cancel", "subscription_update", "subscription_update_confirm"),
      }),
    },
    (ctx, p) => {
      const customer = ctx.app.store.need("customer", p.customer, ctx.scope, "customer");
      if (p.flow_data)
        throw invalidRequest(
          "The Stripe emulator does not support billing portal flow_data; the portal opens on its home page.",
          { param: "flow_data" },
        );
      const locale = (p.locale as Stripe.BillingPortal.Session.Locale | undefined) ?? null;
      const session = portalSessionObject(
        customer.id,
        p.return_url ?? null,
        locale,
        (id) => ctx.app.url(`/portal/${id}`),
        ctx.app.clock.now(),
      );
      return ctx.app.store.insert("portal_session", ctx.scope, session, {}).obj;
    },
  ),
];
