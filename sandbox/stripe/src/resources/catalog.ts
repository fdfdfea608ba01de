/** Products and prices. */
import type Stripe from "stripe";
import type { Ctx } from "../context";
import { invalidRequest } from "../errors";
import { diff, emit } from "../events";
import { priceObject, productObject } from "../factories/catalog";
import { idOf } from "../ids";
import { arr, bool, enm, int, listParams, meta, mergeMetadata, nullableStr, obj, range, str } from "../params";
import { route } from "../router";
import { listRecs } from "./common";
import { searchFilter, searchResult } from "./search";

const recurring = obj({
  interval: enm("day", "week", "month", "year").req(),
  interval_count: int({ min: 1 }),
  trial_period_days: int({ min: 0 }),
  usage_type: enm("licensed"),
});
const productFields = {
  name: str(),
  description: nullableStr(),
  active: bool(),
  metadata: meta(),
  images: arr(str()),
  url: nullableStr(),
  unit_label: nullableStr(),
  statement_descriptor: nullableStr(),
  tax_code: nullableStr(),
  shippable: bool(),
};

export type NewPrice = {
  currency: string;
  unit_amount?: number;
  unit_amount_decimal?: string;
  product?: string;
  product_data?: {
    name: string;
    metadata?: Record<string, string> | null;
    active?: boolean;
    statement_descriptor?: string;
    unit_label?: string;
  };
  recurring?: { interval: Stripe.Price.Recurring.Interval; interval_count?: number; trial_period_days?: number };
  lookup_key?: string;
  transfer_lookup_key?: boolean;
  nickname?: string | null;
  metadata?: Record<string, string> | null;
  active?: boolean;
  tax_behavior?: Stripe.Price.TaxBehavior;
};

function claimLookupKey(ctx: Ctx, key: string, transfer: boolean | undefined): void {
  const holder = ctx.app.store.list("price", ctx.scope, (r) => r.obj.lookup_key === key)[0];
  if (!holder) return;
  if (!transfer)
    throw invalidRequest(`A price (\`${holder.id}\`) already uses that lookup key.`, { param: "lookup_key" });
  holder.obj.lookup_key = null;
}

/** Shared by POST /v1/prices, products' default_price_data and inline price_data. */
export function createPrice(ctx: Ctx, p: NewPrice, paramPrefix = ""): Stripe.Price {
  const { app } = ctx;
  let productId = p.product;
  if (!productId && p.product_data) {
    const product = app.store.insert(
      "product",
      ctx.scope,
      productObject({ ...p.product_data, metadata: mergeMetadata({}, p.product_data.metadata) }, app.clock.now()),
      {},
    );
    emit(ctx, "product.created", product.obj);
    productId = product.id;
  }
  if (!productId)
    throw invalidRequest(`Missing required param: ${paramPrefix}product.`, {
      param: `${paramPrefix}product`,
      code: "parameter_missing",
    });
  app.store.need("product", productId, ctx.scope, `${paramPrefix}product`);
  const amount =
    p.unit_amount ?? (p.unit_amount_decimal !== undefined ? Math.round(Number(p.unit_amount_decimal)) : undefined);
  if (amount === undefined)
    throw invalidRequest(`Missing required param: ${paramPrefix}unit_amount.`, {
      param: `${paramPrefix}unit_amount`,
      code: "parameter_missing",
    });
  if (p.lookup_key) claimLookupKey(ctx, p.lookup_key, p.transfer_lookup_key);
  const price = priceObject(
    {
      currency: p.currency,
      unit_amount: amount,
      product: productId,
      recurring: p.recurring,
      lookup_key: p.lookup_key,
      nickname: p.nickname,
      metadata: mergeMetadata({}, p.metadata),
      active: p.active,
      tax_behavior: p.tax_behavior,
    },
    app.clock.now(),
  );
  app.store.insert("price", ctx.scope, price, {});
  emit(ctx, "price.created", price);
  return price;
}

export const priceShape = {
  currency: str().req(),
  unit_amount: int({ min: 0 }),
  unit_amount_decimal: str(),
  product: str(),
  product_data: obj({
    name: str().req(),
    metadata: meta(),
    active: bool(),
    statement_descriptor: str(),
    unit_label: str(),
    tax_code: str(),
  }),
  recurring,
  lookup_key: str(),
  transfer_lookup_key: bool(),
  nickname: nullableStr(),
  metadata: meta(),
  active: bool(),
  tax_behavior: enm("exclusive", "inclusive", "unspecified"),
  billing_scheme: enm("per_unit"),
};

