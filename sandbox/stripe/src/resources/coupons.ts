/** Coupons and promotion codes: `/v1/coupons`, `/v1/promotion_codes`. */
import type Stripe from "stripe";
import type { Ctx } from "../context";
import { invalidRequest } from "../errors";
import { diff, emit } from "../events";
import { couponObject, promotionCodeObject } from "../factories/discounts";
import { idOf } from "../ids";
import { arr, bool, dict, enm, int, listParams, meta, mergeMetadata, num, obj, range, str } from "../params";
import { route } from "../router";
import { refreshAllDiscounts, refreshCoupon, refreshPromotionCode, refreshPromotionCodesOf } from "../domain/discounts";
import { listRecs } from "./common";

const FIVE_YEARS = 5 * 365 * 86400;

const missing = (param: string) =>
  invalidRequest(`Missing required param: ${param}.`, { param, code: "parameter_missing" });

const currency = (value: string, param: string): string => {
  if (!/^[a-zA-Z]{3}$/.test(value)) throw invalidRequest(`Invalid currency: ${value}`, { param });
  return value.toLowerCase();
};

function checkPercent(percent: number): void {
  const decimals = /\.(\d+)$/.exec(String(percent))?.[1]?.length ?? 0;
  if (!(percent > 0 && percent <= 100) || decimals > 6)
    throw invalidRequest("Invalid percent_off: must be greater than 0 and at most 100.", { param: "percent_off" });
}

const couponCreate = {
  id: str(),
  percent_off: num(),
  amount_off: int({ min: 1 }),
  currency: str(),
  currency_options: dict(obj({ amount_off: int({ min: 1 }).req() })),
  duration: enm("forever", "once", "repeating"),
  duration_in_months: int({ min: 1 }),
  max_redemptions: int({ min: 1 }),
  redeem_by: int(),
  applies_to: obj({ products: arr(str()) }),
  name: str(),
  metadata: meta(),
};

function checkName(name: string | undefined): void {
  if (name !== undefined && name.length > 40)
    throw invalidRequest("Invalid name: must be at most 40 characters.", { param: "name" });
}

function currencyOptions(
  options: Record<string, { amount_off: number }> | undefined,
): Record<string, { amount_off: number }> | undefined {
  if (!options) return undefined;
  return Object.fromEntries(
    Object.entries(options).map(([cur, o]) => [
      currency(cur, `currency_options[${cur}]`),
      { amount_off: o.amount_off },
    ]),
  );
}

/** Regardless of case, a code is unique among the active promotion codes of one customer (or of none). */
function checkCodeFree(ctx: Ctx, code: string, customer: string | null, except?: string): void {
  const taken = ctx.app.store.list(
    "promotion_code",
    ctx.scope,
    (p) =>
      p.id !== except &&
      refreshPromotionCode(ctx.app, p).obj.active &&
      p.obj.code.toUpperCase() === code.toUpperCase() &&
      idOf(p.obj.customer) === customer,
  );
  if (taken.length)
    throw invalidRequest(`An active promotion code with the code \`${code}\` already exists.`, { param: "code" });
}

const restrictionsShape = obj({
  first_time_transaction: bool(),
  minimum_amount: int({ min: 0 }),
  minimum_amount_currency: str(),
  currency_options: dict(obj({ minimum_amount: int({ min: 0 }) })),
});

