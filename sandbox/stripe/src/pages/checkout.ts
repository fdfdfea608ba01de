/** Hosted Checkout: `/checkout/:id` (summary + card form), its 3-D Secure step and completion redirect. */
import type { ServerResponse } from "node:http";
import type Stripe from "stripe";
import type { EmulatorApp } from "../app";
import { systemCtx } from "../context";
import { completeCheckout, finishCheckoutAuthentication } from "../domain/checkout";
import { applyPromotionCode, removePromotionCode } from "../domain/checkout-discounts";
import { redirect, sendHtml } from "../http";
import { idOf } from "../ids";
import type { Rec } from "../store";
import { authenticationCard } from "./authenticate";
import { CARD_SCRIPT, cardFields, parseCardForm } from "./card-form";
import { esc, merchantHeader, messagePage, money, shell } from "./layout";

function merchantName(app: EmulatorApp, session: Rec<"checkout_session">): string {
  if (!session.scope) return "Vitrine";
  return app.store.find("account", session.scope)?.obj.business_profile?.name ?? "Vitrine seller";
}

function intervalText(price: Stripe.Price): string {
  const r = price.recurring;
  if (!r) return "";
  return r.interval_count === 1 ? `per ${r.interval}` : `every ${r.interval_count} ${r.interval}s`;
}

/** "25% off", "$5.00 off" — and for how long, on a subscription. */
function couponLabel(coupon: Stripe.Coupon, currency: string, subscription: boolean): string {
  const off =
    coupon.percent_off !== null
      ? `${coupon.percent_off}% off`
      : `${money(coupon.currency === currency ? (coupon.amount_off ?? 0) : (coupon.currency_options?.[currency]?.amount_off ?? 0), currency)} off`;
  if (!subscription || coupon.duration === "forever") return off;
  if (coupon.duration === "once") return `${off} the first payment`;
  const months = coupon.duration_in_months ?? 1;
  return `${off} for ${months} month${months === 1 ? "" : "s"}`;
}

/** The discount row under the items: the code or coupon name, what it takes off, and the amount. */
function discountRow(app: EmulatorApp, s: Rec<"checkout_session">): string {
  const o = s.obj;
  const d = o.discounts?.[0];
  const amount = o.total_details?.amount_discount ?? 0;
  if (!d) return "";
  const promo = idOf(d.promotion_code)
    ? app.store.get("promotion_code", String(idOf(d.promotion_code)), s.scope)
    : undefined;
  const couponId = promo ? idOf(promo.obj.promotion.coupon) : idOf(d.coupon);
  const coupon = couponId ? app.store.get("coupon", couponId, s.scope) : undefined;
  const currency = o.currency ?? "usd";
  const title = promo?.obj.code ?? coupon?.obj.name ?? couponId ?? "Discount";
  const label = coupon ? couponLabel(coupon.obj, currency, o.mode === "subscription") : "";
  return `<div class="line"><span>Subtotal</span><span data-testid="subtotal">${money(o.amount_subtotal ?? 0, currency)}</span></div>
<div class="line discount" data-testid="discount"><span><span class="code">${esc(title)}</span>${label ? ` <span class="muted">${esc(label)}</span>` : ""}</span><span data-testid="discount-amount">−${money(amount, currency)}</span></div>`;
}

/** The promotion code field (allow_promotion_codes): apply a code, or remove the applied one. */
function promotionCodeForm(
  app: EmulatorApp,
  s: Rec<"checkout_session">,
  typed?: { code: string; error: string },
): string {
  if (!s.obj.allow_promotion_codes) return "";
  const action = `/checkout/${esc(s.id)}/promotion_code`;
  const applied = idOf(s.obj.discounts?.[0]?.promotion_code ?? null);
  if (applied) {
    const code = app.store.get("promotion_code", applied, s.scope)?.obj.code ?? applied;
    return `<form method="post" action="${action}" class="promo inline"><input type="hidden" name="remove" value="1"><span class="muted">Code <b data-testid="promo-applied">${esc(code)}</b> applied</span><button class="btn small secondary" type="submit" data-testid="remove-promo">Remove</button></form>`;
  }
  return `<form method="post" action="${action}" class="promo" data-testid="promo-form">
<label for="promotion_code">Promotion code</label>
<div class="inline"><input type="text" id="promotion_code" name="promotion_code" autocomplete="off" placeholder="Add promotion code" value="${esc(typed?.code ?? "")}" style="flex:1;width:auto"><button class="btn small secondary" type="submit" data-testid="apply-promo">Apply</button></div>
${typed ? `<div class="error" role="alert" data-testid="promo-error" style="margin:8px 0 0">${esc(typed.error)}</div>` : ""}
</form>`;
}

