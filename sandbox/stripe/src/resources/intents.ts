/** PaymentIntents and SetupIntents (the publishable-key endpoints Stripe.js uses take a client_secret). */
import type Stripe from "stripe";
import type { Ctx } from "../context";
import { StripeApiError, invalidRequest } from "../errors";
import { emit } from "../events";
import { paymentIntentObject, setupIntentObject } from "../factories/payments";
import {
  arr,
  bool,
  enm,
  int,
  listParams,
  meta,
  mergeMetadata,
  nullableStr,
  obj,
  range,
  str,
  type Infer,
} from "../params";
import { route } from "../router";
import { createCardPaymentMethod, resolvePaymentMethod } from "../domain/payment-methods";
import { attemptPayment, throwIfFailed } from "../domain/payments";
import { createBoletoPaymentMethod, issueBoleto } from "../domain/boleto";
import { selectPlan, setInstallments } from "../domain/installments";
import { attemptSetup } from "../domain/setup-intents";
import type { Rec } from "../store";
import { checkClientSecret, listRecs } from "./common";
import { billingShape, cardShape, cardSource } from "./customers";

const MINIMUM_AMOUNT = 50;
const pmDataShape = {
  type: enm("card", "boleto").req(),
  card: cardShape,
  boleto: obj({ tax_id: str() }),
  billing_details: billingShape,
  metadata: meta(),
};
const pmData = obj(pmDataShape);
const offSession = str();
const planShape = obj({ type: str(), count: int(), interval: str() });
const cardOptions = {
  request_three_d_secure: enm("any", "automatic", "challenge"),
  setup_future_usage: enm("none", "off_session", "on_session"),
  installments: obj({ enabled: bool(), plan: planShape }),
};
const PAYMENT_METHOD_TYPES = ["card", "boleto"];
const confirmShape = {
  client_secret: str(),
  payment_method: str(),
  payment_method_data: pmData,
  return_url: str(),
  off_session: offSession,
  setup_future_usage: enm("off_session", "on_session"),
  receipt_email: str(),
  use_stripe_sdk: bool(),
  error_on_requires_action: bool(),
  mandate_data: obj({
    customer_acceptance: obj({ type: str(), online: obj({ ip_address: str(), user_agent: str() }) }),
  }),
  payment_method_options: obj({ card: obj(cardOptions), boleto: obj({ expires_after_days: int({ min: 1 }) }) }),
};

type PmSource = { payment_method?: string; payment_method_data?: Infer<typeof pmDataShape> };

function paymentMethodFor(ctx: Ctx, p: PmSource): Rec<"payment_method"> | null {
  if (p.payment_method) return resolvePaymentMethod(ctx, p.payment_method);
  const d = p.payment_method_data;
  if (!d) return null;
  if (d.type === "boleto")
    return createBoletoPaymentMethod(
      ctx,
      { tax_id: d.boleto?.tax_id, billing: d.billing_details ?? {} },
      "payment_method_data",
    );
  const billing = { name: d.billing_details?.name, email: d.billing_details?.email, phone: d.billing_details?.phone };
  return createCardPaymentMethod(
    ctx,
    cardSource(d.card, "payment_method_data[card]"),
    billing,
    mergeMetadata({}, d.metadata),
    "payment_method_data[card]",
  );
}

const isOffSession = (v: string | undefined) => v === "true" || v === "one_off" || v === "recurring";

function confirmIntent(ctx: Ctx, pi: Rec<"payment_intent">, p: Infer<typeof confirmShape>): Stripe.PaymentIntent {
  const s = pi.obj.status;
  if (s !== "requires_payment_method" && s !== "requires_confirmation" && s !== "requires_action") {
    throw invalidRequest(`You cannot confirm this PaymentIntent because it has a status of ${s}.`, {
      code: "payment_intent_unexpected_state",
    });
  }
  if (p.setup_future_usage) pi.obj.setup_future_usage = p.setup_future_usage;
  if (p.receipt_email) pi.obj.receipt_email = p.receipt_email;
  const pm =
    paymentMethodFor(ctx, p) ??
    (pi.obj.payment_method ? ctx.app.store.need("payment_method", String(pi.obj.payment_method), ctx.scope) : null);
  if (!pm) {
    throw invalidRequest(
      "You cannot confirm this PaymentIntent because it's missing a payment method. To confirm the PaymentIntent with a payment method, set `payment_method`.",
      {
        code: "payment_intent_unexpected_state",
      },
    );
  }
  if (pm.obj.type === "boleto") {
    issueBoleto(ctx, pi, pm);
    return pi.obj;
  }
  if (!pi.obj.payment_method_types.includes("card"))
    throw invalidRequest("The PaymentMethod provided (card) is not allowed for this PaymentIntent.", {
      param: "payment_method",
      code: "payment_intent_incompatible_payment_method",
    });
  selectPlan(ctx, pi, pm.obj, p.payment_method_options?.card?.installments?.plan);
  const result = attemptPayment(ctx, pi, pm, {
    offSession: isOffSession(p.off_session),
    returnUrl: p.return_url ?? null,
  });
  throwIfFailed(result);
  if (result.status === "requires_action" && p.error_on_requires_action) {
    throw new StripeApiError(402, {
      type: "card_error",
      code: "authentication_required",
      decline_code: "authentication_required",
      message: "Your card was declined. This transaction requires authentication.",
    });
  }
  return pi.obj;
}

