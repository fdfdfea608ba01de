/** Card PaymentMethods: creation from test numbers/tokens/ids, attach and detach. */
import type Stripe from "stripe";
import {
  brandOf,
  countryOf,
  outcomeFor,
  TEST_PAYMENT_METHODS,
  TEST_TOKENS,
  validateCard,
  type CardInput,
} from "../cards";
import type { Ctx } from "../context";
import { StripeApiError, invalidRequest, noSuch } from "../errors";
import { emit } from "../events";
import { paymentMethodObject, type BillingInput } from "../factories/customer";
import type { Rec } from "../store";

export type CardSource = { number: string; exp_month: number; exp_year: number; cvc?: string } | { token: string };

export function createCardPaymentMethod(
  ctx: Ctx,
  card: CardSource,
  billing: BillingInput = {},
  metadata: Record<string, string> = {},
  param = "card",
): Rec<"payment_method"> {
  const now = ctx.app.clock.now();
  let input: CardInput;
  if ("token" in card) {
    const number = TEST_TOKENS[card.token];
    if (!number) throw noSuch("token", card.token, `${param}[token]`);
    input = { number, exp_month: 12, exp_year: new Date(now * 1000).getUTCFullYear() + 3 };
  } else {
    input = { ...card, number: card.number.replace(/[\s-]/g, "") };
    validateCard(input, now, param);
  }
  const obj = paymentMethodObject(
    {
      brand: brandOf(input.number),
      last4: input.number.slice(-4),
      exp_month: input.exp_month,
      exp_year: input.exp_year < 100 ? 2000 + input.exp_year : input.exp_year,
      funding: input.number === "4000056655665556" ? "debit" : "credit",
      country: countryOf(input.number),
    },
    billing,
    metadata,
    now,
  );
  return ctx.app.store.insert("payment_method", ctx.scope, obj, { card: input.number });
}

/** Resolves `pm_card_visa`-style test ids (a fresh PaymentMethod each time, as on Stripe) and real ids. */
export function resolvePaymentMethod(ctx: Ctx, ref: string, param = "payment_method"): Rec<"payment_method"> {
  const testNumber = TEST_PAYMENT_METHODS[ref];
  if (testNumber) {
    const year = new Date(ctx.app.clock.now() * 1000).getUTCFullYear() + 3;
    return createCardPaymentMethod(ctx, { number: testNumber, exp_month: 12, exp_year: year }, {}, {}, param);
  }
  return ctx.app.store.need("payment_method", ref, ctx.scope, param);
}

export function cardNumberOf(pm: Rec<"payment_method">): string {
  return pm.x.card;
}

/** Attach like Stripe: cards that always decline fail the attach-time check with card_declined. */
export function attachPaymentMethod(ctx: Ctx, pm: Rec<"payment_method">, customerId: string): void {
  const customer = ctx.app.store.need("customer", customerId, ctx.scope, "customer");
  if (pm.obj.customer === customer.id) return;
  if (pm.obj.customer) {
    throw invalidRequest(`The payment method you provided has already been attached to a customer.`, {
      code: "payment_method_unexpected_state",
      param: "payment_method",
    });
  }
  const outcome = outcomeFor(cardNumberOf(pm));
  if (outcome.kind === "decline") {
    throw new StripeApiError(402, {
      type: "card_error",
      code: outcome.code,
      decline_code: outcome.declineCode,
      message: outcome.message,
      param: "",
    });
  }
  pm.obj.customer = customer.id;
  emit(ctx, "payment_method.attached", pm.obj);
}

export function detachPaymentMethod(ctx: Ctx, pm: Rec<"payment_method">): void {
  if (!pm.obj.customer) {
    throw invalidRequest(`The payment method you provided is not attached to a customer so detachment is impossible.`, {
      code: "payment_method_unexpected_state",
    });
  }
  const customer = ctx.app.store.get("customer", String(pm.obj.customer), ctx.scope);
  if (customer && customer.obj.invoice_settings.default_payment_method === pm.id)
    customer.obj.invoice_settings.default_payment_method = null;
  pm.obj.customer = null;
  emit(ctx, "payment_method.detached", pm.obj, { customer: customer?.id ?? null });
}

export function cardSummary(pm: Stripe.PaymentMethod): string {
  return pm.card ? `${pm.card.brand} •••• ${pm.card.last4}` : pm.type;
}