function summary(app: EmulatorApp, s: Rec<"checkout_session">, promo?: { code: string; error: string }): string {
  const o = s.obj;
  const currency = o.currency ?? "usd";
  const items = s.x.lineItems;
  const trial = s.x.subscriptionData.trial_period_days;
  const first = items[0]?.price;
  let headline: string;
  let sub = "";
  if (o.mode === "subscription" && first) {
    headline = trial ? `${trial} days free` : money(o.amount_total ?? 0, currency);
    sub = trial ? `Then ${money(o.amount_total ?? 0, currency)} ${intervalText(first)}` : intervalText(first);
  } else {
    headline = money(o.amount_total ?? 0, currency);
  }
  const rows = items
    .map((li) => {
      const unit = li.price?.unit_amount ?? 0;
      const each =
        (li.quantity ?? 1) > 1
          ? `<div class="qty">Qty ${li.quantity} · ${money(unit, currency)} each</div>`
          : li.price?.recurring
            ? `<div class="qty">Billed ${intervalText(li.price)}</div>`
            : "";
      return `<li><div><div class="name">${esc(li.description)}</div>${each}</div><div>${money(li.amount_subtotal, currency)}</div></li>`;
    })
    .join("");
  const back = o.cancel_url ? `<a class="back" href="${esc(o.cancel_url)}" data-testid="cancel-link">← Back</a>` : "";
  return `${back}${merchantHeader(merchantName(app, s))}
<p class="eyebrow">${o.mode === "subscription" ? `Subscribe to ${esc(items[0]?.description ?? "")}` : `Pay ${esc(merchantName(app, s))}`}</p>
<div class="amount" data-testid="amount">${esc(headline)}</div>${sub ? `<p class="sub">${esc(sub)}</p>` : ""}
<ul class="items">${rows}</ul>
${discountRow(app, s)}
${promotionCodeForm(app, s, promo)}
<div class="total"><span>${trial ? "Total due today" : "Total"}</span><span>${money(trial ? 0 : (o.amount_total ?? 0), currency)}</span></div>`;
}

function payLabel(s: Rec<"checkout_session">): string {
  if (s.obj.mode === "subscription") return s.x.subscriptionData.trial_period_days ? "Start trial" : "Subscribe";
  return `Pay ${money(s.obj.amount_total ?? 0, s.obj.currency ?? "usd")}`;
}

export function renderCheckout(
  app: EmulatorApp,
  s: Rec<"checkout_session">,
  opts: { error?: string; email?: string; name?: string; promo?: { code: string; error: string } } = {},
): string {
  const email = opts.email ?? s.obj.customer_details?.email ?? s.obj.customer_email ?? "";
  const lockedEmail = !!s.obj.customer_email;
  const form = `<form method="post" action="/checkout/${esc(s.id)}" data-busy="Processing…" novalidate>
<h2>${s.obj.mode === "subscription" ? "Payment details" : "Pay with card"}</h2>
${opts.error ? `<div class="error" role="alert" data-testid="checkout-error">${esc(opts.error)}</div>` : ""}
<div class="field"><label for="email">Email</label><input type="email" id="email" name="email" autocomplete="email" placeholder="you@example.com" value="${esc(email)}" ${lockedEmail ? "readonly" : ""} required></div>
${cardFields({ name: opts.name })}
<div style="margin-top:22px"><button class="btn" type="submit" data-testid="pay">${esc(payLabel(s))}</button></div>
</form>`;
  return shell(
    `Checkout — ${merchantName(app, s)}`,
    `<div class="wrap"><div class="split"><div class="summary">${summary(app, s, opts.promo)}</div><div class="pay">${form}</div></div></div>`,
    { script: CARD_SCRIPT },
  );
}

function successTarget(s: Rec<"checkout_session">): string | null {
  return s.obj.success_url ? s.obj.success_url.replace(/\{CHECKOUT_SESSION_ID\}/g, s.id) : null;
}