export const catalogRoutes = [
  route(
    "POST",
    "/v1/products",
    {
      ...productFields,
      name: str().req(),
      id: str(),
      default_price_data: obj({
        currency: str().req(),
        unit_amount: int({ min: 0 }),
        recurring,
        tax_behavior: enm("exclusive", "inclusive", "unspecified"),
      }),
    },
    (ctx, p) => {
      if (p.id && ctx.app.store.get("product", p.id, ctx.scope))
        throw invalidRequest(`Product already exists.`, { param: "id", code: "resource_already_exists" });
      const product = productObject({ ...p, metadata: mergeMetadata({}, p.metadata) }, ctx.app.clock.now());
      const rec = ctx.app.store.insert("product", ctx.scope, product, {});
      emit(ctx, "product.created", product);
      if (p.default_price_data) {
        const price = createPrice(ctx, { ...p.default_price_data, product: rec.id }, "default_price_data[");
        product.default_price = price.id;
      }
      return product;
    },
  ),
  route(
    "GET",
    "/v1/products/search",
    { query: str().req(), limit: int({ min: 1, max: 100 }), page: str() },
    (ctx, p) => {
      const match = searchFilter(p.query, ["name", "active", "description", "metadata", "url", "shippable", "created"]);
      return searchResult(
        ctx.app.store
          .list("product", ctx.scope)
          .map((r) => r.obj)
          .filter(match),
        p.limit,
        p.page,
        "/v1/products/search",
      );
    },
  ),
  route(
    "GET",
    "/v1/products",
    { ...listParams, active: bool(), ids: arr(str()), created: range(), shippable: bool(), url: str() },
    (ctx, p) =>
      listRecs(
        ctx,
        "product",
        p,
        "/v1/products",
        (o) => (p.active === undefined || o.active === p.active) && (!p.ids?.length || p.ids.includes(o.id)),
      ),
  ),
  route("GET", "/v1/products/:id", {}, (ctx, _p, { id }) => ctx.app.store.need("product", id, ctx.scope).obj),
  route("POST", "/v1/products/:id", { ...productFields, default_price: str() }, (ctx, p, { id }) => {
    const rec = ctx.app.store.need("product", id, ctx.scope);
    const before = structuredClone(rec.obj);
    const { metadata, default_price, ...rest } = p;
    for (const [k, v] of Object.entries(rest)) if (v !== undefined) Object.assign(rec.obj, { [k]: v });
    if (metadata !== undefined) rec.obj.metadata = mergeMetadata(rec.obj.metadata, metadata);
    if (default_price)
      rec.obj.default_price = ctx.app.store.need("price", default_price, ctx.scope, "default_price").id;
    rec.obj.updated = ctx.app.clock.now();
    emit(ctx, "product.updated", rec.obj, diff(before, rec.obj));
    return rec.obj;
  }),
  route("DELETE", "/v1/products/:id", {}, (ctx, _p, { id }): Stripe.DeletedProduct => {
    const rec = ctx.app.store.need("product", id, ctx.scope);
    if (ctx.app.store.list("price", ctx.scope, (r) => idOf(r.obj.product) === id).length) {
      throw invalidRequest("This product cannot be deleted because it has one or more user-created prices.", {
        code: "resource_already_exists",
      });
    }
    ctx.app.store.remove("product", id);
    emit(ctx, "product.deleted", rec.obj);
    return { id, object: "product", deleted: true };
  }),
  route("POST", "/v1/prices", priceShape, (ctx, p) => createPrice(ctx, p)),
  route("GET", "/v1/prices/search", { query: str().req(), limit: int({ min: 1, max: 100 }), page: str() }, (ctx, p) => {
    const match = searchFilter(p.query, ["active", "currency", "lookup_key", "metadata", "product", "type", "created"]);
    return searchResult(
      ctx.app.store
        .list("price", ctx.scope)
        .map((r) => r.obj)
        .filter(match),
      p.limit,
      p.page,
      "/v1/prices/search",
    );
  }),
  route(
    "GET",
    "/v1/prices",
    {
      ...listParams,
      product: str(),
      active: bool(),
      type: enm("one_time", "recurring"),
      currency: str(),
      lookup_keys: arr(str()),
      recurring: obj({ interval: enm("day", "week", "month", "year"), usage_type: enm("licensed", "metered") }),
      created: range(),
    },
    (ctx, p) =>
      listRecs(
        ctx,
        "price",
        p,
        "/v1/prices",
        (o) =>
          (!p.product || idOf(o.product) === p.product) &&
          (p.active === undefined || o.active === p.active) &&
          (!p.type || o.type === p.type) &&
          (!p.currency || o.currency === p.currency.toLowerCase()) &&
          (!p.lookup_keys?.length || (o.lookup_key !== null && p.lookup_keys.includes(o.lookup_key))) &&
          (!p.recurring?.interval || o.recurring?.interval === p.recurring.interval),
      ),
  ),
  route("GET", "/v1/prices/:id", {}, (ctx, _p, { id }) => ctx.app.store.need("price", id, ctx.scope).obj),
  route(
    "POST",
    "/v1/prices/:id",
    {
      active: bool(),
      metadata: meta(),
      nickname: nullableStr(),
      lookup_key: str(),
      transfer_lookup_key: bool(),
      tax_behavior: enm("exclusive", "inclusive", "unspecified"),
    },
    (ctx, p, { id }) => {
      const rec = ctx.app.store.need("price", id, ctx.scope);
      const before = structuredClone(rec.obj);
      if (p.active !== undefined) rec.obj.active = p.active;
      if (p.nickname !== undefined) rec.obj.nickname = p.nickname;
      if (p.tax_behavior) rec.obj.tax_behavior = p.tax_behavior;
      if (p.metadata !== undefined) rec.obj.metadata = mergeMetadata(rec.obj.metadata, p.metadata);
      if (p.lookup_key !== undefined && p.lookup_key !== rec.obj.lookup_key) {
        if (p.lookup_key) claimLookupKey(ctx, p.lookup_key, p.transfer_lookup_key);
        rec.obj.lookup_key = p.lookup_key || null;
      }
      emit(ctx, "price.updated", rec.obj, diff(before, rec.obj));
      return rec.obj;
    },
  ),
];