function checkMethodTypes(types: string[] | undefined, currency: string, automatic: boolean | undefined): void {
  if (!types) return;
  if (automatic)
    throw invalidRequest(
      "You may only specify one of these parameters: automatic_payment_methods, allowed_payment_method_types.",
      { param: "allowed_payment_method_types" },
    );
  for (const t of types) {
    if (!PAYMENT_METHOD_TYPES.includes(t))
      throw invalidRequest(`The payment method type provided: ${t} is invalid.`, {
        param: "allowed_payment_method_types",
      });
    if (t === "boleto" && currency.toLowerCase() !== "brl")
      throw invalidRequest(
        `The currency provided (${currency.toLowerCase()}) is invalid for one or more payment method types on this PaymentIntent. Boleto supports brl.`,
        { param: "allowed_payment_method_types" },
      );
  }
}

function checkFee(ctx: Ctx, fee: number | undefined, destination: string | undefined): void {
  if (fee !== undefined && !ctx.scope && !destination) {
    throw invalidRequest(
      "Can only apply an application_fee_amount when the PaymentIntent is attempting a direct payment (using an OAuth key or Stripe-Account header) or destination payment (using `transfer_data[destination]`).",
      { param: "application_fee_amount" },
    );
  }
  if (destination) ctx.app.store.need("account", destination, null, "transfer_data[destination]");
}

