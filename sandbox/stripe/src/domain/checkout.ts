/**
 * Completing a Checkout Session from the hosted page (or the headless control): payment mode
 * creates and confirms a PaymentIntent; subscription mode creates the customer, attaches the card
 * and starts the subscription (trial honoured). Then checkout.session.completed.
 */
import type Stripe from "stripe";
import type { Ctx } from "../context";
import { StripeApiError } from "../errors";
import { emit } from "../events";
import { outcomeFor } from "../cards";
import { customerObject } from "../factories/customer";
import { closeSession } from "../factories/checkout";
import { paymentIntentObject } from "../factories/payments";
import { idOf } from "../ids";
import type { Rec } from "../store";
import { attachPaymentMethod, cardNumberOf, createCardPaymentMethod, type CardSource } from "./payment-methods";
import { redeemSessionDiscount, sessionDiscountProblem, sessionDiscountRequest } from "./checkout-discounts";
import { attemptPayment, finishAuthentication } from "./payments";
import { releaseDiscounts } from "./subscription-discounts";
import { createSubscription } from "./subscriptions";

export type CheckoutDetails = { email: string; name?: string | null };
export type CheckoutResult =
  | { status: "complete" }
  | { status: "requires_action"; paymentIntent: string }
  | { status: "failed"; message: string };

function ensureCustomer(
  ctx: Ctx,
  session: Rec<"checkout_session">,
  details: CheckoutDetails,
  always: boolean,
): Rec<"customer"> | null {
  const existing = idOf(session.obj.customer);
  if (existing) return ctx.app.store.need("customer", existing, session.scope);
  if (!always) return null;
  const customer = ctx.app.store.insert(
    "customer",
    session.scope,
    customerObject({ email: details.email, name: details.name ?? null }, ctx.app.clock.now()),
    {},
  );
  emit(ctx, "customer.created", customer.obj);
  session.obj.customer = customer.id;
  return customer;
}

export function completeCheckout(
  ctx: Ctx,
  session: Rec<"checkout_session">,
  card: CardSource,
  details: CheckoutDetails,
): CheckoutResult {
  if (session.obj.status !== "open")
    return { status: "failed", message: `This Checkout Session is ${session.obj.status}.` };
  // A coupon may have expired or run out of redemptions since the session was created.
  const discountProblem = sessionDiscountProblem(ctx, session);
  if (discountProblem) return { status: "failed", message: discountProblem };
  session.obj.customer_details = {
    address: null,
    business_name: null,
    email: details.email,
    individual_name: null,
    name: details.name ?? null,
    phone: null,
    tax_exempt: "none",
    tax_ids: [],
  };
  let pm: Rec<"payment_method">;
  try {
    pm = createCardPaymentMethod(ctx, card, { name: details.name ?? null, email: details.email });
  } catch (err) {
    if (err instanceof StripeApiError) return { status: "failed", message: err.body.message };
    throw err;
  }
  return session.obj.mode === "subscription"
    ? completeSubscription(ctx, session, pm, details)
    : completePayment(ctx, session, pm, details);
}

function completePayment(
  ctx: Ctx,
  session: Rec<"checkout_session">,
  pm: Rec<"payment_method">,
  details: CheckoutDetails,
): CheckoutResult {
  const { app } = ctx;
  const data = session.x.paymentIntentData;
  const customer = ensureCustomer(
    ctx,
    session,
    details,
    session.obj.customer_creation === "always" || !!data.setup_future_usage,
  );
  if (session.obj.amount_total === 0) {
    // Fully discounted: nothing to charge, as Stripe does with a 100% off coupon.
    markComplete(ctx, session, "no_payment_required");
    return { status: "complete" };
  }
  let pi = session.obj.payment_intent
    ? app.store.get("payment_intent", String(idOf(session.obj.payment_intent)), session.scope)
    : undefined;
  if (!pi) {
    pi = app.store.insert(
      "payment_intent",
      session.scope,
      paymentIntentObject(
        {
          amount: session.obj.amount_total ?? 0,
          currency: session.obj.currency ?? "usd",
          customer: customer?.id ?? null,
          description: data.description ?? null,
          metadata: data.metadata ?? {},
          application_fee_amount: data.application_fee_amount ?? null,
          transfer_data: data.transfer_data ?? null,
          setup_future_usage: data.setup_future_usage ?? null,
          receipt_email: data.receipt_email ?? null,
          statement_descriptor: data.statement_descriptor ?? null,
        },
        app.clock.now(),
      ),
      { checkoutSession: session.id },
    );
    session.obj.payment_intent = pi.id;
    emit(ctx, "payment_intent.created", pi.obj);
  }
  const result = attemptPayment(ctx, pi, pm, { returnUrl: app.url(`/checkout/${session.id}/authenticated`) });
  if (result.status === "requires_action") return { status: "requires_action", paymentIntent: pi.id };
  if (result.status === "failed") return { status: "failed", message: result.error.message };
  markComplete(ctx, session, "paid");
  return { status: "complete" };
}

