/** Returning (part of) an application fee to the connected account, recorded as Stripe does: a fee_refund on the fee. */
import type Stripe from "stripe";
import { newId } from "../ids";

export function recordFeeRefund(
  fee: Stripe.ApplicationFee,
  amount: number,
  now: number,
  metadata: Record<string, string> = {},
): Stripe.FeeRefund {
  const refund: Stripe.FeeRefund = {
    id: newId("fr"),
    object: "fee_refund",
    amount,
    balance_transaction: newId("txn"),
    created: now,
    currency: fee.currency,
    fee: fee.id,
    metadata,
  };
  fee.amount_refunded += amount;
  fee.refunded = fee.amount_refunded === fee.amount;
  fee.refunds = {
    object: "list",
    data: [refund, ...(fee.refunds?.data ?? [])],
    has_more: false,
    url: `/v1/application_fees/${fee.id}/refunds`,
  };
  return refund;
}
