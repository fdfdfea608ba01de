/** Billing portal stand-in: `/portal/:id` lists subscriptions and invoices; cancel, resume, switch price. */
import type { ServerResponse } from "node:http";
import type Stripe from "stripe";
import type { EmulatorApp } from "../app";
import { systemCtx } from "../context";
import { cancelSubscription, productName } from "../domain/subscriptions";
import { updateSubscription } from "../domain/subscription-update";
import { idOf } from "../ids";
import { redirect, sendHtml } from "../http";
import type { Rec } from "../store";
import { date, esc, merchantHeader, messagePage, money, shell } from "./layout";

const FLASH: Record<string, string> = {
  cancel_at_period_end: "Your subscription will be canceled at the end of the billing period.",
  cancel_now: "Your subscription has been canceled.",
  resume: "Your subscription has been renewed.",
  switch: "Your plan has been updated.",
};

function alternatives(app: EmulatorApp, scope: string | null, price: Stripe.Price): Stripe.Price[] {
  return app.store
    .list(
      "price",
      scope,
      (r) =>
        r.obj.active &&
        r.obj.type === "recurring" &&
        idOf(r.obj.product) === idOf(price.product) &&
        r.id !== price.id &&
        r.obj.currency === price.currency,
    )
    .map((r) => r.obj);
}

function priceLabel(p: Stripe.Price): string {
  return `${money(p.unit_amount ?? 0, p.currency)} / ${p.recurring?.interval_count === 1 ? p.recurring.interval : `${p.recurring?.interval_count} ${p.recurring?.interval}s`}`;
}

function subscriptionCard(app: EmulatorApp, session: Rec<"portal_session">, sub: Rec<"subscription">): string {
  const s = sub.obj;
  const item = s.items.data[0];
  const ctx = systemCtx(app, sub.scope);
  const when =
    s.status === "canceled"
      ? `Canceled on ${date(s.ended_at)}`
      : s.cancel_at
        ? `Cancels on ${date(s.cancel_at)}`
        : s.status === "trialing"
          ? `Trial ends ${date(s.trial_end)}`
          : `Renews on ${date(item?.current_period_end)}`;
  const action = (name: string, label: string, cls = "secondary", extra = "") =>
    `<form method="post" action="/portal/${esc(session.id)}" style="display:inline"><input type="hidden" name="subscription" value="${esc(s.id)}"><button class="btn small ${cls}" name="action" value="${name}" data-testid="portal-${name}" ${extra}>${esc(label)}</button></form>`;
  const actions: string[] = [];
  if (s.status !== "canceled") {
    if (s.cancel_at_period_end) actions.push(action("resume", "Don't cancel", ""));
    else actions.push(action("cancel_at_period_end", "Cancel at period end", "danger"));
    actions.push(action("cancel_now", "Cancel now", "danger"));
  }
  const options = item && s.status !== "canceled" ? alternatives(app, sub.scope, item.price) : [];
  const switcher = options.length
    ? `<form method="post" action="/portal/${esc(session.id)}" class="inline" style="margin-top:12px"><input type="hidden" name="subscription" value="${esc(s.id)}"><input type="hidden" name="action" value="switch">
<select name="price" aria-label="New plan" data-testid="portal-price">${options.map((p) => `<option value="${esc(p.id)}">${esc(p.nickname ?? productName(ctx, p))} — ${esc(priceLabel(p))}</option>`).join("")}</select>
<button class="btn small" data-testid="portal-switch">Update plan</button></form>`
    : "";
  return `<div class="plan" data-testid="portal-subscription">
<div class="plan-head"><div><div class="plan-name">${esc(item ? productName(ctx, item.price) : s.id)}</div><div class="muted">${item ? esc(priceLabel(item.price)) : ""}</div></div><span class="status ${esc(s.status)}" data-testid="portal-status">${esc(s.status.replace(/_/g, " "))}</span></div>
<div class="muted" data-testid="portal-when" style="margin-bottom:12px">${esc(when)}</div>
<div class="inline">${actions.join("")}</div>${switcher}</div>`;
}

