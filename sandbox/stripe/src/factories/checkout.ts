/** Checkout Sessions and their line items. */
import type Stripe from "stripe";
import { newId } from "../ids";

export function lineItemObject(price: Stripe.Price, quantity: number, description: string): Stripe.LineItem {
  const amount = (price.unit_amount ?? 0) * quantity;
  return {
    id: newId("li"),
    object: "item",
    adjustable_quantity: null,
    amount_discount: 0,
    amount_subtotal: amount,
    amount_tax: 0,
    amount_total: amount,
    currency: price.currency,
    description,
    metadata: {},
    price,
    quantity,
  };
}

export type SessionInput = {
  mode: Stripe.Checkout.Session.Mode;
  lineItems: Stripe.LineItem[];
  success_url: string | null;
  cancel_url: string | null;
  client_reference_id: string | null;
  customer: string | null;
  customer_email: string | null;
  customer_creation: Stripe.Checkout.Session.CustomerCreation | null;
  metadata: Record<string, string>;
  locale: Stripe.Checkout.Session.Locale | null;
  expires_at: number;
  payment_method_types: string[];
  allowed_payment_method_types: string[] | null;
  submit_type: Stripe.Checkout.Session.SubmitType | null;
  billing_address_collection: Stripe.Checkout.Session.BillingAddressCollection | null;
  phone_number_collection: boolean;
  allow_promotion_codes: boolean | null;
  discounts: Stripe.Checkout.Session.Discount[];
};

export function checkoutSessionObject(
  input: SessionInput,
  url: (id: string) => string,
  now: number,
): Stripe.Checkout.Session {
  const id = newId("cs_test");
  // Discounts are priced in by domain/checkout-discounts once the session exists.
  const total = input.lineItems.reduce((sum, li) => sum + li.amount_total, 0);
  return {
    id,
    object: "checkout.session",
    adaptive_pricing: { enabled: false },
    after_expiration: null,
    allow_promotion_codes: input.allow_promotion_codes,
    allowed_payment_method_types: input.allowed_payment_method_types,
    amount_subtotal: total,
    amount_total: total,
    automatic_tax: { enabled: false, liability: null, provider: null, status: null },
    billing_address_collection: input.billing_address_collection,
    cancel_url: input.cancel_url,
    client_reference_id: input.client_reference_id,
    client_secret: null,
    collected_information: null,
    consent: null,
    consent_collection: null,
    created: now,
    currency: input.lineItems[0]?.currency ?? null,
    currency_conversion: null,
    custom_fields: [],
    custom_text: { after_submit: null, shipping_address: null, submit: null, terms_of_service_acceptance: null },
    customer: input.customer,
    customer_account: null,
    customer_creation: input.customer_creation,
    customer_details: input.customer_email
      ? {
          address: null,
          business_name: null,
          email: input.customer_email,
          individual_name: null,
          name: null,
          phone: null,
          tax_exempt: "none",
          tax_ids: null,
        }
      : null,
    customer_email: input.customer_email,
    discounts: input.discounts,
    expires_at: input.expires_at,
    integration_identifier: null,
    invoice: null,
    invoice_creation: input.mode === "payment" ? { enabled: false, invoice_data: invoiceData() } : null,
    livemode: false,
    locale: input.locale,
    managed_payments: null,
    metadata: input.metadata,
    mode: input.mode,
    origin_context: null,
    payment_intent: null,
    payment_link: null,
    payment_method_collection: input.mode === "subscription" ? "always" : null,
    payment_method_configuration_details: null,
    payment_method_options: { card: { request_three_d_secure: "automatic" } },
    payment_method_types: input.payment_method_types,
    payment_status: "unpaid",
    permissions: null,
    phone_number_collection: { enabled: input.phone_number_collection },
    recovered_from: null,
    saved_payment_method_options: null,
    setup_intent: null,
    shipping_address_collection: null,
    shipping_cost: null,
    shipping_options: [],
    status: "open",
    submit_type: input.submit_type,
    subscription: null,
    success_url: input.success_url,
    total_details: { amount_discount: 0, amount_shipping: 0, amount_tax: 0 },
    ui_mode: "hosted",
    url: url(id),
    wallet_options: null,
  };
}

function invoiceData(): Stripe.Checkout.Session.InvoiceCreation.InvoiceData {
  return {
    account_tax_ids: null,
    custom_fields: null,
    description: null,
    footer: null,
    issuer: null,
    metadata: {},
    rendering_options: null,
  };
}

/** Stripe clears `url` once a session can no longer be used. */
export function closeSession(session: Stripe.Checkout.Session, status: "complete" | "expired"): void {
  session.status = status;
  session.url = null;
  if (status === "expired") session.client_secret = null;
}
