/** Connect: accounts, account links (hosted onboarding) and Express dashboard login links. */
import type Stripe from "stripe";
import type { Ctx } from "../context";
import { invalidRequest, noSuch } from "../errors";
import { diff, emit } from "../events";
import { accountObject, deletedAccount } from "../factories/account";
import { randomToken } from "../ids";
import { bool, enm, listParams, meta, mergeMetadata, nullableStr, obj, range, str } from "../params";
import { route } from "../router";
import { listRecs, requirePlatform } from "./common";

const businessProfile = obj({
  name: nullableStr(),
  url: nullableStr(),
  mcc: nullableStr(),
  product_description: nullableStr(),
  support_email: nullableStr(),
  support_phone: nullableStr(),
  support_url: nullableStr(),
});
const capability = obj({ requested: bool() });
const capabilities = obj({
  card_payments: capability,
  transfers: capability,
  boleto_payments: capability,
  pix_payments: capability,
  link_payments: capability,
});
const controller = obj({
  fees: obj({ payer: enm("account", "application") }),
  losses: obj({ payments: enm("application", "stripe") }),
  requirement_collection: enm("application", "stripe"),
  stripe_dashboard: obj({ type: enm("express", "full", "none") }),
});
const settings = obj({
  payouts: obj({
    schedule: obj({
      interval: enm("daily", "manual", "monthly", "weekly"),
      delay_days: str(),
      weekly_anchor: str(),
      monthly_anchor: str(),
    }),
    statement_descriptor: str(),
  }),
  payments: obj({ statement_descriptor: str() }),
  card_payments: obj({ statement_descriptor_prefix: str() }),
  branding: obj({ primary_color: str(), secondary_color: str() }),
});

const common = {
  email: nullableStr(),
  business_type: enm("company", "government_entity", "individual", "non_profit"),
  business_profile: businessProfile,
  capabilities,
  metadata: meta(),
  default_currency: str(),
  settings,
  tos_acceptance: obj({ date: str(), ip: str(), service_agreement: enm("full", "recipient") }),
};

function accountType(
  type: string | undefined,
  ctrl: { stripe_dashboard?: { type?: string } } | undefined,
): Stripe.Account.Type {
  if (type) return type as Stripe.Account.Type;
  const dash = ctrl?.stripe_dashboard?.type;
  return dash === "express" ? "express" : dash === "full" ? "standard" : dash === "none" ? "custom" : "none";
}

function applyProfile(account: Stripe.Account, p: { [k: string]: string | null | undefined } | undefined): void {
  if (!p || !account.business_profile) return;
  for (const [k, v] of Object.entries(p)) if (v !== undefined) Object.assign(account.business_profile, { [k]: v });
}

export function accountUpdated(ctx: Ctx, account: Stripe.Account, before: Stripe.Account): void {
  emit({ ...ctx, scope: account.id }, "account.updated", account, diff(before, account));
}

