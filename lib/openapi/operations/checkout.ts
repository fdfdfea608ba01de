// The checkout operations of the public API, for the OpenAPI document (lib/openapi/document.ts).
import type { Operation } from "../types";
import { CreateCheckoutSessionInput } from "@/lib/checkout/create-checkout-session";
import { CreatePaymentIntentInput } from "@/lib/checkout/create-payment-intent";

export const checkoutOperations: Operation[] = [
  {
    method: "POST",
    path: "/api/v1/checkout/sessions",
    tag: "checkout",
    summary: "start a hosted checkout for a price (Idempotency-Key honoured)",
    auth: "api_key_or_session",
    body: { CreateCheckoutSessionInput },
    example: {
      priceId: "price_1Q2w3E4r5T6y",
      quantity: 1,
      orderId: "order-1042",
      customerEmail: "buyer@example.com",
      successUrl: "https://shop.example.com/thanks",
      cancelUrl: "https://shop.example.com/cart",
    },
    success: { status: 201 },
    errors: [
      "account_not_connected",
      "charges_not_enabled",
      "price_archived",
      "currency_mismatch",
      "url_not_allowed",
      "stripe_error",
    ],
    idempotency: "optional",
  },
  {
    method: "GET",
    path: "/api/v1/payment-intents/{id}",
    tag: "checkout",
    summary: "the order status behind a PaymentIntent of this store (re-read from Stripe)",
    auth: "api_key_or_session",
    success: { status: 200 },
  },
  {
    method: "POST",
    path: "/api/v1/payment-intents",
    tag: "checkout",
    summary: "a PaymentIntent for an embedded (Elements) payment of a one-time price",
    auth: "api_key_or_session",
    body: { CreatePaymentIntentInput },
    example: { priceId: "price_1Q2w3E4r5T6y", quantity: 2, orderId: "order-1043", customerEmail: "buyer@example.com" },
    success: { status: 201 },
    errors: ["account_not_connected", "charges_not_enabled", "price_archived", "price_not_one_time", "stripe_error"],
    idempotency: "optional",
  },
];