function finished(app: EmulatorApp, res: ServerResponse, s: Rec<"checkout_session">): void {
  const target = successTarget(s);
  if (target) return redirect(res, target);
  sendHtml(
    res,
    200,
    messagePage(
      "Payment complete",
      `Thanks! Your ${s.obj.mode === "subscription" ? "subscription is active" : "payment went through"}.`,
      { kind: "ok" },
    ),
  );
}

export function checkoutGet(app: EmulatorApp, res: ServerResponse, s: Rec<"checkout_session">): void {
  if (s.obj.status === "complete") {
    const target = successTarget(s);
    return sendHtml(
      res,
      200,
      messagePage(
        "This payment is already complete",
        "This checkout session has been paid. There is nothing more to do here.",
        { kind: "ok", link: target ? { href: target, label: "Continue" } : undefined },
      ),
    );
  }
  if (s.obj.status === "expired") {
    return sendHtml(
      res,
      410,
      messagePage(
        "This checkout session has expired",
        "The link you followed is no longer valid. Go back to the store and start checkout again.",
        { link: s.obj.cancel_url ? { href: s.obj.cancel_url, label: "Back to the store" } : undefined },
      ),
    );
  }
  sendHtml(res, 200, renderCheckout(app, s));
}

export function checkoutPost(
  app: EmulatorApp,
  res: ServerResponse,
  s: Rec<"checkout_session">,
  form: URLSearchParams,
): void {
  if (s.obj.status !== "open") return checkoutGet(app, res, s);
  const email = (form.get("email") ?? "").trim() || s.obj.customer_email || "";
  const name = (form.get("name") ?? "").trim();
  const again = (error: string) => sendHtml(res, 402, renderCheckout(app, s, { error, email, name }));
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) return again("Your email address is incomplete.");
  const card = parseCardForm(form);
  if (typeof card === "string") return again(card);
  const result = completeCheckout(systemCtx(app, s.scope), s, card, { email, name: name || null });
  if (result.status === "complete") return finished(app, res, s);
  if (result.status === "requires_action")
    return redirect(res, `/checkout/${s.id}/authenticate?payment_intent=${result.paymentIntent}`);
  s.x.lastError = result.message;
  again(result.message);
}

/** POST /checkout/:id/promotion_code — apply a code (`promotion_code`) or remove it (`remove=1`). */
export function checkoutPromotionCodePost(
  app: EmulatorApp,
  res: ServerResponse,
  s: Rec<"checkout_session">,
  form: URLSearchParams,
): void {
  if (s.obj.status !== "open") return checkoutGet(app, res, s);
  if (form.get("remove")) {
    removePromotionCode(s);
    return redirect(res, `/checkout/${s.id}`);
  }
  const code = form.get("promotion_code") ?? "";
  const result = applyPromotionCode(systemCtx(app, s.scope), s, code);
  if (result.ok) return redirect(res, `/checkout/${s.id}`);
  sendHtml(res, 400, renderCheckout(app, s, { promo: { code, error: result.message } }));
}

export function checkoutAuthGet(app: EmulatorApp, res: ServerResponse, s: Rec<"checkout_session">, piId: string): void {
  const pi = app.store.get("payment_intent", piId, s.scope);
  if (!pi || pi.obj.status !== "requires_action") return redirect(res, `/checkout/${s.id}`);
  const body = authenticationCard({
    amount: money(pi.obj.amount, pi.obj.currency),
    merchant: merchantName(app, s),
    action: `/checkout/${s.id}/authenticate?payment_intent=${pi.id}`,
  });
  sendHtml(res, 200, shell("3-D Secure authentication (test)", `<div class="wrap narrow">${body}</div>`));
}

export function checkoutAuthPost(
  app: EmulatorApp,
  res: ServerResponse,
  s: Rec<"checkout_session">,
  piId: string,
  form: URLSearchParams,
): void {
  const pi = app.store.get("payment_intent", piId, s.scope);
  if (!pi) return redirect(res, `/checkout/${s.id}`);
  const result = finishCheckoutAuthentication(systemCtx(app, s.scope), s, pi, form.get("result") === "complete");
  if (result.status === "complete") return finished(app, res, s);
  if (result.status === "requires_action")
    return redirect(res, `/checkout/${s.id}/authenticate?payment_intent=${pi.id}`);
  sendHtml(res, 402, renderCheckout(app, s, { error: result.message, email: s.obj.customer_details?.email ?? "" }));
}
