// One entry per handled Stripe event type; anything else is acknowledged and ignored.
import type { EventHandler } from "../context";
import { onAccountUpdated } from "./account";
import { onChargeRefunded, onRefundEvent } from "./charge-refunded";
import { onCheckoutSession } from "./checkout-session";
import { onDispute } from "./dispute";
import { withInvoiceMirror } from "./invoice";
import { onPaymentIntent, onPaymentIntentCanceled } from "./payment-intent";
import { onSubscriptionChange } from "./subscription";
import { onTrialWillEnd } from "./trial-will-end";
import { onPayoutEvent } from "../payout";

// invoice.finalized / paid / payment_succeeded / payment_failed / voided / marked_uncollectible
// also update our own Invoice (./invoice.ts), after the handler listed here for the type.
export const HANDLERS: Partial<Record<string, EventHandler>> = withInvoiceMirror({
  "checkout.session.completed": onCheckoutSession,
  "checkout.session.async_payment_succeeded": onCheckoutSession,
  "checkout.session.async_payment_failed": onCheckoutSession,
  "checkout.session.expired": onCheckoutSession,
  "payment_intent.succeeded": onPaymentIntent,
  "payment_intent.payment_failed": onPaymentIntent,
  "payment_intent.canceled": onPaymentIntentCanceled,
  "charge.refunded": onChargeRefunded,
  "charge.refund.updated": onRefundEvent,
  "refund.created": onRefundEvent,
  "refund.updated": onRefundEvent,
  "refund.failed": onRefundEvent,
  "charge.dispute.created": onDispute,
  "charge.dispute.closed": onDispute,
  "invoice.paid": onSubscriptionChange,
  "invoice.payment_succeeded": onSubscriptionChange,
  "invoice.payment_failed": onSubscriptionChange,
  "invoice.voided": onSubscriptionChange,
  "customer.subscription.created": onSubscriptionChange,
  "customer.subscription.updated": onSubscriptionChange,
  "customer.subscription.deleted": onSubscriptionChange,
  "customer.subscription.trial_will_end": onTrialWillEnd,
  "account.updated": onAccountUpdated,
  "payout.created": onPayoutEvent,
  "payout.updated": onPayoutEvent,
  "payout.paid": onPayoutEvent,
  "payout.failed": onPayoutEvent,
  "payout.canceled": onPayoutEvent,
  "balance.available": onPayoutEvent,
});