export const intentRoutes = [
  route(
    "POST",
    "/v1/payment_intents",
    {
      ...confirmShape,
      amount: int().req(),
      currency: str().req(),
      customer: str(),
      confirm: bool(),
      automatic_payment_methods: obj({ enabled: bool().req(), allow_redirects: enm("always", "never") }),
      allowed_payment_method_types: arr(str()),
      excluded_payment_method_types: arr(str()),
      description: nullableStr(),
      metadata: meta(),
      application_fee_amount: int({ min: 0 }),
      transfer_data: obj({ destination: str().req(), amount: int({ min: 0 }) }),
      on_behalf_of: str(),
      statement_descriptor: str(),
      statement_descriptor_suffix: str(),
      capture_method: enm("automatic", "automatic_async", "manual"),
      confirmation_method: enm("automatic", "manual"),
      transfer_group: str(),
    },
    (ctx, p) => {
      if (p.amount < MINIMUM_AMOUNT)
        throw invalidRequest(`Amount must be at least ${MINIMUM_AMOUNT} cents`, {
          param: "amount",
          code: "amount_too_small",
        });
      if (p.capture_method === "manual")
        throw invalidRequest(
          "The Stripe emulator does not support capture_method=manual (see sandbox/stripe/README.md).",
          { param: "capture_method" },
        );
      checkFee(ctx, p.application_fee_amount, p.transfer_data?.destination);
      checkMethodTypes(p.allowed_payment_method_types, p.currency, p.automatic_payment_methods?.enabled);
      if (p.customer) ctx.app.store.need("customer", p.customer, ctx.scope, "customer");
      const pm = paymentMethodFor(ctx, p);
      const pi = ctx.app.store.insert(
        "payment_intent",
        ctx.scope,
        paymentIntentObject(
          {
            ...p,
            metadata: mergeMetadata({}, p.metadata),
            payment_method: pm?.id ?? null,
            automatic_payment_methods: p.automatic_payment_methods?.enabled,
            capture_method: p.capture_method,
            payment_method_types: p.allowed_payment_method_types,
            boleto_expires_after_days: p.payment_method_options?.boleto?.expires_after_days,
          },
          ctx.app.clock.now(),
        ),
        {},
      );
      setInstallments(ctx, pi, p.payment_method_options?.card?.installments?.enabled);
      emit(ctx, "payment_intent.created", pi.obj);
      if (p.confirm) return confirmIntent(ctx, pi, { ...p, payment_method: pm?.id, payment_method_data: undefined });
      return pi.obj;
    },
  ),
  route("GET", "/v1/payment_intents", { ...listParams, customer: str(), created: range() }, (ctx, p) =>
    listRecs(ctx, "payment_intent", p, "/v1/payment_intents", (o) => !p.customer || o.customer === p.customer),
  ),
  route(
    "GET",
    "/v1/payment_intents/:id",
    { client_secret: str() },
    (ctx, p, { id }) => {
      const pi = ctx.app.store.need("payment_intent", id, ctx.scope, "intent");
      checkClientSecret(ctx, pi.obj, p.client_secret);
      return pi.obj;
    },
    { auth: "publishable" },
  ),
  route(
    "POST",
    "/v1/payment_intents/:id",
    {
      amount: int(),
      currency: str(),
      customer: str(),
      description: nullableStr(),
      metadata: meta(),
      payment_method: str(),
      receipt_email: nullableStr(),
      setup_future_usage: enm("off_session", "on_session"),
      application_fee_amount: int({ min: 0 }),
      transfer_data: obj({ amount: int({ min: 0 }) }),
      statement_descriptor: str(),
      statement_descriptor_suffix: str(),
      payment_method_options: obj({ card: obj({ installments: obj({ enabled: bool() }) }) }),
    },
    (ctx, p, { id }) => {
      const pi = ctx.app.store.need("payment_intent", id, ctx.scope);
      const o = pi.obj;
      if (!["requires_payment_method", "requires_confirmation", "requires_action"].includes(o.status)) {
        throw invalidRequest(`You cannot update this PaymentIntent because it has a status of ${o.status}.`, {
          code: "payment_intent_unexpected_state",
        });
      }
      if (p.amount !== undefined) o.amount = p.amount;
      if (p.currency) o.currency = p.currency.toLowerCase();
      if (p.customer) o.customer = ctx.app.store.need("customer", p.customer, ctx.scope, "customer").id;
      if (p.description !== undefined) o.description = p.description;
      if (p.metadata !== undefined) o.metadata = mergeMetadata(o.metadata, p.metadata);
      if (p.receipt_email !== undefined) o.receipt_email = p.receipt_email;
      if (p.setup_future_usage) o.setup_future_usage = p.setup_future_usage;
      if (p.statement_descriptor) o.statement_descriptor = p.statement_descriptor;
      if (p.statement_descriptor_suffix) o.statement_descriptor_suffix = p.statement_descriptor_suffix;
      if (p.application_fee_amount !== undefined) {
        checkFee(ctx, p.application_fee_amount, o.transfer_data ? String(o.transfer_data.destination) : undefined);
        o.application_fee_amount = p.application_fee_amount;
      }
      if (p.transfer_data?.amount !== undefined && o.transfer_data) o.transfer_data.amount = p.transfer_data.amount;
      if (p.payment_method) {
        o.payment_method = resolvePaymentMethod(ctx, p.payment_method).id;
        o.status = "requires_confirmation";
      }
      const installments = p.payment_method_options?.card?.installments?.enabled;
      if (installments !== undefined || p.payment_method) setInstallments(ctx, pi, installments);
      return o;
    },
  ),
  route(
    "POST",
    "/v1/payment_intents/:id/confirm",
    confirmShape,
    (ctx, p, { id }) => {
      const pi = ctx.app.store.need("payment_intent", id, ctx.scope, "intent");
      checkClientSecret(ctx, pi.obj, p.client_secret);
      return confirmIntent(ctx, pi, p);
    },
    { auth: "publishable" },
  ),
  route(
    "POST",
    "/v1/payment_intents/:id/cancel",
    { cancellation_reason: enm("abandoned", "duplicate", "fraudulent", "requested_by_customer") },
    (ctx, p, { id }) => {
      const pi = ctx.app.store.need("payment_intent", id, ctx.scope);
      if (pi.obj.status === "succeeded" || pi.obj.status === "canceled") {
        throw invalidRequest(
          `You cannot cancel this PaymentIntent because it has a status of ${pi.obj.status}. Only a PaymentIntent with one of the following statuses may be canceled: requires_payment_method, requires_capture, requires_confirmation, requires_action, processing.`,
          {
            code: "payment_intent_unexpected_state",
          },
        );
      }
      pi.obj.status = "canceled";
      pi.obj.canceled_at = ctx.app.clock.now();
      pi.obj.cancellation_reason = p.cancellation_reason ?? null;
      pi.obj.next_action = null;
      emit(ctx, "payment_intent.canceled", pi.obj);
      return pi.obj;
    },
  ),
  ...setupIntentRoutes(),
];

