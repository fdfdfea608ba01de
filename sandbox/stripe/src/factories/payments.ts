/** PaymentIntents, SetupIntents, charges, refunds, disputes and application fees. */
import type Stripe from "stripe";
import { clientSecret, newId, randomToken } from "../ids";
import { emptyAddress } from "./common";

export type PaymentIntentInput = {
  amount: number;
  currency: string;
  customer?: string | null;
  description?: string | null;
  metadata?: Record<string, string>;
  payment_method?: string | null;
  allowed_payment_method_types?: Stripe.PaymentIntent.AllowedPaymentMethodType[];
  automatic_payment_methods?: boolean;
  setup_future_usage?: Stripe.PaymentIntent.SetupFutureUsage | null;
  application_fee_amount?: number | null;
  transfer_data?: { destination: string; amount?: number } | null;
  on_behalf_of?: string | null;
  receipt_email?: string | null;
  statement_descriptor?: string | null;
  statement_descriptor_suffix?: string | null;
  transfer_group?: string | null;
  capture_method?: Stripe.PaymentIntent.CaptureMethod;
  payment_method_types?: string[];
  /** payment_method_options[boleto][expires_after_days], when boleto is among the types. */
  boleto_expires_after_days?: number;
};

export function paymentIntentObject(input: PaymentIntentInput, now: number): Stripe.PaymentIntent {
  const id = newId("pi");
  return {
    id,
    object: "payment_intent",
    allowed_payment_method_types: input.allowed_payment_method_types ?? null,
    amount: input.amount,
    amount_capturable: 0,
    amount_details: { tip: {} },
    amount_received: 0,
    application: null,
    application_fee_amount: input.application_fee_amount ?? null,
    automatic_payment_methods: input.automatic_payment_methods ? { allow_redirects: "always", enabled: true } : null,
    canceled_at: null,
    cancellation_reason: null,
    capture_method: input.capture_method ?? "automatic_async",
    client_secret: clientSecret(id),
    confirmation_method: "automatic",
    created: now,
    currency: input.currency.toLowerCase(),
    customer: input.customer ?? null,
    customer_account: null,
    description: input.description ?? null,
    excluded_payment_method_types: null,
    last_payment_error: null,
    latest_charge: null,
    livemode: false,
    managed_payments: null,
    metadata: input.metadata ?? {},
    next_action: null,
    on_behalf_of: input.on_behalf_of ?? null,
    payment_method: input.payment_method ?? null,
    payment_method_configuration_details: input.automatic_payment_methods
      ? { id: "pmc_emulator_default", parent: null }
      : null,
    payment_method_options: {
      card: { installments: null, mandate_options: null, network: null, request_three_d_secure: "automatic" },
      ...(input.payment_method_types?.includes("boleto")
        ? { boleto: { expires_after_days: input.boleto_expires_after_days ?? 3 } }
        : {}),
    },
    payment_method_types: input.payment_method_types ?? ["card"],
    payment_record: null,
    processing: null,
    receipt_email: input.receipt_email ?? null,
    review: null,
    setup_future_usage: input.setup_future_usage ?? null,
    shipping: null,
    source: null,
    statement_descriptor: input.statement_descriptor ?? null,
    statement_descriptor_suffix: input.statement_descriptor_suffix ?? null,
    status: input.payment_method ? "requires_confirmation" : "requires_payment_method",
    transfer_data: input.transfer_data
      ? { amount: input.transfer_data.amount, destination: input.transfer_data.destination }
      : null,
    transfer_group: input.transfer_group ?? null,
  };
}

export type ChargeInput = {
  pi: Stripe.PaymentIntent;
  pm: Stripe.PaymentMethod;
  paid: boolean;
  failure?: { code: string; declineCode: string; message: string };
  receiptUrl: string | null;
};

function paymentMethodDetails(pi: Stripe.PaymentIntent, pm: Stripe.PaymentMethod, paid: boolean) {
  if (pm.type === "boleto") return { boleto: { tax_id: pm.boleto?.tax_id ?? "" }, type: "boleto" };
  const card = pm.card!;
  const plan = pi.payment_method_options?.card?.installments?.plan;
  return {
    card: {
      amount_authorized: paid ? pi.amount : null,
      authorization_code: paid ? randomToken(6).toUpperCase() : null,
      brand: card.brand,
      checks: card.checks,
      country: card.country,
      electronic_commerce_indicator: null,
      exp_month: card.exp_month,
      exp_year: card.exp_year,
      fingerprint: card.fingerprint,
      funding: card.funding,
      // The installment plan the payment was confirmed with (payment_method_options.card.installments.plan).
      installments: plan ? { plan: { ...plan } } : null,
      last4: card.last4,
      mandate: null,
      network: card.brand,
      network_transaction_id: paid ? randomToken(15) : null,
      regulated_status: card.regulated_status,
      three_d_secure: null,
      transaction_link_id: null,
      wallet: null,
    },
    type: "card",
  };
}

