// POST /api/public/payment-intents — a buyer's embedded payment for a one-time price (from a pay link)
import { buyerAudit } from "@/lib/request/context";
import { withPublic } from "@/lib/http/handler";
import { parseJsonBody } from "@/lib/http/body";
import { idempotencyKeyOf } from "@/lib/http/idempotency";
import { createPaymentIntent, CreatePaymentIntentInput } from "@/lib/checkout/create-payment-intent";
import { getPublicPrice } from "@/lib/checkout/public";
import { AppError } from "@/lib/errors";
import { buyerLocaleOf } from "@/lib/i18n/buyer-locale";

const PublicPaymentInput = CreatePaymentIntentInput.pick({ priceId: true, customerEmail: true });

export const POST = withPublic(
  "POST /api/public/payment-intents",
  async ({ req, info }) => {
    const input = await parseJsonBody(req, PublicPaymentInput);
    const price = await getPublicPrice(input.priceId);
    const audit = buyerAudit(info);
    const payment = await createPaymentIntent(
      price.storeId,
      { ...input, quantity: 1 },
      { idempotencyKey: idempotencyKeyOf(req), audit, draft: true, buyerLocale: buyerLocaleOf(req, price.currency) },
    );
    // A tab that kept the key of a payment since paid, expired or canceled starts a new one (the page retries with a fresh key).
    if (payment.orderStatus !== "PENDING" && payment.orderStatus !== "FAILED")
      throw new AppError("payment_not_open", "This payment is closed: start a new one.");
    return {
      orderId: payment.orderId,
      clientSecret: payment.clientSecret,
      stripeAccount: payment.stripeAccount,
      amount: payment.amount,
      currency: payment.currency,
      discount: payment.discount,
      quantity: payment.quantity,
      methods: payment.methods,
    };
  },
  { limit: "checkout" },
);