export const accountRoutes = [
  route(
    "POST",
    "/v1/accounts",
    { type: enm("express", "standard", "custom"), controller, country: str(), ...common },
    (ctx, p) => {
      requirePlatform(ctx, "Creating accounts");
      if (!p.type && !p.controller)
        throw invalidRequest("You must specify either `type` or `controller`.", { param: "type" });
      const ctrl: Stripe.Account.Controller | undefined = p.controller
        ? {
            fees: { payer: p.controller.fees?.payer === "account" ? "account" : "application" },
            is_controller: true,
            losses: { payments: p.controller.losses?.payments ?? "stripe" },
            requirement_collection: p.controller.requirement_collection ?? "stripe",
            stripe_dashboard: { type: p.controller.stripe_dashboard?.type ?? "full" },
            type: "application",
          }
        : undefined;
      const caps = Object.entries(p.capabilities ?? {})
        .filter(([, v]) => v?.requested)
        .map(([k]) => k);
      const account = accountObject(
        {
          type: accountType(p.type, p.controller),
          controller: ctrl,
          country: p.country,
          email: p.email,
          business_type: p.business_type,
          business_profile: p.business_profile,
          metadata: mergeMetadata({}, p.metadata),
          default_currency: p.default_currency,
          capabilities: caps,
        },
        ctx.app.clock.now(),
      );
      return ctx.app.store.insert("account", null, account, {}).obj;
    },
  ),
  route("GET", "/v1/accounts", { ...listParams, created: range() }, (ctx, p) => {
    requirePlatform(ctx, "Listing accounts");
    return listRecs(ctx, "account", p, "/v1/accounts");
  }),
  route("GET", "/v1/account", {}, (ctx) =>
    ctx.scope ? ctx.app.store.need("account", ctx.scope, null).obj : platformAccount(ctx),
  ),
  route("GET", "/v1/accounts/:id", {}, (ctx, _p, { id }) => {
    if (ctx.scope && ctx.scope !== id) throw noSuch("account", id);
    return ctx.app.store.need("account", id, null, "account").obj;
  }),
  route("POST", "/v1/accounts/:id", common, (ctx, p, { id }) => {
    if (ctx.scope && ctx.scope !== id) throw noSuch("account", id);
    const rec = ctx.app.store.need("account", id, null, "account");
    const before = structuredClone(rec.obj);
    const a = rec.obj;
    if (p.email !== undefined) a.email = p.email;
    if (p.business_type !== undefined) a.business_type = p.business_type;
    if (p.default_currency) a.default_currency = p.default_currency;
    applyProfile(a, p.business_profile);
    if (p.metadata !== undefined) a.metadata = mergeMetadata(a.metadata, p.metadata);
    for (const [k, v] of Object.entries(p.capabilities ?? {})) {
      if (v?.requested && a.capabilities && !(k in a.capabilities))
        Object.assign(a.capabilities, { [k]: a.charges_enabled ? "active" : "inactive" });
    }
    accountUpdated(ctx, a, before);
    return a;
  }),
  route("DELETE", "/v1/accounts/:id", {}, (ctx, _p, { id }) => {
    requirePlatform(ctx, "Deleting accounts");
    ctx.app.store.need("account", id, null, "account");
    ctx.app.store.remove("account", id);
    return deletedAccount(id);
  }),
  route(
    "POST",
    "/v1/account_links",
    {
      account: str().req(),
      type: enm("account_onboarding", "account_update").req(),
      refresh_url: str(),
      return_url: str(),
      collect: enm("currently_due", "eventually_due"),
      collection_options: obj({
        fields: enm("currently_due", "eventually_due"),
        future_requirements: enm("include", "omit"),
      }),
    },
    (ctx, p): Stripe.AccountLink => {
      requirePlatform(ctx, "Creating account links");
      ctx.app.store.need("account", p.account, null, "account");
      if (!p.refresh_url)
        throw invalidRequest("Missing required param: refresh_url.", {
          param: "refresh_url",
          code: "parameter_missing",
        });
      if (!p.return_url)
        throw invalidRequest("Missing required param: return_url.", { param: "return_url", code: "parameter_missing" });
      const now = ctx.app.clock.now();
      const token = `onb_${randomToken(24)}`;
      ctx.app.store.accountLinks[token] = {
        token,
        account: p.account,
        type: p.type,
        refreshUrl: p.refresh_url,
        returnUrl: p.return_url,
        created: now,
        expiresAt: now + 300,
        used: false,
      };
      return { object: "account_link", created: now, expires_at: now + 300, url: ctx.app.url(`/onboard/${token}`) };
    },
  ),
  route("POST", "/v1/accounts/:id/login_links", {}, (ctx, _p, { id }): Stripe.LoginLink => {
    requirePlatform(ctx, "Creating login links");
    const acct = ctx.app.store.need("account", id, null, "account");
    if (acct.obj.type !== "express" && acct.obj.controller?.stripe_dashboard?.type !== "express") {
      throw invalidRequest("Cannot create a login link for an account that is not an Express account.", {
        param: "account",
      });
    }
    if (!acct.obj.details_submitted)
      throw invalidRequest("Cannot create a login link for an account that has not completed onboarding.", {
        param: "account",
      });
    const now = ctx.app.clock.now();
    const token = `ll_${randomToken(24)}`;
    ctx.app.store.loginLinks[token] = { token, account: id, created: now };
    return { object: "login_link", created: now, url: ctx.app.url(`/express/${token}`) };
  }),
];

function platformAccount(ctx: Ctx): Stripe.Account {
  const a = accountObject(
    { type: "standard", email: "platform@vitrine.test", business_profile: { name: "Vitrine" } },
    0,
  );
  return {
    ...a,
    id: ctx.app.store.platformAccountId,
    charges_enabled: true,
    payouts_enabled: true,
    details_submitted: true,
    controller: { type: "account" },
  };
}
