// An embedded (Elements) payment for a one-time price: the amount comes from the price, never
// from the browser; the PaymentIntent is a direct charge on the connected account with the fee.
import { prisma } from "@/lib/db/client";
import { appendAudit, type AuditContext } from "@/lib/audit/log";
import { AppError } from "@/lib/errors";
import { getStripe, onAccount } from "@/lib/stripe/client";
import { callStripe } from "@/lib/stripe/errors";
import { elementsDiscountOf } from "./coupons";
import { applicationFeeAmount } from "./fees";
import { BuyerInput, findIdempotentOrder, loadSellablePrice } from "./sellable";

export const CreatePaymentIntentInput = BuyerInput;

export type ElementsPayment = {
  orderId: string;
  paymentIntentId: string;
  clientSecret: string;
  stripeAccount: string;
  amount: number;
  currency: string;
  /** A store code already applied to this payment (a reload shows it again). */
  discount: { code: string | null; amountOff: number } | null;
};

export async function createPaymentIntent(
  storeId: string,
  input: BuyerInput,
  ctx: { idempotencyKey?: string; audit: AuditContext },
): Promise<ElementsPayment> {
  const replay = await findIdempotentOrder(storeId, ctx.idempotencyKey);
  const { price, account, fee } = await loadSellablePrice(storeId, input);
  if (price.type !== "ONE_TIME")
    throw new AppError(
      "price_not_one_time",
      "Embedded payments take one-time prices; use Checkout for subscriptions.",
      { param: "priceId" },
    );
  const amount = price.unitAmount * input.quantity;
  const feeAmount = applicationFeeAmount(amount, price.currency, fee);
  const order =
    replay ??
    (await prisma.order.create({
      data: {
        storeId,
        priceId: price.id,
        channel: "ELEMENTS",
        quantity: input.quantity,
        amountTotal: amount,
        currency: price.currency,
        applicationFeeAmount: feeAmount,
        externalOrderId: input.orderId,
        customerEmail: input.customerEmail,
        stripeAccountId: account.accountId,
        idempotencyKey: ctx.idempotencyKey,
      },
    }));
  const metadata = { vitrineOrderId: order.id, storeId, ...(input.orderId ? { orderId: input.orderId } : {}) };
  const pi = await callStripe(() =>
    getStripe().paymentIntents.create(
      {
        amount,
        currency: price.currency.toLowerCase(),
        automatic_payment_methods: { enabled: true },
        application_fee_amount: feeAmount,
        metadata,
        receipt_email: input.customerEmail,
        description: price.product.name,
      },
      onAccount(account.accountId, `vitrine:pi:${order.id}`),
    ),
  );
  if (!order.paymentIntentId) {
    await prisma.$transaction(async (tx) => {
      await tx.order.update({ where: { id: order.id }, data: { paymentIntentId: pi.id } });
      await appendAudit(tx, ctx.audit, {
        action: "checkout.payment_intent_created",
        storeId,
        target: { type: "order", id: order.id },
        after: { paymentIntentId: pi.id, amount, currency: price.currency, applicationFeeAmount: feeAmount },
      });
    });
  }
  return {
    orderId: order.id,
    paymentIntentId: pi.id,
    clientSecret: pi.client_secret!,
    stripeAccount: account.accountId,
    // A code applied since (applyCouponToElementsPayment) re-priced the order and its PaymentIntent.
    amount: order.amountTotal,
    currency: price.currency,
    discount: await elementsDiscountOf(order.id).then((d) => (d ? { code: d.code, amountOff: d.amountOff } : null)),
  };
}
