/** Connect hosted pages: `/onboard/:token` (account links) and `/express/:token` (Express dashboard stand-in). */
import type { ServerResponse } from "node:http";
import type Stripe from "stripe";
import type { EmulatorApp } from "../app";
import { systemCtx } from "../context";
import { computeBalance } from "../domain/balance";
import { diff, emit } from "../events";
import { markOnboarded, markSubmittedWithRequirementsDue } from "../factories/account";
import { redirect, sendHtml } from "../http";
import { date, esc, merchantHeader, messagePage, money, shell } from "./layout";

function linkState(app: EmulatorApp, token: string) {
  const link = app.store.accountLinks[token];
  if (!link) return { link: null, account: null, usable: false };
  const account = app.store.find("account", link.account);
  const usable = !link.used && app.clock.now() <= link.expiresAt && !!account;
  return { link, account, usable };
}

export function onboardGet(app: EmulatorApp, res: ServerResponse, token: string): void {
  const { link, account, usable } = linkState(app, token);
  if (!link) return sendHtml(res, 404, messagePage("Link not found", "This onboarding link does not exist."));
  if (!usable || !account) return redirect(res, link.refreshUrl);
  const a = account.obj;
  const name = a.business_profile?.name ?? "";
  const due = a.requirements?.currently_due ?? [];
  const body = `<div class="wrap narrow"><div class="card">
${merchantHeader("Vitrine")}
<h1>${link.type === "account_update" ? "Update your account" : "Set up payouts for your store"}</h1>
<p class="sub">Vitrine partners with Stripe for fast, secure payments. Tell us a little about your business to start accepting payments.</p>
<dl class="kv" style="margin:20px 0 24px"><dt>Account</dt><dd data-testid="account-id">${esc(a.id)}</dd><dt>Status</dt><dd>${a.charges_enabled ? "Charges enabled" : `${due.length} requirement${due.length === 1 ? "" : "s"} due`}</dd></dl>
<form method="post" action="/onboard/${esc(token)}" data-busy="Saving…">
<div class="field"><label for="business_name">Business name</label><input type="text" id="business_name" name="business_name" value="${esc(name || "Test Store")}"></div>
<div class="field"><label for="url">Website</label><input type="url" id="url" name="url" value="${esc(a.business_profile?.url ?? "https://example.com")}"></div>
<div class="grid2"><div class="field"><label for="first_name">First name</label><input type="text" id="first_name" name="first_name" value="Jenny"></div>
<div class="field"><label for="last_name">Last name</label><input type="text" id="last_name" name="last_name" value="Rosen"></div></div>
<div class="field"><label for="email">Email</label><input type="email" id="email" name="email" value="${esc(a.email ?? "jenny.rosen@example.com")}"></div>
<div class="field"><label for="bank">Bank account (test)</label><input type="text" id="bank" name="bank" value="000123456789" readonly></div>
<div class="btn-row" style="margin-top:8px"><button class="btn" name="action" value="complete" data-testid="onboard-complete">Complete onboarding</button>
<button class="btn secondary" name="action" value="leave_due" data-testid="onboard-leave-due">Leave requirements due</button></div>
</form>
<p class="muted" style="margin-top:16px">“Leave requirements due” submits the form but leaves identity verification outstanding, so charges stay disabled — like a real account under review.</p>
</div></div>`;
  sendHtml(res, 200, shell("Account onboarding (test)", body));
}

export function onboardPost(app: EmulatorApp, res: ServerResponse, token: string, form: URLSearchParams): void {
  const { link, account, usable } = linkState(app, token);
  if (!link) return sendHtml(res, 404, messagePage("Link not found", "This onboarding link does not exist."));
  if (!usable || !account) return redirect(res, link.refreshUrl);
  link.used = true;
  const a = account.obj;
  const before = structuredClone(a);
  const now = app.clock.now();
  const businessName = (form.get("business_name") ?? "").trim();
  if (a.business_profile) {
    if (businessName) a.business_profile.name = businessName;
    a.business_profile.url = (form.get("url") ?? "").trim() || a.business_profile.url;
    a.business_profile.mcc = a.business_profile.mcc ?? "5734";
  }
  a.email = (form.get("email") ?? "").trim() || a.email;
  a.business_type = a.business_type ?? "individual";
  if (form.get("action") === "leave_due") markSubmittedWithRequirementsDue(a, now);
  else markOnboarded(a, now);
  emit(systemCtx(app, a.id), "account.updated", a, diff(before, a));
  app.persistSoon();
  redirect(res, link.returnUrl);
}

function chargeRows(charges: Stripe.Charge[]): string {
  if (!charges.length) return `<p class="muted">No payments yet.</p>`;
  const rows = charges
    .map(
      (c) =>
        `<tr><td>${date(c.created)}</td><td>${esc(c.description ?? c.billing_details.email ?? c.id)}</td><td><span class="status ${esc(c.refunded ? "void" : c.status)}">${c.refunded ? "refunded" : c.disputed ? "disputed" : esc(c.status)}</span></td><td class="num">${money(c.amount, c.currency)}</td></tr>`,
    )
    .join("");
  return `<table><thead><tr><th>Date</th><th>Description</th><th>Status</th><th class="num">Amount</th></tr></thead><tbody>${rows}</tbody></table>`;
}

export function expressGet(app: EmulatorApp, res: ServerResponse, token: string): void {
  const link = app.store.loginLinks[token];
  const account = link ? app.store.find("account", link.account) : undefined;
  if (!link || !account)
    return sendHtml(res, 404, messagePage("Link not found", "This dashboard link is invalid or has expired."));
  const a = account.obj;
  const balance = computeBalance(app, a.id);
  const charges = app.store
    .list("charge", a.id)
    .slice(0, 10)
    .map((r) => r.obj);
  const tiles = balance.available
    .map((b) => {
      const pending = balance.pending.find((p) => p.currency === b.currency)?.amount ?? 0;
      return `<div class="plan"><div class="muted">Balance</div><div class="amount" data-testid="balance">${money(b.amount + pending, b.currency)}</div><div class="muted">${money(b.amount, b.currency)} available · ${money(pending, b.currency)} pending</div></div>`;
    })
    .join("");
  const body = `<div class="wrap"><div class="card">
${merchantHeader(a.business_profile?.name ?? a.id)}
<h1>Express dashboard</h1>
<p class="sub">${esc(a.email ?? "")} · ${a.payouts_enabled ? "Payouts enabled" : "Payouts disabled"} · ${a.charges_enabled ? "Charges enabled" : "Charges disabled"}</p>
<div class="section grid2">${tiles}<div class="plan"><div class="muted">Payout schedule</div><div style="font-weight:600;margin-top:8px">Daily (2-day rolling)</div></div></div>
<div class="section"><h2>Recent payments</h2>${chargeRows(charges)}</div>
</div></div>`;
  sendHtml(res, 200, shell("Express dashboard (test)", body));
}
