/** Customers and card PaymentMethods. */
import type Stripe from "stripe";
import type { Ctx } from "../context";
import { invalidRequest } from "../errors";
import { diff, emit } from "../events";
import { customerObject } from "../factories/customer";
import { arr, enm, int, listParams, meta, mergeMetadata, nullableStr, obj, range, str } from "../params";
import { route } from "../router";
import {
  attachPaymentMethod,
  createCardPaymentMethod,
  detachPaymentMethod,
  resolvePaymentMethod,
} from "../domain/payment-methods";
import { listRecs } from "./common";
import { searchFilter, searchResult } from "./search";

const address = obj({ line1: str(), line2: str(), city: str(), state: str(), postal_code: str(), country: str() });
const customerFields = {
  email: nullableStr(),
  name: nullableStr(),
  phone: nullableStr(),
  description: nullableStr(),
  metadata: meta(),
  preferred_locales: arr(str()),
  address,
  invoice_settings: obj({ default_payment_method: nullableStr(), footer: nullableStr() }),
};

export const cardShape = obj({ number: str(), exp_month: int(), exp_year: int(), cvc: str(), token: str() });
export const billingShape = obj({ name: nullableStr(), email: nullableStr(), phone: nullableStr(), address });

export type CardParam = { number?: string; exp_month?: number; exp_year?: number; cvc?: string; token?: string };

export function cardSource(card: CardParam | undefined, prefix: string) {
  if (!card) throw invalidRequest(`Missing required param: ${prefix}.`, { param: prefix, code: "parameter_missing" });
  if (card.token) return { token: card.token };
  for (const k of ["number", "exp_month", "exp_year"] as const) {
    if (card[k] === undefined)
      throw invalidRequest(`Missing required param: ${prefix}[${k}].`, {
        param: `${prefix}[${k}]`,
        code: "parameter_missing",
      });
  }
  return { number: card.number!, exp_month: card.exp_month!, exp_year: card.exp_year!, cvc: card.cvc };
}

function setDefaultPaymentMethod(ctx: Ctx, customer: Stripe.Customer, pmId: string | null): void {
  if (pmId) {
    const pm = ctx.app.store.need("payment_method", pmId, ctx.scope, "invoice_settings[default_payment_method]");
    if (pm.obj.customer !== customer.id) {
      throw invalidRequest(
        `The customer does not have a payment method with the ID ${pmId}. The payment method must be attached to the customer.`,
        {
          param: "invoice_settings[default_payment_method]",
          code: "resource_missing",
        },
      );
    }
  }
  customer.invoice_settings.default_payment_method = pmId;
}

const pmListShape = { ...listParams, type: enm("card") };

function listPaymentMethods(
  ctx: Ctx,
  customer: string,
  p: { limit?: number; starting_after?: string; ending_before?: string },
  url: string,
) {
  ctx.app.store.need("customer", customer, ctx.scope, "customer");
  return listRecs(ctx, "payment_method", p, url, (o) => o.customer === customer);
}

