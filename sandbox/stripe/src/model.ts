/** Emulator-side records that Stripe keeps internally and never returns as objects. */
import type Stripe from "stripe";

/**
 * The SDK's Invoice type no longer declares `application_fee_amount`, but Stripe still reports the
 * fee taken on a connected account's subscription invoice; we keep it as a documented extra field.
 */
export type EmulatedInvoice = Stripe.Invoice & { application_fee_amount: number | null };

export type PaymentIntentData = {
  application_fee_amount?: number;
  metadata?: Record<string, string> | null;
  transfer_data?: { destination: string; amount?: number };
  description?: string;
  setup_future_usage?: "off_session" | "on_session";
  receipt_email?: string;
  statement_descriptor?: string;
};

export type SubscriptionData = {
  application_fee_percent?: number;
  trial_period_days?: number;
  metadata?: Record<string, string> | null;
  description?: string;
};

export type CheckoutExtras = {
  lineItems: Stripe.LineItem[];
  paymentIntentData: PaymentIntentData;
  subscriptionData: SubscriptionData;
  /** A decline shown inline on the hosted page after a failed attempt. */
  lastError?: string;
};

/** What the API says about a promotion code's `active` is derived; this is the flag the caller set. */
export type PromotionCodeExtras = { enabled: boolean };

export type DiscountExtras = {
  /**
   * The coupon's terms when it was redeemed (with applies_to and currency_options), so a discount
   * keeps working after its coupon is deleted, as on Stripe.
   */
  coupon: Stripe.Coupon;
  /** A `once` discount is used up by the first invoice it takes money off. */
  consumed: boolean;
};

export type PaymentIntentExtras = {
  invoice?: string;
  /** An issued boleto voucher: when the buyer paid it (test control), null while unpaid. */
  boleto?: { paidAt: number | null };
  checkoutSession?: string;
  returnUrl?: string;
};

export type ProrationLine = { description: string; amount: number; price: string; start: number; end: number };

export type SubscriptionExtras = {
  prorations: ProrationLine[];
  trialWillEndSent: boolean;
  /** customer.subscription.created has been emitted; status changes after it emit *.updated. */
  announced: boolean;
};

export type InvoiceExtras = { paymentIntent?: string };

export type AccountLinkRecord = {
  token: string;
  account: string;
  type: "account_onboarding" | "account_update";
  refreshUrl: string;
  returnUrl: string;
  created: number;
  expiresAt: number;
  used: boolean;
};

export type LoginLinkRecord = { token: string; account: string; created: number };