function setupIntentRoutes() {
  const siConfirm = {
    client_secret: str(),
    payment_method: str(),
    payment_method_data: pmData,
    return_url: str(),
    use_stripe_sdk: bool(),
    mandate_data: confirmShape.mandate_data,
  };
  const confirmSetup = (ctx: Ctx, si: Rec<"setup_intent">, p: Infer<typeof siConfirm>) => {
    if (
      si.obj.status !== "requires_payment_method" &&
      si.obj.status !== "requires_confirmation" &&
      si.obj.status !== "requires_action"
    ) {
      throw invalidRequest(`You cannot confirm this SetupIntent because it has a status of ${si.obj.status}.`, {
        code: "setup_intent_unexpected_state",
      });
    }
    const pm =
      paymentMethodFor(ctx, p) ??
      (si.obj.payment_method ? ctx.app.store.need("payment_method", String(si.obj.payment_method), ctx.scope) : null);
    if (!pm)
      throw invalidRequest("You cannot confirm this SetupIntent because it's missing a payment method.", {
        code: "setup_intent_unexpected_state",
      });
    const result = attemptSetup(ctx, si, pm, { returnUrl: p.return_url ?? null });
    if (result.status === "failed") throw new StripeApiError(402, result.error);
    return si.obj;
  };
  return [
    route(
      "POST",
      "/v1/setup_intents",
      {
        ...siConfirm,
        customer: str(),
        confirm: bool(),
        usage: enm("off_session", "on_session"),
        allowed_payment_method_types: arr(str()),
        excluded_payment_method_types: arr(str()),
        automatic_payment_methods: obj({ enabled: bool().req(), allow_redirects: enm("always", "never") }),
        metadata: meta(),
        description: nullableStr(),
      },
      (ctx, p) => {
        if (p.customer) ctx.app.store.need("customer", p.customer, ctx.scope, "customer");
        const pm = paymentMethodFor(ctx, p);
        const si = ctx.app.store.insert(
          "setup_intent",
          ctx.scope,
          setupIntentObject(
            {
              ...p,
              payment_method: pm?.id,
              metadata: mergeMetadata({}, p.metadata),
              automatic_payment_methods: p.automatic_payment_methods?.enabled,
            },
            ctx.app.clock.now(),
          ),
          {},
        );
        emit(ctx, "setup_intent.created", si.obj);
        return p.confirm
          ? confirmSetup(ctx, si, { ...p, payment_method: pm?.id, payment_method_data: undefined })
          : si.obj;
      },
    ),
    route("GET", "/v1/setup_intents", { ...listParams, customer: str(), created: range() }, (ctx, p) =>
      listRecs(ctx, "setup_intent", p, "/v1/setup_intents", (o) => !p.customer || o.customer === p.customer),
    ),
    route(
      "GET",
      "/v1/setup_intents/:id",
      { client_secret: str() },
      (ctx, p, { id }) => {
        const si = ctx.app.store.need("setup_intent", id, ctx.scope, "intent");
        checkClientSecret(ctx, si.obj, p.client_secret);
        return si.obj;
      },
      { auth: "publishable" },
    ),
    route(
      "POST",
      "/v1/setup_intents/:id/confirm",
      siConfirm,
      (ctx, p, { id }) => {
        const si = ctx.app.store.need("setup_intent", id, ctx.scope, "intent");
        checkClientSecret(ctx, si.obj, p.client_secret);
        return confirmSetup(ctx, si, p);
      },
      { auth: "publishable" },
    ),
    route(
      "POST",
      "/v1/setup_intents/:id/cancel",
      { cancellation_reason: enm("abandoned", "duplicate", "requested_by_customer") },
      (ctx, p, { id }) => {
        const si = ctx.app.store.need("setup_intent", id, ctx.scope);
        if (si.obj.status === "succeeded" || si.obj.status === "canceled") {
          throw invalidRequest(`You cannot cancel this SetupIntent because it has a status of ${si.obj.status}.`, {
            code: "setup_intent_unexpected_state",
          });
        }
        si.obj.status = "canceled";
        si.obj.cancellation_reason = p.cancellation_reason ?? null;
        emit(ctx, "setup_intent.canceled", si.obj);
        return si.obj;
      },
    ),
  ];
}
