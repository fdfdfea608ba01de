/** Subscriptions, subscription items, invoices, invoice lines and billing portal sessions. */
import type Stripe from "stripe";
import { newId } from "../ids";
import type { EmulatedInvoice } from "../model";
import { planFromPrice } from "./catalog";
import { wireDecimal } from "./common";

export function subscriptionItemObject(
  subscription: string,
  price: Stripe.Price,
  quantity: number,
  start: number,
  end: number,
  now: number,
): Stripe.SubscriptionItem {
  return {
    id: newId("si"),
    object: "subscription_item",
    billing_thresholds: null,
    created: now,
    current_period_end: end,
    current_period_start: start,
    current_trial: null,
    discounts: [],
    metadata: {},
    plan: planFromPrice(price),
    price,
    quantity,
    subscription,
    tax_rates: [],
  };
}

export type SubscriptionInput = {
  customer: string;
  currency: string;
  metadata?: Record<string, string>;
  description?: string | null;
  default_payment_method?: string | null;
  application_fee_percent?: number | null;
  transfer_data?: { destination: string; amount_percent?: number } | null;
  collection_method?: Stripe.Subscription.CollectionMethod;
  days_until_due?: number | null;
};

export function subscriptionObject(id: string, input: SubscriptionInput, now: number): Stripe.Subscription {
  return {
    id,
    object: "subscription",
    application: null,
    application_fee_percent: input.application_fee_percent ?? null,
    automatic_tax: { disabled_reason: null, enabled: false, liability: null },
    billing_cycle_anchor: now,
    billing_cycle_anchor_config: null,
    billing_mode: { flexible: null, type: "classic" },
    billing_schedules: [],
    billing_thresholds: null,
    cancel_at: null,
    cancel_at_period_end: false,
    canceled_at: null,
    cancellation_details: { comment: null, feedback: null, feedback_option: null, reason: null },
    collection_method: input.collection_method ?? "charge_automatically",
    created: now,
    currency: input.currency,
    customer: input.customer,
    customer_account: null,
    days_until_due: input.days_until_due ?? null,
    default_payment_method: input.default_payment_method ?? null,
    default_source: null,
    default_tax_rates: [],
    description: input.description ?? null,
    discounts: [],
    ended_at: null,
    invoice_settings: {
      account_tax_ids: null,
      custom_fields: null,
      description: null,
      footer: null,
      issuer: { type: "self" },
    },
    items: { object: "list", data: [], has_more: false, url: `/v1/subscription_items?subscription=${id}` },
    latest_invoice: null,
    livemode: false,
    managed_payments: null,
    metadata: input.metadata ?? {},
    next_pending_invoice_item_invoice: null,
    on_behalf_of: null,
    pause_collection: null,
    payment_settings: { payment_method_options: null, payment_method_types: null, save_default_payment_method: "off" },
    pending_invoice_item_interval: null,
    pending_setup_intent: null,
    pending_update: null,
    schedule: null,
    start_date: now,
    status: "incomplete",
    test_clock: null,
    transfer_data: input.transfer_data
      ? { amount_percent: input.transfer_data.amount_percent ?? null, destination: input.transfer_data.destination }
      : null,
    trial_end: null,
    trial_settings: { end_behavior: { billing_cycle_anchor: null, missing_payment_method: "create_invoice" } },
    trial_start: null,
  };
}

export type LineInput = {
  amount: number;
  currency: string;
  description: string;
  price: Stripe.Price;
  quantity: number;
  start: number;
  end: number;
  subscription: string | null;
  subscriptionItem: string | null;
  proration: boolean;
  /** What each discount took off this line (see domain/subscription-discounts). */
  discountAmounts?: Array<{ amount: number; discount: string }>;
};

export function invoiceLineObject(invoice: string, line: LineInput): Stripe.InvoiceLineItem {
  return {
    id: newId("il"),
    object: "line_item",
    amount: line.amount,
    currency: line.currency,
    description: line.description,
    discount_amounts: line.discountAmounts ?? [],
    // Prorations are never discountable (the SDK documents the flag as always false for them).
    discountable: !line.proration,
    discounts: [],
    invoice,
    livemode: false,
    metadata: {},
    parent: line.subscriptionItem
      ? {
          invoice_item_details: null,
          subscription_item_details: {
            invoice_item: null,
            proration: line.proration,
            proration_details: { credited_items: null },
            subscription: line.subscription,
            subscription_item: line.subscriptionItem,
          },
          type: "subscription_item_details",
        }
      : null,
    period: { end: line.end, start: line.start },
    pretax_credit_amounts: (line.discountAmounts ?? []).map((d) => ({ ...d, type: "discount" as const })),
    pricing: {
      price_details: {
        price: line.price.id,
        product: typeof line.price.product === "string" ? line.price.product : line.price.product.id,
      },
      type: "price_details",
      unit_amount_decimal: line.price.unit_amount_decimal,
    },
    quantity: line.quantity,
    quantity_decimal: wireDecimal(line.quantity),
    subscription: line.subscription,
    subtotal: line.amount,
    taxes: [],
  };
}