export const couponRoutes = [
  route("POST", "/v1/coupons", couponCreate, (ctx, p) => {
    const { app } = ctx;
    const now = app.clock.now();
    if (p.percent_off === undefined && p.amount_off === undefined)
      throw invalidRequest("You must specify either `percent_off` or `amount_off`.", {
        param: "percent_off",
        code: "parameter_missing",
      });
    if (p.percent_off !== undefined && p.amount_off !== undefined)
      throw invalidRequest("You may only specify one of these parameters: amount_off, percent_off.", {
        param: "amount_off",
        code: "parameters_exclusive",
      });
    if (p.percent_off !== undefined) checkPercent(p.percent_off);
    if (p.amount_off !== undefined && !p.currency) throw missing("currency");
    if (p.currency_options && p.amount_off === undefined)
      throw invalidRequest("`currency_options` can only be set on a coupon with `amount_off`.", {
        param: "currency_options",
      });
    const duration = p.duration ?? "once";
    if (duration === "repeating" && p.duration_in_months === undefined) throw missing("duration_in_months");
    if (duration !== "repeating" && p.duration_in_months !== undefined)
      throw invalidRequest("`duration_in_months` can only be set when `duration` is `repeating`.", {
        param: "duration_in_months",
      });
    if (p.redeem_by !== undefined && (p.redeem_by <= now || p.redeem_by > now + FIVE_YEARS))
      throw invalidRequest("Invalid redeem_by: must be in the future and at most 5 years from now.", {
        param: "redeem_by",
      });
    checkName(p.name);
    if (p.id !== undefined && !p.id) throw invalidRequest("Invalid id: must not be empty.", { param: "id" });
    if (p.id && app.store.get("coupon", p.id, ctx.scope))
      throw invalidRequest("Coupon already exists.", { param: "id", code: "resource_already_exists" });
    for (const [i, product] of (p.applies_to?.products ?? []).entries())
      app.store.need("product", product, ctx.scope, `applies_to[products][${i}]`);
    const coupon = couponObject(
      {
        ...p,
        currency: p.currency ? currency(p.currency, "currency") : undefined,
        currency_options: currencyOptions(p.currency_options),
        applies_to: p.applies_to ? { products: p.applies_to.products ?? [] } : undefined,
        duration,
        metadata: mergeMetadata({}, p.metadata),
      },
      now,
    );
    app.store.insert("coupon", ctx.scope, coupon, {});
    emit(ctx, "coupon.created", coupon);
    return coupon;
  }),
  route("GET", "/v1/coupons", { ...listParams, created: range() }, (ctx, p) => {
    for (const c of ctx.app.store.list("coupon", ctx.scope)) refreshCoupon(ctx.app, c);
    return listRecs(ctx, "coupon", p, "/v1/coupons");
  }),
  route(
    "GET",
    "/v1/coupons/:id",
    {},
    (ctx, _p, { id }) => refreshCoupon(ctx.app, ctx.app.store.need("coupon", id, ctx.scope, "coupon")).obj,
  ),
  route(
    "POST",
    "/v1/coupons/:id",
    { name: str(), metadata: meta(), currency_options: dict(obj({ amount_off: int({ min: 1 }).req() })) },
    (ctx, p, { id }) => {
      const rec = refreshCoupon(ctx.app, ctx.app.store.need("coupon", id, ctx.scope, "coupon"));
      const before = structuredClone(rec.obj);
      checkName(p.name);
      if (p.name !== undefined) rec.obj.name = p.name || null;
      if (p.metadata !== undefined) rec.obj.metadata = mergeMetadata(rec.obj.metadata, p.metadata);
      if (p.currency_options) {
        if (rec.obj.amount_off === null)
          throw invalidRequest("`currency_options` can only be set on a coupon with `amount_off`.", {
            param: "currency_options",
          });
        rec.obj.currency_options = { ...rec.obj.currency_options, ...currencyOptions(p.currency_options) };
      }
      emit(ctx, "coupon.updated", rec.obj, diff(before, rec.obj));
      return rec.obj;
    },
  ),
  route("DELETE", "/v1/coupons/:id", {}, (ctx, _p, { id }): Stripe.DeletedCoupon => {
    const rec = ctx.app.store.need("coupon", id, ctx.scope, "coupon");
    ctx.app.store.remove("coupon", id, ctx.scope);
    rec.obj.valid = false;
    refreshPromotionCodesOf(ctx, rec);
    emit(ctx, "coupon.deleted", rec.obj);
    return { id, object: "coupon", deleted: true };
  }),

  route(
    "POST",
    "/v1/promotion_codes",
    {
      promotion: obj({ type: enm("coupon").req(), coupon: str() }).req(),
      code: str(),
      active: bool(),
      customer: str(),
      expires_at: int(),
      max_redemptions: int({ min: 1 }),
      metadata: meta(),
      restrictions: restrictionsShape,
    },
    (ctx, p) => {
      const { app } = ctx;
      const now = app.clock.now();
      if (!p.promotion.coupon) throw missing("promotion[coupon]");
      const coupon = refreshCoupon(app, app.store.need("coupon", p.promotion.coupon, ctx.scope, "promotion[coupon]"));
      if (p.code !== undefined && !/^[A-Za-z0-9-]{1,500}$/.test(p.code))
        throw invalidRequest("Invalid code: use only letters (a-z, A-Z), digits (0-9) and dashes (-).", {
          param: "code",
        });
      if (p.customer) app.store.need("customer", p.customer, ctx.scope, "customer");
      if (p.expires_at !== undefined) {
        if (p.expires_at <= now)
          throw invalidRequest("Invalid expires_at: must be in the future.", { param: "expires_at" });
        if (coupon.obj.redeem_by !== null && p.expires_at > coupon.obj.redeem_by)
          throw invalidRequest("The promotion code's `expires_at` cannot be later than its coupon's `redeem_by`.", {
            param: "expires_at",
          });
      }
      if (
        p.max_redemptions !== undefined &&
        coupon.obj.max_redemptions !== null &&
        p.max_redemptions > coupon.obj.max_redemptions
      )
        throw invalidRequest(
          "The promotion code's `max_redemptions` cannot be greater than its coupon's `max_redemptions`.",
          { param: "max_redemptions" },
        );
      const r = p.restrictions;
      if (r?.minimum_amount !== undefined && !r.minimum_amount_currency)
        throw missing("restrictions[minimum_amount_currency]");
      if (r?.minimum_amount_currency && r.minimum_amount === undefined) throw missing("restrictions[minimum_amount]");
      if (r?.minimum_amount_currency) currency(r.minimum_amount_currency, "restrictions[minimum_amount_currency]");
      const promo = promotionCodeObject({ ...p, coupon: coupon.id, metadata: mergeMetadata({}, p.metadata) }, now);
      const enabled = p.active ?? true;
      if (enabled) checkCodeFree(ctx, promo.code, p.customer ?? null);
      const rec = refreshPromotionCode(app, app.store.insert("promotion_code", ctx.scope, promo, { enabled }));
      emit(ctx, "promotion_code.created", rec.obj);
      return rec.obj;
    },
  ),
  route(
    "GET",
    "/v1/promotion_codes",
    { ...listParams, active: bool(), code: str(), coupon: str(), customer: str(), created: range() },
    (ctx, p) => {
      refreshAllDiscounts(ctx.app);
      return listRecs(
        ctx,
        "promotion_code",
        p,
        "/v1/promotion_codes",
        (o) =>
          (p.active === undefined || o.active === p.active) &&
          (!p.code || o.code.toUpperCase() === p.code.toUpperCase()) &&
          (!p.coupon || idOf(o.promotion.coupon) === p.coupon) &&
          (!p.customer || idOf(o.customer) === p.customer),
      );
    },
  ),
  route(
    "GET",
    "/v1/promotion_codes/:id",
    {},
    (ctx, _p, { id }) =>
      refreshPromotionCode(ctx.app, ctx.app.store.need("promotion_code", id, ctx.scope, "promotion_code")).obj,
  ),
  route(
    "POST",
    "/v1/promotion_codes/:id",
    {
      active: bool(),
      metadata: meta(),
      restrictions: obj({ currency_options: dict(obj({ minimum_amount: int({ min: 0 }) })) }),
    },
    (ctx, p, { id }) => {
      const rec = refreshPromotionCode(ctx.app, ctx.app.store.need("promotion_code", id, ctx.scope, "promotion_code"));
      const before = structuredClone(rec.obj);
      if (p.active === true && !rec.x.enabled) checkCodeFree(ctx, rec.obj.code, idOf(rec.obj.customer), rec.id);
      if (p.active !== undefined) rec.x.enabled = p.active;
      if (p.metadata !== undefined) rec.obj.metadata = mergeMetadata(rec.obj.metadata, p.metadata);
      const options = p.restrictions?.currency_options;
      if (options)
        rec.obj.restrictions.currency_options = {
          ...rec.obj.restrictions.currency_options,
          ...Object.fromEntries(
            Object.entries(options).map(([cur, o]) => [
              currency(cur, `restrictions[currency_options][${cur}]`),
              { minimum_amount: o.minimum_amount ?? 0 },
            ]),
          ),
        };
      refreshPromotionCode(ctx.app, rec);
      emit(ctx, "promotion_code.updated", rec.obj, diff(before, rec.obj));
      return rec.obj;
    },
  ),
];
