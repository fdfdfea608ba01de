/** Full and partial refunds of a charge (directly or through its PaymentIntent). */
import type Stripe from "stripe";
import type { Ctx } from "../context";
import { invalidRequest } from "../errors";
import { diff, emit } from "../events";
import { refundObject } from "../factories/payments";
import { recordFeeRefund } from "./fee-refunds";
import { idOf } from "../ids";
import type { Rec } from "../store";
import { formatMoney } from "@/lib/money";

const money = (amount: number, currency: string) => formatMoney(amount, currency, "en-US");

export type RefundInput = {
  charge: Rec<"charge">;
  amount?: number;
  reason?: Stripe.Refund.Reason | null;
  metadata?: Record<string, string>;
  refundApplicationFee?: boolean;
};

export function refundCharge(ctx: Ctx, input: RefundInput): Rec<"refund"> {
  const charge = input.charge;
  const c = charge.obj;
  if (c.status !== "succeeded")
    throw invalidRequest(`Charge ${c.id} has not succeeded and cannot be refunded.`, { code: "charge_not_refundable" });
  const remaining = c.amount - c.amount_refunded;
  if (remaining <= 0)
    throw invalidRequest(`Charge ${c.id} has already been refunded.`, { code: "charge_already_refunded" });
  const amount = input.amount ?? remaining;
  if (amount <= 0)
    throw invalidRequest("Refund amount must be positive.", { param: "amount", code: "parameter_invalid_integer" });
  if (amount > remaining) {
    throw invalidRequest(
      `Refund amount (${money(amount, c.currency)}) is greater than unrefunded amount on charge (${money(remaining, c.currency)})`,
      {
        param: "amount",
        code: "amount_too_large",
      },
    );
  }
  const now = ctx.app.clock.now();
  const refund = ctx.app.store.insert(
    "refund",
    charge.scope,
    refundObject(c, amount, input.reason ?? null, input.metadata ?? {}, now),
    {},
  );
  const before = structuredClone(c);
  c.amount_refunded += amount;
  c.refunded = c.amount_refunded === c.amount;
  c.refunds = {
    object: "list",
    data: [refund.obj, ...(c.refunds?.data ?? [])],
    has_more: false,
    url: `/v1/charges/${c.id}/refunds`,
  };
  if (input.refundApplicationFee && c.application_fee) {
    const fee = ctx.app.store.find("application_fee", String(idOf(c.application_fee)));
    if (fee) {
      const share = Math.min(
        fee.obj.amount - fee.obj.amount_refunded,
        Math.round((fee.obj.amount * amount) / c.amount),
      );
      if (share > 0) recordFeeRefund(fee.obj, share, now);
      emit({ ...ctx, scope: null }, "application_fee.refunded", fee.obj);
    }
  }
  emit(ctx, "refund.created", refund.obj);
  emit(ctx, "charge.refunded", c, diff(before, c));
  return refund;
}
