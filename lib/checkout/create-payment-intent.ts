// An embedded (Elements) payment for a one-time price: the amount comes from the price, never
// from the browser; the PaymentIntent is a direct charge on the connected account with the fee.
import type Stripe from "stripe";
import type { OrderStatus } from "@/generated/prisma/client";
import { prisma } from "@/lib/db/client";
import { appendAudit, type AuditContext } from "@/lib/audit/log";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { getStripe, onAccount } from "@/lib/stripe/client";
import { callStripe } from "@/lib/stripe/errors";
import { elementsDiscountOf } from "./coupons";
import { BOLETO_EXPIRES_AFTER_DAYS, boletoOffered } from "./boleto";
import { applicationFeeAmount } from "./fees";
import { installmentsOffered } from "./installments";
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
  /** The order's status (a pay page resumes only PENDING or FAILED ones). */
  orderStatus: OrderStatus;
  /** How many (a buyer's quantity on the pay page, lib/checkout/quantity.ts, re-prices the order). */
  quantity: number;
  /** What the pay page offers besides paying by card at once. */
  methods: { installments: boolean; boleto: boolean };
};

/**
 * Where Stripe offers them, boleto (BR/BRL) and card installments (BR/BRL, MX/MXN) are asked for
 * explicitly (docs/installments.md, docs/boleto.md); elsewhere Stripe picks the methods.
 */
function paymentMethodsFor(
  accountCountry: string,
  currency: string,
): Pick<
  Stripe.PaymentIntentCreateParams,
  "automatic_payment_methods" | "allowed_payment_method_types" | "payment_method_options"
> {
  const installments = installmentsOffered(accountCountry, currency);
  const boleto = boletoOffered(accountCountry, currency);
  if (!installments && !boleto) return { automatic_payment_methods: { enabled: true } };
  return {
    allowed_payment_method_types: boleto ? ["card", "boleto"] : ["card"],
    payment_method_options: {
      ...(installments ? { card: { installments: { enabled: true } } } : {}),
      ...(boleto ? { boleto: { expires_after_days: BOLETO_EXPIRES_AFTER_DAYS } } : {}),
    },
  };
}

export async function createPaymentIntent(
  storeId: string,
  input: BuyerInput,
  ctx: {
    idempotencyKey?: string;
    audit: AuditContext;
    /** The public pay page: the order is a draft, unlisted until the buyer submits (lib/orders/drafts.ts). */
    draft?: boolean;
    /** The buyer's language (lib/i18n/buyer-locale.ts) when a buyer page starts the payment. */
    buyerLocale?: Locale;
  },
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
        buyerLocale: ctx.buyerLocale ?? null,
        // A store's own integration (API) asked for this payment: it is an attempt from the start.
        submittedAt: ctx.draft ? null : new Date(),
      },
    }));
  const metadata = { vitrineOrderId: order.id, storeId, ...(input.orderId ? { orderId: input.orderId } : {}) };
  const pi = await callStripe(() =>
    getStripe().paymentIntents.create(
      {
        amount,
        currency: price.currency.toLowerCase(),
        ...paymentMethodsFor(account.country, price.currency),
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
    orderStatus: order.status,
    quantity: order.quantity,
    methods: {
      installments: Boolean(pi.payment_method_options?.card?.installments?.enabled),
      boleto: pi.payment_method_types.includes("boleto"),
    },
  };
}
