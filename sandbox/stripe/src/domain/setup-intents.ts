/** SetupIntent confirmation: saves a card for later (attach + setup_intent.succeeded). */
import type Stripe from "stripe";
import { outcomeFor } from "../cards";
import type { Ctx } from "../context";
import type { ErrorBody } from "../errors";
import { emit } from "../events";
import { render } from "../expand";
import { idOf } from "../ids";
import type { Rec } from "../store";
import { attachPaymentMethod, cardNumberOf } from "./payment-methods";

export type SetupResult =
  | { status: "succeeded" }
  | { status: "requires_action" }
  | { status: "failed"; error: ErrorBody };

export function attemptSetup(
  ctx: Ctx,
  si: Rec<"setup_intent">,
  pm: Rec<"payment_method">,
  opts: { returnUrl?: string | null; skipAuthentication?: boolean } = {},
): SetupResult {
  si.obj.payment_method = pm.id;
  si.obj.last_setup_error = null;
  si.obj.next_action = null;
  const outcome = outcomeFor(cardNumberOf(pm));
  if (outcome.kind === "decline") {
    const error: Stripe.SetupIntent.LastSetupError = {
      type: "card_error",
      code: outcome.code,
      decline_code: outcome.declineCode,
      message: outcome.message,
      doc_url: `https://stripe.com/docs/error-codes/${outcome.code.replace(/_/g, "-")}`,
      payment_method: structuredClone(pm.obj),
    };
    si.obj.status = "requires_payment_method";
    si.obj.payment_method = null;
    si.obj.last_setup_error = error;
    emit(ctx, "setup_intent.setup_failed", si.obj);
    return {
      status: "failed",
      error: {
        type: "card_error",
        code: outcome.code,
        decline_code: outcome.declineCode,
        message: outcome.message,
        setup_intent: render(ctx.app, ctx.scope, si.obj),
      },
    };
  }
  if (outcome.kind === "authenticate" && !opts.skipAuthentication) {
    const url = ctx.app.url(`/authenticate/${si.id}?client_secret=${encodeURIComponent(si.obj.client_secret ?? "")}`);
    si.obj.status = "requires_action";
    si.obj.next_action = opts.returnUrl
      ? { type: "redirect_to_url", redirect_to_url: { return_url: opts.returnUrl, url } }
      : { type: "use_stripe_sdk", use_stripe_sdk: { type: "three_d_secure_redirect", stripe_js: url, source: si.id } };
    emit(ctx, "setup_intent.requires_action", si.obj);
    return { status: "requires_action" };
  }
  si.obj.status = "succeeded";
  const customer = idOf(si.obj.customer);
  if (customer && !pm.obj.customer) attachPaymentMethod(ctx, pm, customer);
  emit(ctx, "setup_intent.succeeded", si.obj);
  return { status: "succeeded" };
}

export function finishSetupAuthentication(ctx: Ctx, si: Rec<"setup_intent">, success: boolean): SetupResult {
  const pmId = idOf(si.obj.payment_method);
  if (si.obj.status !== "requires_action" || !pmId) {
    return {
      status: "failed",
      error: {
        type: "invalid_request_error",
        code: "setup_intent_unexpected_state",
        message: `This SetupIntent is not awaiting authentication (status: ${si.obj.status}).`,
      },
    };
  }
  const pm = ctx.app.store.need("payment_method", pmId, ctx.scope);
  if (success) return attemptSetup(ctx, si, pm, { skipAuthentication: true });
  const message =
    "We are unable to authenticate your payment method. Please choose a different payment method and try again.";
  si.obj.status = "requires_payment_method";
  si.obj.next_action = null;
  si.obj.payment_method = null;
  si.obj.last_setup_error = {
    type: "invalid_request_error",
    code: "setup_intent_authentication_failure",
    message,
    payment_method: structuredClone(pm.obj),
  };
  emit(ctx, "setup_intent.setup_failed", si.obj);
  return {
    status: "failed",
    error: {
      type: "invalid_request_error",
      code: "setup_intent_authentication_failure",
      message,
      setup_intent: render(ctx.app, ctx.scope, si.obj),
    },
  };
}
