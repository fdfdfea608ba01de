/** Checkout Sessions (hosted mode): create, retrieve, list, line items, expire. */
import type Stripe from "stripe";
import type { Ctx } from "../context";
import { invalidRequest } from "../errors";
import { emit } from "../events";
import { priceObject, productObject } from "../factories/catalog";
import { checkoutSessionObject, closeSession, lineItemObject } from "../factories/checkout";
import { idOf } from "../ids";
import { paginate } from "../list";
import { arr, bool, enm, int, listParams, meta, mergeMetadata, num, obj, range, str, type Infer } from "../params";
import { route } from "../router";
import { listRecs } from "./common";
import { priceSession } from "../domain/checkout-discounts";
import { resolveDiscount, type Redeemable } from "../domain/discounts";

const lineItem = obj({
  price: str(),
  quantity: int({ min: 1 }),
  price_data: obj({
    currency: str().req(),
    product: str(),
    product_data: obj({ name: str().req(), description: str(), images: arr(str()), metadata: meta(), tax_code: str() }),
    unit_amount: int({ min: 0 }),
    unit_amount_decimal: str(),
    recurring: obj({ interval: enm("day", "week", "month", "year").req(), interval_count: int({ min: 1 }) }),
    tax_behavior: enm("exclusive", "inclusive", "unspecified"),
  }),
  adjustable_quantity: obj({ enabled: bool().req(), minimum: int(), maximum: int() }),
  tax_rates: arr(str()),
});

const createShape = {
  mode: enm("payment", "setup", "subscription").req(),
  line_items: arr(lineItem),
  success_url: str(),
  cancel_url: str(),
  return_url: str(),
  client_reference_id: str(),
  customer: str(),
  customer_email: str(),
  customer_creation: enm("always", "if_required"),
  metadata: meta(),
  locale: str(),
  expires_at: int(),
  allowed_payment_method_types: arr(str()),
  excluded_payment_method_types: arr(str()),
  allow_promotion_codes: bool(),
  discounts: arr(obj({ coupon: str(), promotion_code: str() })),
  billing_address_collection: enm("auto", "required"),
  phone_number_collection: obj({ enabled: bool().req() }),
  submit_type: enm("auto", "book", "donate", "pay", "subscribe"),
  ui_mode: enm("hosted"),
  automatic_tax: obj({ enabled: bool().req() }),
  tax_id_collection: obj({ enabled: bool().req() }),
  customer_update: obj({ address: enm("auto", "never"), name: enm("auto", "never"), shipping: enm("auto", "never") }),
  invoice_creation: obj({ enabled: bool().req() }),
  payment_method_collection: enm("always", "if_required"),
  payment_intent_data: obj({
    application_fee_amount: int({ min: 0 }),
    metadata: meta(),
    transfer_data: obj({ destination: str().req(), amount: int({ min: 0 }) }),
    description: str(),
    setup_future_usage: enm("off_session", "on_session"),
    receipt_email: str(),
    statement_descriptor: str(),
    statement_descriptor_suffix: str(),
    on_behalf_of: str(),
    transfer_group: str(),
  }),
  subscription_data: obj({
    application_fee_percent: num(),
    trial_period_days: int({ min: 1 }),
    metadata: meta(),
    description: str(),
  }),
};

type LineItemParam = NonNullable<Infer<typeof createShape>["line_items"]>[number];

function resolveLineItem(ctx: Ctx, li: LineItemParam, i: number): Stripe.LineItem {
  const { app } = ctx;
  let price: Stripe.Price;
  if (li.price) {
    price = app.store.need("price", li.price, ctx.scope, `line_items[${i}][price]`).obj;
    if (!price.active)
      throw invalidRequest(`The price \`${price.id}\` is not active.`, { param: `line_items[${i}][price]` });
  } else if (li.price_data) {
    const d = li.price_data;
    let productId = d.product;
    if (!productId && d.product_data) {
      productId = app.store.insert(
        "product",
        ctx.scope,
        productObject({ ...d.product_data, metadata: mergeMetadata({}, d.product_data.metadata) }, app.clock.now()),
        {},
      ).id;
    }
    if (!productId)
      throw invalidRequest(`Missing required param: line_items[${i}][price_data][product_data].`, {
        param: `line_items[${i}][price_data][product_data]`,
        code: "parameter_missing",
      });
    app.store.need("product", productId, ctx.scope, `line_items[${i}][price_data][product]`);
    const amount = d.unit_amount ?? Math.round(Number(d.unit_amount_decimal ?? NaN));
    if (!Number.isFinite(amount))
      throw invalidRequest(`Missing required param: line_items[${i}][price_data][unit_amount].`, {
        param: `line_items[${i}][price_data][unit_amount]`,
        code: "parameter_missing",
      });
    // Inline prices exist but are not offered for reuse (active=false), as on Stripe.
    price = priceObject(
      {
        currency: d.currency,
        unit_amount: amount,
        product: productId,
        recurring: d.recurring,
        active: false,
        tax_behavior: d.tax_behavior,
      },
      app.clock.now(),
    );
    app.store.insert("price", ctx.scope, price, {});
  } else {
    throw invalidRequest(`You must specify either \`price\` or \`price_data\` in line_items[${i}].`, {
      param: `line_items[${i}]`,
    });
  }
  if (li.quantity === undefined)
    throw invalidRequest(`Missing required param: line_items[${i}][quantity].`, {
      param: `line_items[${i}][quantity]`,
      code: "parameter_missing",
    });
  const product = app.store.get("product", String(idOf(price.product)), ctx.scope);
  return lineItemObject(price, li.quantity, product?.obj.name ?? price.nickname ?? price.id);
}

