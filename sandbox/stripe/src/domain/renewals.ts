/**
 * What happens when emulator time passes (`POST /_emulator/clock/advance`): trial reminders and
 * trial ends, renewals with off-session payments, smart-retry style retries of failed invoices,
 * cancellation at period end, and Checkout Session expiry.
 */
import type { EmulatorApp } from "../app";
import { systemCtx, type Ctx } from "../context";
import { emit } from "../events";
import { closeSession } from "../factories/checkout";
import { idOf } from "../ids";
import type { Rec } from "../store";
import { createInvoice, markUncollectible, onInvoicePaymentFailed, payInvoice, RETRY_DAYS } from "./invoices";
import { refreshAllDiscounts } from "./discounts";
import { discountsFor, dropEndedDiscounts } from "./subscription-discounts";
import { cancelSubscription, checkTrialWillEnd, lineFor, periodEnd, productName, setStatus } from "./subscriptions";

export function processTime(app: EmulatorApp): void {
  const now = app.clock.now();
  refreshAllDiscounts(app);
  for (const session of app.store.list(
    "checkout_session",
    "*",
    (s) => s.obj.status === "open" && s.obj.expires_at <= now,
  )) {
    closeSession(session.obj, "expired");
    emit(systemCtx(app, session.scope), "checkout.session.expired", session.obj);
  }
  // Oldest first so that event order follows creation order.
  for (const sub of app.store.list("subscription", "*").reverse()) {
    const ctx = systemCtx(app, sub.scope);
    for (let guard = 0; guard < 240 && advanceSubscription(ctx, sub, now); guard++);
  }
  for (const inv of app.store
    .list(
      "invoice",
      "*",
      (i) => i.obj.status === "open" && !!i.obj.next_payment_attempt && i.obj.next_payment_attempt <= now,
    )
    .reverse()) {
    retryInvoice(systemCtx(app, inv.scope), inv);
  }
}

/** Moves a subscription one step forward if something is due; returns true when it did. */
function advanceSubscription(ctx: Ctx, sub: Rec<"subscription">, now: number): boolean {
  const s = sub.obj;
  if (s.status === "canceled" || s.status === "incomplete_expired") return false;
  if (s.status === "incomplete") {
    if (now >= s.created + 23 * 3600) setStatus(ctx, sub, "incomplete_expired");
    return false;
  }
  checkTrialWillEnd(ctx, sub);
  const item = s.items.data[0];
  if (!item || item.current_period_end > now) return false;
  const boundary = item.current_period_end;
  if (s.cancel_at && s.cancel_at <= boundary) {
    cancelSubscription(ctx, sub, "cancellation_requested", s.cancel_at);
    return false;
  }
  renew(ctx, sub, boundary);
  return true;
}

function renew(ctx: Ctx, sub: Rec<"subscription">, start: number): void {
  const before = structuredClone(sub.obj);
  const s = sub.obj;
  const endingTrial = s.status === "trialing";
  for (const item of s.items.data) {
    item.current_period_start = start;
    item.current_period_end = periodEnd(item.price, start);
  }
  if (endingTrial) s.status = "active";
  dropEndedDiscounts(ctx, sub, start);
  const customer = ctx.app.store.get("customer", String(idOf(s.customer)), sub.scope);
  const lines = s.items.data.map((item) =>
    lineFor(
      ctx,
      s,
      item,
      (item.price.unit_amount ?? 0) * (item.quantity ?? 1),
      `${item.quantity ?? 1} × ${productName(ctx, item.price)}`,
    ),
  );
  for (const p of sub.x.prorations) {
    const item = s.items.data.find((i) => i.price.id === p.price) ?? s.items.data[0];
    lines.push({ ...lineFor(ctx, s, item, p.amount, p.description, true), start: p.start, end: p.end });
  }
  sub.x.prorations = [];
  const changed = Object.fromEntries(
    Object.entries(before).filter(
      ([k]) =>
        k === "status" ||
        k === "items" ||
        k === "latest_invoice" ||
        (k === "discounts" && before.discounts.length !== s.discounts.length),
    ),
  );
  if (!customer) return;
  const inv = createInvoice(ctx, {
    customer,
    subscription: sub,
    lines,
    billingReason: "subscription_cycle",
    periodStart: start,
    periodEnd: s.items.data[0].current_period_end,
    discounts: discountsFor(ctx, sub, start),
  });
  s.latest_invoice = inv.id;
  emit(ctx, "customer.subscription.updated", s, changed);
  const result = payInvoice(ctx, inv, { offSession: true });
  if (result === null) onInvoicePaymentFailed(ctx, inv.id);
}

/** Smart-retry stand-in: retries after 3, 5 and 7 days; after the last failure the invoice is marked
 * uncollectible and the subscription canceled (Stripe's default "cancel the subscription" setting). */
function retryInvoice(ctx: Ctx, inv: Rec<"invoice">): void {
  const result = payInvoice(ctx, inv, { offSession: true });
  if (result === null) onInvoicePaymentFailed(ctx, inv.id);
  if (inv.obj.status !== "open" || inv.obj.attempt_count <= RETRY_DAYS.length) return;
  markUncollectible(ctx, inv);
  const subId = inv.obj.parent?.subscription_details ? idOf(inv.obj.parent.subscription_details.subscription) : null;
  const sub = subId ? ctx.app.store.get("subscription", subId, inv.scope) : undefined;
  if (sub && sub.obj.status !== "canceled") cancelSubscription(ctx, sub, "payment_failed");
}