export type InvoiceInput = {
  customer: Stripe.Customer;
  currency: string;
  subscription: string | null;
  subscriptionMetadata?: Record<string, string>;
  billingReason: Stripe.Invoice.BillingReason;
  periodStart: number;
  periodEnd: number;
  accountName: string | null;
  applicationFeePercent: number | null;
  number: string;
  /** Invoice-level discounts (a subscription's) and what each took off in total. */
  discounts: string[];
  totalDiscountAmounts: Array<{ amount: number; discount: string }>;
};

export function invoiceObject(
  id: string,
  input: InvoiceInput,
  lines: Stripe.InvoiceLineItem[],
  urls: { hosted: string; pdf: string },
  now: number,
): EmulatedInvoice {
  const subtotal = lines.reduce((sum, l) => sum + l.amount, 0);
  const discounted = input.totalDiscountAmounts.reduce((sum, d) => sum + d.amount, 0);
  const total = subtotal - discounted;
  // A net credit (downgrade) is not charged; Stripe would move it to the customer balance.
  const due = Math.max(0, total);
  return {
    id,
    object: "invoice",
    account_country: "US",
    account_name: input.accountName,
    account_tax_ids: null,
    amount_due: due,
    amount_overpaid: 0,
    amount_paid: 0,
    amount_remaining: due,
    amount_shipping: 0,
    application: null,
    application_fee_amount:
      input.applicationFeePercent !== null ? Math.round((due * input.applicationFeePercent) / 100) : null,
    attempt_count: 0,
    attempted: false,
    auto_advance: true,
    automatic_tax: { disabled_reason: null, enabled: false, liability: null, provider: null, status: null },
    automatically_finalizes_at: null,
    billing_reason: input.billingReason,
    collection_method: "charge_automatically",
    created: now,
    currency: input.currency,
    custom_fields: null,
    customer: input.customer.id,
    customer_account: null,
    customer_address: null,
    customer_email: input.customer.email,
    customer_name: input.customer.name ?? null,
    customer_phone: input.customer.phone ?? null,
    customer_shipping: null,
    customer_tax_exempt: "none",
    customer_tax_ids: [],
    default_payment_method: null,
    default_source: null,
    default_tax_rates: [],
    description: null,
    discounts: input.discounts,
    due_date: null,
    effective_at: null,
    ending_balance: null,
    footer: null,
    from_invoice: null,
    hosted_invoice_url: urls.hosted,
    invoice_pdf: urls.pdf,
    issuer: { type: "self" },
    last_finalization_error: null,
    latest_revision: null,
    lines: { object: "list", data: lines, has_more: false, url: `/v1/invoices/${id}/lines` },
    livemode: false,
    metadata: {},
    next_payment_attempt: null,
    number: input.number,
    on_behalf_of: null,
    parent: input.subscription
      ? {
          quote_details: null,
          subscription_details: { metadata: input.subscriptionMetadata ?? {}, subscription: input.subscription },
          type: "subscription_details",
        }
      : null,
    payment_settings: { default_mandate: null, payment_method_options: null, payment_method_types: null },
    payments: { object: "list", data: [], has_more: false, url: `/v1/invoice_payments?invoice=${id}` },
    period_end: input.periodEnd,
    period_start: input.periodStart,
    post_payment_credit_notes_amount: 0,
    pre_payment_credit_notes_amount: 0,
    receipt_number: null,
    rendering: null,
    shipping_cost: null,
    shipping_details: null,
    starting_balance: 0,
    statement_descriptor: null,
    status: "draft",
    status_transitions: { finalized_at: null, marked_uncollectible_at: null, paid_at: null, voided_at: null },
    subtotal,
    subtotal_excluding_tax: subtotal,
    test_clock: null,
    total,
    total_discount_amounts: input.totalDiscountAmounts,
    total_excluding_tax: total,
    total_pretax_credit_amounts: input.totalDiscountAmounts.map((d) => ({ ...d, type: "discount" as const })),
    total_taxes: [],
    webhooks_delivered_at: now,
  };
}

export function invoicePaymentObject(
  invoice: EmulatedInvoice,
  paymentIntent: string,
  now: number,
): Stripe.InvoicePayment {
  return {
    id: newId("inpay"),
    object: "invoice_payment",
    amount_paid: null,
    amount_requested: invoice.amount_due,
    created: now,
    currency: invoice.currency,
    invoice: invoice.id,
    is_default: true,
    livemode: false,
    payment: { payment_intent: paymentIntent, type: "payment_intent" },
    status: "open",
    status_transitions: { canceled_at: null, paid_at: null },
  };
}

export function portalSessionObject(
  customer: string,
  returnUrl: string | null,
  locale: Stripe.BillingPortal.Session.Locale | null,
  url: (id: string) => string,
  now: number,
): Stripe.BillingPortal.Session {
  const id = newId("bps");
  return {
    id,
    object: "billing_portal.session",
    configuration: "bpc_emulator_default",
    created: now,
    customer,
    customer_account: null,
    flow: null,
    livemode: false,
    locale,
    on_behalf_of: null,
    return_url: returnUrl,
    url: url(id),
  };
}