export const customerRoutes = [
  route("POST", "/v1/customers", { ...customerFields, payment_method: str() }, (ctx, p) => {
    const { app } = ctx;
    const rec = app.store.insert(
      "customer",
      ctx.scope,
      customerObject({ ...p, metadata: mergeMetadata({}, p.metadata) }, app.clock.now()),
      {},
    );
    if (p.address)
      rec.obj.address = {
        city: null,
        country: null,
        line1: null,
        line2: null,
        postal_code: null,
        state: null,
        ...p.address,
      };
    emit(ctx, "customer.created", rec.obj);
    if (p.payment_method) attachPaymentMethod(ctx, resolvePaymentMethod(ctx, p.payment_method), rec.id);
    if (p.invoice_settings?.default_payment_method !== undefined)
      setDefaultPaymentMethod(ctx, rec.obj, p.invoice_settings.default_payment_method);
    return rec.obj;
  }),
  route(
    "GET",
    "/v1/customers/search",
    { query: str().req(), limit: int({ min: 1, max: 100 }), page: str() },
    (ctx, p) => {
      const match = searchFilter(p.query, ["email", "name", "phone", "metadata", "created"]);
      return searchResult(
        ctx.app.store
          .list("customer", ctx.scope)
          .map((r) => r.obj)
          .filter(match),
        p.limit,
        p.page,
        "/v1/customers/search",
      );
    },
  ),
  route("GET", "/v1/customers", { ...listParams, email: str(), created: range() }, (ctx, p) =>
    listRecs(ctx, "customer", p, "/v1/customers", (o) => !p.email || o.email === p.email),
  ),
  route("GET", "/v1/customers/:id", {}, (ctx, _p, { id }) => ctx.app.store.need("customer", id, ctx.scope).obj),
  route("POST", "/v1/customers/:id", customerFields, (ctx, p, { id }) => {
    const rec = ctx.app.store.need("customer", id, ctx.scope);
    const before = structuredClone(rec.obj);
    const c = rec.obj;
    if (p.email !== undefined) c.email = p.email;
    if (p.name !== undefined) c.name = p.name;
    if (p.phone !== undefined) c.phone = p.phone;
    if (p.description !== undefined) c.description = p.description;
    if (p.preferred_locales) c.preferred_locales = p.preferred_locales;
    if (p.address)
      c.address = {
        ...(c.address ?? { city: null, country: null, line1: null, line2: null, postal_code: null, state: null }),
        ...p.address,
      };
    if (p.metadata !== undefined) c.metadata = mergeMetadata(c.metadata, p.metadata);
    if (p.invoice_settings?.default_payment_method !== undefined)
      setDefaultPaymentMethod(ctx, c, p.invoice_settings.default_payment_method);
    if (p.invoice_settings?.footer !== undefined) c.invoice_settings.footer = p.invoice_settings.footer;
    emit(ctx, "customer.updated", c, diff(before, c));
    return c;
  }),
  route("DELETE", "/v1/customers/:id", {}, (ctx, _p, { id }): Stripe.DeletedCustomer => {
    const rec = ctx.app.store.need("customer", id, ctx.scope);
    ctx.app.store.remove("customer", id);
    emit(ctx, "customer.deleted", rec.obj);
    return { id, object: "customer", deleted: true };
  }),
  route("GET", "/v1/customers/:id/payment_methods", pmListShape, (ctx, p, { id }) =>
    listPaymentMethods(ctx, id, p, `/v1/customers/${id}/payment_methods`),
  ),
  route("GET", "/v1/customers/:id/payment_methods/:pm", {}, (ctx, _p, { id, pm }) => {
    const rec = ctx.app.store.need("payment_method", pm, ctx.scope);
    if (rec.obj.customer !== id)
      throw invalidRequest(
        `No such PaymentMethod: '${pm}'`,
        { code: "resource_missing", param: "payment_method" },
        404,
      );
    return rec.obj;
  }),
  route(
    "POST",
    "/v1/payment_methods",
    {
      type: enm("card").req(),
      card: cardShape,
      billing_details: billingShape,
      metadata: meta(),
      allow_redisplay: enm("always", "limited", "unspecified"),
    },
    (ctx, p) => {
      const billing = {
        name: p.billing_details?.name,
        email: p.billing_details?.email,
        phone: p.billing_details?.phone,
      };
      return createCardPaymentMethod(ctx, cardSource(p.card, "card"), billing, mergeMetadata({}, p.metadata)).obj;
    },
    { auth: "publishable" },
  ),
  route("GET", "/v1/payment_methods", { ...pmListShape, customer: str() }, (ctx, p) =>
    p.customer
      ? listPaymentMethods(ctx, p.customer, p, "/v1/payment_methods")
      : listRecs(ctx, "payment_method", p, "/v1/payment_methods"),
  ),
  route(
    "GET",
    "/v1/payment_methods/:id",
    {},
    (ctx, _p, { id }) => ctx.app.store.need("payment_method", id, ctx.scope).obj,
  ),
  route("POST", "/v1/payment_methods/:id", { metadata: meta(), billing_details: billingShape }, (ctx, p, { id }) => {
    const rec = ctx.app.store.need("payment_method", id, ctx.scope);
    const before = structuredClone(rec.obj);
    if (p.metadata !== undefined) rec.obj.metadata = mergeMetadata(rec.obj.metadata, p.metadata);
    if (p.billing_details)
      Object.assign(
        rec.obj.billing_details,
        Object.fromEntries(Object.entries(p.billing_details).filter(([k]) => k !== "address")),
      );
    emit(ctx, "payment_method.updated", rec.obj, diff(before, rec.obj));
    return rec.obj;
  }),
  route("POST", "/v1/payment_methods/:id/attach", { customer: str().req() }, (ctx, p, { id }) => {
    const pm = resolvePaymentMethod(ctx, id, "payment_method");
    attachPaymentMethod(ctx, pm, p.customer);
    return pm.obj;
  }),
  route("POST", "/v1/payment_methods/:id/detach", {}, (ctx, _p, { id }) => {
    const pm = ctx.app.store.need("payment_method", id, ctx.scope);
    detachPaymentMethod(ctx, pm);
    return pm.obj;
  }),
];