function validate(ctx: Ctx, p: Infer<typeof createShape>, items: Stripe.LineItem[]): void {
  if (p.mode === "setup")
    throw invalidRequest(
      "The Stripe emulator does not support Checkout in setup mode (see sandbox/stripe/README.md).",
      { param: "mode" },
    );
  if (p.customer && p.customer_email)
    throw invalidRequest("You may only specify one of these parameters: customer, customer_email.", {
      param: "customer_email",
    });
  if (!items.length)
    throw invalidRequest("Missing required param: line_items.", { param: "line_items", code: "parameter_missing" });
  if (p.customer) ctx.app.store.need("customer", p.customer, ctx.scope, "customer");
  if (new Set(items.map((li) => li.currency)).size > 1)
    throw invalidRequest("All line items must use the same currency.", { param: "line_items" });
  const recurring = items.filter((li) => li.price?.recurring);
  if (p.mode === "payment") {
    if (recurring.length) {
      throw invalidRequest(
        "You specified `payment` mode but passed a recurring price. Either switch to `subscription` mode or use only one-time prices.",
        { param: "line_items" },
      );
    }
    if (p.subscription_data)
      throw invalidRequest("You can not pass `subscription_data` in `payment` mode.", { param: "subscription_data" });
  } else {
    if (!recurring.length)
      throw invalidRequest("You must specify at least one recurring price in `subscription` mode when using prices.", {
        param: "line_items",
      });
    if (recurring.length !== items.length)
      throw invalidRequest(
        "The Stripe emulator does not support one-time prices in `subscription` mode (see sandbox/stripe/README.md).",
        { param: "line_items" },
      );
    if (p.payment_intent_data)
      throw invalidRequest("You can not pass `payment_intent_data` in `subscription` mode.", {
        param: "payment_intent_data",
      });
  }
  const fee = p.payment_intent_data?.application_fee_amount;
  const destination = p.payment_intent_data?.transfer_data?.destination;
  if (destination) ctx.app.store.need("account", destination, null, "payment_intent_data[transfer_data][destination]");
  if (fee !== undefined && !ctx.scope && !destination) {
    throw invalidRequest(
      "Can only apply an application_fee_amount when the PaymentIntent is attempting a direct payment (using an OAuth key or Stripe-Account header) or destination payment (using `transfer_data[destination]`).",
      {
        param: "payment_intent_data[application_fee_amount]",
      },
    );
  }
  if (p.subscription_data?.application_fee_percent !== undefined && !ctx.scope) {
    throw invalidRequest("application_fee_percent can only be used on a connected account (Stripe-Account header).", {
      param: "subscription_data[application_fee_percent]",
    });
  }
  const now = ctx.app.clock.now();
  if (p.allow_promotion_codes && p.discounts?.length)
    throw invalidRequest("You may only specify one of these parameters: allow_promotion_codes, discounts.", {
      param: "discounts",
      code: "parameters_exclusive",
    });
  if ((p.discounts?.length ?? 0) > 1)
    throw invalidRequest("A Checkout Session can have only one discount (one coupon or one promotion code).", {
      param: "discounts",
    });
  if (p.expires_at !== undefined && (p.expires_at < now + 1800 || p.expires_at > now + 86400)) {
    throw invalidRequest(
      "The `expires_at` timestamp must be between 30 minutes and 24 hours from Checkout Session creation.",
      { param: "expires_at" },
    );
  }
}

/** The one coupon or promotion code of `discounts`, checked as Stripe does when the session is created. */
function sessionDiscount(ctx: Ctx, p: Infer<typeof createShape>, items: Stripe.LineItem[]): Redeemable | null {
  const d = p.discounts?.[0];
  if (!d) return null;
  const trial = p.mode === "subscription" && !!p.subscription_data?.trial_period_days;
  return resolveDiscount(ctx, d, "discounts[0]", {
    customer: p.customer ? ctx.app.store.need("customer", p.customer, ctx.scope, "customer") : null,
    currency: items[0].currency,
    amount: trial ? 0 : items.reduce((sum, li) => sum + li.amount_subtotal, 0),
  });
}

