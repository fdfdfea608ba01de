/**
 * The card payment state machine of a PaymentIntent:
 * requires_payment_method → requires_confirmation → (requires_action) → succeeded,
 * with declines returning to requires_payment_method and a last_payment_error.
 */
import type Stripe from "stripe";
import { outcomeFor, type CardOutcome } from "../cards";
import type { Ctx } from "../context";
import { StripeApiError, type ErrorBody } from "../errors";
import { emit } from "../events";
import { render } from "../expand";
import { applicationFeeObject, chargeObject } from "../factories/payments";
import { idOf } from "../ids";
import type { Rec } from "../store";
import { onInvoicePaymentFailed, onInvoicePaymentSucceeded } from "./invoices";
import { openDispute } from "./disputes";
import { attachPaymentMethod, cardNumberOf } from "./payment-methods";

export type AttemptResult =
  | { status: "succeeded" }
  | { status: "requires_action" }
  | { status: "failed"; error: ErrorBody };

export type AttemptOptions = { offSession?: boolean; returnUrl?: string | null; skipAuthentication?: boolean };

const AUTH_FAILURE_MESSAGE =
  "We are unable to authenticate your payment method. Please choose a different payment method and try again.";

/** Runs a confirmation of `pi` with `pm`. Never throws for card outcomes: the result says what happened. */
export function attemptPayment(
  ctx: Ctx,
  pi: Rec<"payment_intent">,
  pm: Rec<"payment_method">,
  opts: AttemptOptions = {},
): AttemptResult {
  pi.obj.payment_method = pm.id;
  pi.obj.last_payment_error = null;
  pi.obj.next_action = null;
  if (opts.returnUrl) pi.x.returnUrl = opts.returnUrl;
  let outcome: CardOutcome = outcomeFor(cardNumberOf(pm));
  if (outcome.kind === "fail_charges")
    outcome = {
      kind: "decline",
      code: "card_declined",
      declineCode: "generic_decline",
      message: "Your card was declined.",
    };
  if (outcome.kind === "authenticate" && !opts.skipAuthentication) {
    if (opts.offSession && !outcome.always) outcome = { kind: "succeed" };
    else if (opts.offSession) {
      outcome = {
        kind: "decline",
        code: "authentication_required",
        declineCode: "authentication_required",
        message: "Your card was declined. This transaction requires authentication.",
      };
    } else {
      requireAction(ctx, pi, opts.returnUrl ?? null);
      return { status: "requires_action" };
    }
  }
  if (outcome.kind === "decline") return decline(ctx, pi, pm, outcome);
  settlePayment(ctx, pi, pm);
  if (outcome.kind === "dispute") {
    const charge = ctx.app.store.get("charge", String(pi.obj.latest_charge), ctx.scope);
    if (charge) openDispute(ctx, charge, "fraudulent");
  }
  return { status: "succeeded" };
}

function requireAction(ctx: Ctx, pi: Rec<"payment_intent">, returnUrl: string | null): void {
  const url = ctx.app.url(`/authenticate/${pi.id}?client_secret=${encodeURIComponent(pi.obj.client_secret ?? "")}`);
  pi.obj.status = "requires_action";
  pi.obj.next_action = returnUrl
    ? { type: "redirect_to_url", redirect_to_url: { return_url: returnUrl, url } }
    : { type: "use_stripe_sdk", use_stripe_sdk: { type: "three_d_secure_redirect", stripe_js: url, source: pi.id } };
  emit(ctx, "payment_intent.requires_action", pi.obj);
}

function decline(
  ctx: Ctx,
  pi: Rec<"payment_intent">,
  pm: Rec<"payment_method">,
  o: Extract<CardOutcome, { kind: "decline" }>,
): AttemptResult {
  const now = ctx.app.clock.now();
  const charge = ctx.app.store.insert(
    "charge",
    ctx.scope,
    chargeObject({ pi: pi.obj, pm: pm.obj, paid: false, failure: o, receiptUrl: null }, now),
    {},
  );
  const error: Stripe.PaymentIntent.LastPaymentError = {
    type: "card_error",
    code: o.code,
    decline_code: o.declineCode,
    message: o.message,
    charge: charge.id,
    doc_url: `https://stripe.com/docs/error-codes/${o.code.replace(/_/g, "-")}`,
    payment_method: structuredClone(pm.obj),
  };
  pi.obj.status = "requires_payment_method";
  pi.obj.payment_method = null;
  pi.obj.latest_charge = charge.id;
  pi.obj.last_payment_error = error;
  emit(ctx, "charge.failed", charge.obj);
  emit(ctx, "payment_intent.payment_failed", pi.obj);
  if (pi.x.invoice) onInvoicePaymentFailed(ctx, pi.x.invoice);
  return {
    status: "failed",
    error: {
      type: "card_error",
      code: o.code,
      decline_code: o.declineCode,
      message: o.message,
      charge: charge.id,
      doc_url: error.doc_url,
      payment_intent: render(ctx.app, ctx.scope, pi.obj),
      payment_method: structuredClone(pm.obj),
    },
  };
}