export function chargeObject({ pi, pm, paid, failure, receiptUrl }: ChargeInput, now: number): Stripe.Charge {
  const transfer = pi.transfer_data?.destination;
  return {
    id: newId("ch"),
    object: "charge",
    amount: pi.amount,
    amount_captured: paid ? pi.amount : 0,
    amount_refunded: 0,
    application: null,
    application_fee: null,
    application_fee_amount: pi.application_fee_amount,
    balance_transaction: paid ? newId("txn") : null,
    billing_details: { ...pm.billing_details, address: pm.billing_details.address ?? emptyAddress() },
    calculated_statement_descriptor: pi.statement_descriptor ?? "VITRINE",
    captured: paid,
    created: now,
    currency: pi.currency,
    customer: pi.customer,
    description: pi.description,
    disputed: false,
    failure_balance_transaction: null,
    failure_code: failure?.code ?? null,
    failure_message: failure?.message ?? null,
    fraud_details: {},
    livemode: false,
    metadata: pi.metadata,
    on_behalf_of: pi.on_behalf_of,
    outcome: {
      advice_code: null,
      network_advice_code: null,
      network_decline_code: null,
      network_status: paid ? "approved_by_network" : "declined_by_network",
      reason: failure?.declineCode ?? null,
      risk_level: "normal",
      risk_score: 20,
      seller_message: paid ? "Payment complete." : "The bank did not return any further details with this decline.",
      type: paid ? "authorized" : "issuer_declined",
    },
    paid,
    payment_intent: pi.id,
    payment_method: pm.id,
    payment_method_details: paymentMethodDetails(pi, pm, paid),
    receipt_email: pi.receipt_email,
    receipt_number: null,
    receipt_url: paid ? receiptUrl : null,
    refunded: false,
    refunds: { object: "list", data: [], has_more: false, url: "" },
    review: null,
    shipping: null,
    source: null,
    source_transfer: null,
    statement_descriptor: pi.statement_descriptor,
    statement_descriptor_suffix: pi.statement_descriptor_suffix,
    status: paid ? "succeeded" : "failed",
    transfer: transfer && paid ? newId("tr") : undefined,
    transfer_data: transfer ? { amount: pi.transfer_data?.amount ?? null, destination: transfer } : null,
    transfer_group: pi.transfer_group,
  };
}

export function refundObject(
  charge: Stripe.Charge,
  amount: number,
  reason: Stripe.Refund.Reason | null,
  metadata: Record<string, string>,
  now: number,
): Stripe.Refund {
  return {
    id: newId("re"),
    object: "refund",
    amount,
    balance_transaction: newId("txn"),
    charge: charge.id,
    created: now,
    currency: charge.currency,
    customer: charge.customer,
    customer_account: null,
    destination_details: {
      card: { reference_status: "pending", reference_type: "acquirer_reference_number", type: "refund" },
      type: "card",
    },
    metadata,
    payment_intent: charge.payment_intent,
    payment_method: charge.payment_method,
    reason,
    receipt_number: null,
    source_transfer_reversal: null,
    status: "succeeded",
    transfer_reversal: null,
  };
}

export function applicationFeeObject(
  charge: Stripe.Charge,
  account: string,
  platformApp: string,
  now: number,
): Stripe.ApplicationFee {
  const id = newId("fee");
  return {
    id,
    object: "application_fee",
    account,
    amount: charge.application_fee_amount ?? 0,
    amount_refunded: 0,
    application: platformApp,
    balance_transaction: newId("txn"),
    charge: charge.id,
    created: now,
    currency: charge.currency,
    fee_source: { charge: charge.id, type: "charge" },
    livemode: false,
    originating_transaction: null,
    refunded: false,
    refunds: { object: "list", data: [], has_more: false, url: `/v1/application_fees/${id}/refunds` },
  };
}

export type SetupIntentInput = {
  customer?: string | null;
  payment_method?: string | null;
  allowed_payment_method_types?: Stripe.SetupIntent.AllowedPaymentMethodType[];
  usage?: string;
  metadata?: Record<string, string>;
  description?: string | null;
  automatic_payment_methods?: boolean;
};

export function setupIntentObject(input: SetupIntentInput, now: number): Stripe.SetupIntent {
  const id = newId("seti");
  return {
    id,
    object: "setup_intent",
    allowed_payment_method_types: input.allowed_payment_method_types ?? null,
    application: null,
    automatic_payment_methods: input.automatic_payment_methods ? { allow_redirects: "always", enabled: true } : null,
    cancellation_reason: null,
    client_secret: clientSecret(id),
    created: now,
    customer: input.customer ?? null,
    description: input.description ?? null,
    excluded_payment_method_types: null,
    flow_directions: null,
    last_setup_error: null,
    latest_attempt: null,
    livemode: false,
    mandate: null,
    metadata: input.metadata ?? {},
    next_action: null,
    on_behalf_of: null,
    payment_method: input.payment_method ?? null,
    payment_method_configuration_details: null,
    payment_method_options: { card: { mandate_options: null, network: null, request_three_d_secure: "automatic" } },
    payment_method_types: ["card"],
    single_use_mandate: null,
    status: input.payment_method ? "requires_confirmation" : "requires_payment_method",
    usage: input.usage ?? "off_session",
  };
}