export const checkoutRoutes = [
  route("POST", "/v1/checkout/sessions", createShape, (ctx, p) => {
    const items = (p.line_items ?? []).map((li, i) => resolveLineItem(ctx, li, i));
    validate(ctx, p, items);
    const discount = sessionDiscount(ctx, p, items);
    const now = ctx.app.clock.now();
    const session = checkoutSessionObject(
      {
        mode: p.mode,
        lineItems: items,
        success_url: p.success_url ?? null,
        cancel_url: p.cancel_url ?? null,
        client_reference_id: p.client_reference_id ?? null,
        customer: p.customer ?? null,
        customer_email: p.customer_email ?? null,
        customer_creation: p.mode === "payment" ? (p.customer ? null : (p.customer_creation ?? "if_required")) : null,
        metadata: mergeMetadata({}, p.metadata),
        locale: (p.locale as Stripe.Checkout.Session.Locale | undefined) ?? null,
        expires_at: p.expires_at ?? now + 86400,
        payment_method_types: ["card"],
        allowed_payment_method_types: p.allowed_payment_method_types ?? null,
        submit_type: p.submit_type ?? null,
        billing_address_collection: p.billing_address_collection ?? null,
        phone_number_collection: p.phone_number_collection?.enabled ?? false,
        allow_promotion_codes: p.allow_promotion_codes ?? null,
        discounts: (p.discounts ?? []).map((d) => ({
          coupon: d.coupon ?? null,
          promotion_code: d.promotion_code ?? null,
        })),
      },
      (id) => ctx.app.url(`/checkout/${id}`),
      now,
    );
    const pid = p.payment_intent_data;
    const rec = ctx.app.store.insert("checkout_session", ctx.scope, session, {
      lineItems: items,
      paymentIntentData: pid ? { ...pid, metadata: mergeMetadata({}, pid.metadata) } : {},
      subscriptionData: p.subscription_data
        ? { ...p.subscription_data, metadata: mergeMetadata({}, p.subscription_data.metadata) }
        : {},
    });
    priceSession(rec, discount?.coupon.obj ?? null);
    return session;
  }),
  route(
    "GET",
    "/v1/checkout/sessions",
    {
      ...listParams,
      customer: str(),
      payment_intent: str(),
      subscription: str(),
      status: enm("complete", "expired", "open"),
      created: range(),
      customer_details: obj({ email: str().req() }),
      payment_link: str(),
    },
    (ctx, p) =>
      listRecs(
        ctx,
        "checkout_session",
        p,
        "/v1/checkout/sessions",
        (o) =>
          (!p.customer || idOf(o.customer) === p.customer) &&
          (!p.payment_intent || idOf(o.payment_intent) === p.payment_intent) &&
          (!p.subscription || idOf(o.subscription) === p.subscription) &&
          (!p.status || o.status === p.status) &&
          (!p.customer_details || o.customer_details?.email === p.customer_details.email),
      ),
  ),
  route(
    "GET",
    "/v1/checkout/sessions/:id",
    {},
    (ctx, _p, { id }) => ctx.app.store.need("checkout_session", id, ctx.scope, "session").obj,
  ),
  route("POST", "/v1/checkout/sessions/:id", { metadata: meta() }, (ctx, p, { id }) => {
    const rec = ctx.app.store.need("checkout_session", id, ctx.scope, "session");
    if (p.metadata !== undefined) rec.obj.metadata = mergeMetadata(rec.obj.metadata, p.metadata);
    return rec.obj;
  }),
  route("GET", "/v1/checkout/sessions/:id/line_items", listParams, (ctx, p, { id }) => {
    const rec = ctx.app.store.need("checkout_session", id, ctx.scope, "session");
    return paginate(rec.x.lineItems, p, `/v1/checkout/sessions/${id}/line_items`);
  }),
  route("POST", "/v1/checkout/sessions/:id/expire", {}, (ctx, _p, { id }) => {
    const rec = ctx.app.store.need("checkout_session", id, ctx.scope, "session");
    if (rec.obj.status !== "open") {
      throw invalidRequest(
        `Only Checkout Sessions with a status of \`open\` can be expired. This Checkout Session has a status of \`${rec.obj.status}\`.`,
        { code: "checkout_session_unexpected_state" },
      );
    }
    closeSession(rec.obj, "expired");
    emit(ctx, "checkout.session.expired", rec.obj);
    return rec.obj;
  }),
];