/** The payment went through (a card approved, a boleto paid): the charge, the fee and the events. */
export function settlePayment(ctx: Ctx, pi: Rec<"payment_intent">, pm: Rec<"payment_method">): void {
  const { app } = ctx;
  const now = app.clock.now();
  const charge = app.store.insert(
    "charge",
    ctx.scope,
    chargeObject({ pi: pi.obj, pm: pm.obj, paid: true, receiptUrl: null }, now),
    {},
  );
  const feeAccount = idOf(pi.obj.transfer_data?.destination) ?? ctx.scope;
  if (pi.obj.application_fee_amount && feeAccount) {
    const fee = app.store.insert(
      "application_fee",
      null,
      applicationFeeObject(charge.obj, feeAccount, "ca_VitrineEmulator", now),
      {},
    );
    charge.obj.application_fee = fee.id;
    emit({ ...ctx, scope: null }, "application_fee.created", fee.obj);
  }
  pi.obj.status = "succeeded";
  pi.obj.amount_received = pi.obj.amount;
  pi.obj.latest_charge = charge.id;
  pi.obj.next_action = null;
  pi.obj.last_payment_error = null;
  const customer = typeof pi.obj.customer === "string" ? pi.obj.customer : null;
  if (pi.obj.setup_future_usage && customer && !pm.obj.customer) attachPaymentMethod(ctx, pm, customer);
  emit(ctx, "charge.succeeded", charge.obj);
  emit(ctx, "payment_intent.succeeded", pi.obj);
  if (pi.x.invoice) onInvoicePaymentSucceeded(ctx, pi.x.invoice, pi);
}

/** The 3-D Secure step (hosted /authenticate page or the Stripe.js stand-in modal) finished. */
export function finishAuthentication(ctx: Ctx, pi: Rec<"payment_intent">, success: boolean): AttemptResult {
  if (pi.obj.status !== "requires_action" || !pi.obj.payment_method) {
    return {
      status: "failed",
      error: {
        type: "invalid_request_error",
        code: "payment_intent_unexpected_state",
        message: `This PaymentIntent is not awaiting authentication (status: ${pi.obj.status}).`,
      },
    };
  }
  const pm = ctx.app.store.need("payment_method", String(pi.obj.payment_method), ctx.scope);
  if (success) return attemptPayment(ctx, pi, pm, { skipAuthentication: true });
  pi.obj.status = "requires_payment_method";
  pi.obj.next_action = null;
  pi.obj.payment_method = null;
  pi.obj.last_payment_error = {
    type: "invalid_request_error",
    code: "payment_intent_authentication_failure",
    doc_url: "https://stripe.com/docs/error-codes/payment-intent-authentication-failure",
    message: AUTH_FAILURE_MESSAGE,
    payment_method: structuredClone(pm.obj),
  };
  emit(ctx, "payment_intent.payment_failed", pi.obj);
  if (pi.x.invoice) onInvoicePaymentFailed(ctx, pi.x.invoice);
  return {
    status: "failed",
    error: {
      type: "invalid_request_error",
      code: "payment_intent_authentication_failure",
      message: AUTH_FAILURE_MESSAGE,
      payment_intent: render(ctx.app, ctx.scope, pi.obj),
    },
  };
}

/** For API callers: a failed attempt is an HTTP 402 (card) or 400 error carrying the PaymentIntent. */
export function throwIfFailed(result: AttemptResult): void {
  if (result.status === "failed")
    throw new StripeApiError(result.error.type === "card_error" ? 402 : 400, result.error);
}