export function portalGet(app: EmulatorApp, res: ServerResponse, session: Rec<"portal_session">, url: URL): void {
  const customer = app.store.get("customer", session.obj.customer, session.scope);
  if (!customer)
    return sendHtml(res, 404, messagePage("Customer not found", "This billing portal session is no longer valid."));
  const subs = app.store.list(
    "subscription",
    session.scope,
    (r) => idOf(r.obj.customer) === customer.id && r.obj.status !== "incomplete_expired",
  );
  const invoices = app.store
    .list("invoice", session.scope, (r) => idOf(r.obj.customer) === customer.id && r.obj.status !== "draft")
    .slice(0, 12);
  const pmId = idOf(customer.obj.invoice_settings.default_payment_method);
  const pm = pmId ? app.store.get("payment_method", pmId, session.scope)?.obj : undefined;
  const merchant = session.scope
    ? (app.store.find("account", session.scope)?.obj.business_profile?.name ?? "Vitrine seller")
    : "Vitrine";
  const flash = FLASH[url.searchParams.get("done") ?? ""];
  const invoiceRows = invoices
    .map(
      (r) =>
        `<tr><td>${date(r.obj.created)}</td><td><a href="${esc(r.obj.hosted_invoice_url ?? "#")}">${esc(r.obj.number ?? r.id)}</a></td><td><span class="status ${esc(r.obj.status)}">${esc(r.obj.status)}</span></td><td class="num">${money(r.obj.total, r.obj.currency)}</td></tr>`,
    )
    .join("");
  const body = `<div class="wrap" style="max-width:760px"><div class="card">
${session.obj.return_url ? `<a class="back" href="${esc(session.obj.return_url)}" data-testid="portal-return">← Return to ${esc(merchant)}</a>` : ""}
${merchantHeader(merchant)}
<h1>Billing</h1><p class="sub">${esc(customer.obj.email ?? customer.obj.name ?? customer.id)}</p>
${flash ? `<div class="success" style="margin-top:16px" data-testid="portal-flash">${esc(flash)}</div>` : ""}
<div class="section"><h2>Subscriptions</h2>${subs.length ? subs.map((s) => subscriptionCard(app, session, s)).join("") : `<p class="muted">No subscriptions.</p>`}</div>
<div class="section"><h2>Payment method</h2><p>${pm?.card ? `${esc(pm.card.brand.toUpperCase())} •••• ${esc(pm.card.last4)} <span class="muted">· expires ${pm.card.exp_month}/${pm.card.exp_year}</span>` : `<span class="muted">No default payment method.</span>`}</p></div>
<div class="section"><h2>Invoice history</h2>${invoiceRows ? `<table><thead><tr><th>Date</th><th>Invoice</th><th>Status</th><th class="num">Amount</th></tr></thead><tbody>${invoiceRows}</tbody></table>` : `<p class="muted">No invoices yet.</p>`}</div>
</div></div>`;
  sendHtml(res, 200, shell("Billing portal (test)", body));
}

export function portalPost(
  app: EmulatorApp,
  res: ServerResponse,
  session: Rec<"portal_session">,
  form: URLSearchParams,
): void {
  const sub = app.store.get("subscription", form.get("subscription") ?? "", session.scope);
  if (!sub || idOf(sub.obj.customer) !== session.obj.customer)
    return sendHtml(res, 404, messagePage("Subscription not found", "This subscription does not belong to you."));
  const ctx = systemCtx(app, session.scope);
  const action = form.get("action") ?? "";
  if (action === "cancel_at_period_end") updateSubscription(ctx, sub, { cancelAtPeriodEnd: true });
  else if (action === "resume") updateSubscription(ctx, sub, { cancelAtPeriodEnd: false });
  else if (action === "cancel_now") cancelSubscription(ctx, sub);
  else if (action === "switch") {
    const price = app.store.get("price", form.get("price") ?? "", session.scope);
    if (!price) return sendHtml(res, 400, messagePage("Unknown plan", "Pick one of the listed plans."));
    updateSubscription(ctx, sub, {
      items: [{ id: sub.obj.items.data[0].id, price }],
      prorationBehavior: "create_prorations",
    });
  } else return sendHtml(res, 400, messagePage("Unknown action", "Nothing was changed."));
  app.persistSoon();
  redirect(res, `/portal/${session.id}?done=${encodeURIComponent(action)}`);
}