function completeSubscription(
  ctx: Ctx,
  session: Rec<"checkout_session">,
  pm: Rec<"payment_method">,
  details: CheckoutDetails,
): CheckoutResult {
  const { app } = ctx;
  const data = session.x.subscriptionData;
  const trialDays = data.trial_period_days;
  if (!trialDays && outcomeFor(cardNumberOf(pm)).kind === "fail_charges")
    return { status: "failed", message: "Your card was declined." };
  const customer = ensureCustomer(ctx, session, details, true)!;
  try {
    attachPaymentMethod(ctx, pm, customer.id);
  } catch (err) {
    if (err instanceof StripeApiError) return { status: "failed", message: err.body.message };
    throw err;
  }
  const discount = sessionDiscountRequest(session.obj);
  let sub: Rec<"subscription">;
  try {
    sub = createSubscription(ctx, customer, {
      customer: customer.id,
      currency: session.obj.currency ?? "usd",
      metadata: data.metadata ?? {},
      description: data.description ?? null,
      default_payment_method: pm.id,
      application_fee_percent: data.application_fee_percent ?? null,
      items: session.x.lineItems.map((li) => ({
        price: app.store.need("price", li.price!.id, session.scope),
        quantity: li.quantity ?? 1,
      })),
      trialEnd: trialDays ? app.clock.now() + trialDays * 86400 : null,
      paymentBehavior: "allow_incomplete",
      cancelAtPeriodEnd: false,
      saveDefaultPaymentMethod: false,
      discounts: discount ? [discount] : [],
    });
  } catch (err) {
    if (err instanceof StripeApiError) return { status: "failed", message: err.body.message };
    throw err;
  }
  session.obj.subscription = sub.id;
  session.obj.invoice = idOf(sub.obj.latest_invoice);
  if (sub.obj.status === "trialing") {
    markComplete(ctx, session, "no_payment_required");
    return { status: "complete" };
  }
  const inv = app.store.need("invoice", String(idOf(sub.obj.latest_invoice)), session.scope);
  const pi = inv.x.paymentIntent ? app.store.get("payment_intent", inv.x.paymentIntent, session.scope) : undefined;
  if (sub.obj.status === "active") {
    markComplete(ctx, session, "paid");
    return { status: "complete" };
  }
  if (pi?.obj.status === "requires_action") {
    pi.x.checkoutSession = session.id;
    return { status: "requires_action", paymentIntent: pi.id };
  }
  // The incomplete subscription stays behind (and expires after 23h), as on Stripe; its coupon
  // redemption is given back so that paying on the next attempt counts once.
  releaseDiscounts(ctx, sub, { remove: false });
  session.obj.subscription = null;
  session.obj.invoice = null;
  return { status: "failed", message: pi?.obj.last_payment_error?.message ?? "Your card was declined." };
}

/** After the 3-D Secure step of a Checkout payment. */
export function finishCheckoutAuthentication(
  ctx: Ctx,
  session: Rec<"checkout_session">,
  pi: Rec<"payment_intent">,
  success: boolean,
): CheckoutResult {
  const result = finishAuthentication(ctx, pi, success);
  if (result.status === "failed") {
    const subId = idOf(session.obj.subscription);
    const sub = subId ? ctx.app.store.get("subscription", subId, session.scope) : undefined;
    if (sub) releaseDiscounts(ctx, sub, { remove: false });
    return { status: "failed", message: result.error.message };
  }
  if (result.status === "requires_action") return { status: "requires_action", paymentIntent: pi.id };
  markComplete(ctx, session, "paid");
  return { status: "complete" };
}

function markComplete(
  ctx: Ctx,
  session: Rec<"checkout_session">,
  paymentStatus: Stripe.Checkout.Session.PaymentStatus,
): void {
  // In subscription mode the subscription's creation has counted the redemption.
  if (session.obj.mode === "payment") redeemSessionDiscount(ctx, session);
  session.obj.payment_status = paymentStatus;
  closeSession(session.obj, "complete");
  session.x.lastError = undefined;
  emit(ctx, "checkout.session.completed", session.obj);
}
