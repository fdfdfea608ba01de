/** Charges, refunds, disputes, application fees and the balance. */
import type { Ctx } from "../context";
import { invalidRequest } from "../errors";
import { idOf } from "../ids";
import { emit } from "../events";
import { bool, enm, int, listParams, meta, mergeMetadata, obj, range, str } from "../params";
import { route } from "../router";
import { computeBalance } from "../domain/balance";
import { recordFeeRefund } from "../domain/fee-refunds";
import { closeDispute, updateDispute } from "../domain/disputes";
import { refundCharge } from "../domain/refunds";
import type { Rec } from "../store";
import { listRecs } from "./common";

function chargeToRefund(ctx: Ctx, charge?: string, paymentIntent?: string): Rec<"charge"> {
  if (charge) return ctx.app.store.need("charge", charge, ctx.scope, "charge");
  if (!paymentIntent)
    throw invalidRequest("One of the following params should be provided for this request: payment_intent or charge.", {
      code: "parameter_missing",
    });
  const pi = ctx.app.store.need("payment_intent", paymentIntent, ctx.scope, "payment_intent");
  if (pi.obj.status !== "succeeded" || !pi.obj.latest_charge) {
    throw invalidRequest(`This PaymentIntent (${pi.id}) does not have a successful charge to refund.`, {
      param: "payment_intent",
      code: "charge_not_refundable",
    });
  }
  return ctx.app.store.need("charge", String(idOf(pi.obj.latest_charge)), ctx.scope, "payment_intent");
}

const evidenceFields = Object.fromEntries(
  [
    "access_activity_log",
    "billing_address",
    "cancellation_policy_disclosure",
    "cancellation_rebuttal",
    "customer_email_address",
    "customer_name",
    "customer_purchase_ip",
    "duplicate_charge_explanation",
    "duplicate_charge_id",
    "product_description",
    "refund_policy_disclosure",
    "refund_refusal_explanation",
    "service_date",
    "shipping_address",
    "shipping_carrier",
    "shipping_date",
    "shipping_tracking_number",
    "uncategorized_text",
  ].map((k) => [k, str()]),
);

export const moneyRoutes = [
  route(
    "POST",
    "/v1/refunds",
    {
      charge: str(),
      payment_intent: str(),
      amount: int({ min: 1 }),
      reason: enm("duplicate", "fraudulent", "requested_by_customer"),
      metadata: meta(),
      refund_application_fee: bool(),
      reverse_transfer: bool(),
      instructions_email: str(),
    },
    (ctx, p) =>
      refundCharge(ctx, {
        charge: chargeToRefund(ctx, p.charge, p.payment_intent),
        amount: p.amount,
        reason: p.reason ?? null,
        metadata: mergeMetadata({}, p.metadata),
        refundApplicationFee: p.refund_application_fee,
      }).obj,
  ),
  route("GET", "/v1/refunds", { ...listParams, charge: str(), payment_intent: str(), created: range() }, (ctx, p) =>
    listRecs(
      ctx,
      "refund",
      p,
      "/v1/refunds",
      (o) =>
        (!p.charge || idOf(o.charge) === p.charge) &&
        (!p.payment_intent || idOf(o.payment_intent) === p.payment_intent),
    ),
  ),
  route("GET", "/v1/refunds/:id", {}, (ctx, _p, { id }) => ctx.app.store.need("refund", id, ctx.scope).obj),
  route("POST", "/v1/refunds/:id", { metadata: meta() }, (ctx, p, { id }) => {
    const rec = ctx.app.store.need("refund", id, ctx.scope);
    if (p.metadata !== undefined) rec.obj.metadata = mergeMetadata(rec.obj.metadata, p.metadata);
    return rec.obj;
  }),
  route(
    "GET",
    "/v1/charges",
    { ...listParams, customer: str(), payment_intent: str(), created: range(), transfer_group: str() },
    (ctx, p) =>
      listRecs(
        ctx,
        "charge",
        p,
        "/v1/charges",
        (o) =>
          (!p.customer || idOf(o.customer) === p.customer) &&
          (!p.payment_intent || idOf(o.payment_intent) === p.payment_intent),
      ),
  ),
  route("GET", "/v1/charges/:id", {}, (ctx, _p, { id }) => ctx.app.store.need("charge", id, ctx.scope).obj),
  route("GET", "/v1/disputes", { ...listParams, charge: str(), payment_intent: str(), created: range() }, (ctx, p) =>
    listRecs(
      ctx,
      "dispute",
      p,
      "/v1/disputes",
      (o) =>
        (!p.charge || idOf(o.charge) === p.charge) &&
        (!p.payment_intent || idOf(o.payment_intent) === p.payment_intent),
    ),
  ),
  route("GET", "/v1/disputes/:id", {}, (ctx, _p, { id }) => ctx.app.store.need("dispute", id, ctx.scope).obj),
  route(
    "POST",
    "/v1/disputes/:id",
    { evidence: obj(evidenceFields), submit: bool(), metadata: meta() },
    (ctx, p, { id }) => {
      const d = ctx.app.store.need("dispute", id, ctx.scope);
      updateDispute(
        ctx,
        d,
        p.evidence,
        p.submit ?? false,
        p.metadata !== undefined ? mergeMetadata(d.obj.metadata, p.metadata) : undefined,
      );
      return d.obj;
    },
  ),
  route("POST", "/v1/disputes/:id/close", {}, (ctx, _p, { id }) => {
    const d = ctx.app.store.need("dispute", id, ctx.scope);
    closeDispute(ctx, d, "lost");
    return d.obj;
  }),
  route("GET", "/v1/application_fees", { ...listParams, charge: str(), created: range() }, (ctx, p) => {
    // Application fees belong to the platform; a connected account has none of its own.
    return listRecs(ctx, "application_fee", p, "/v1/application_fees", (o) => !p.charge || idOf(o.charge) === p.charge);
  }),
  route(
    "GET",
    "/v1/application_fees/:id",
    {},
    (ctx, _p, { id }) => ctx.app.store.need("application_fee", id, ctx.scope).obj,
  ),
  // Refunding (part of) an application fee moves it back from the platform to the connected account
  // (the ledger reads its fee_refunds). Platform only, like the fee itself.
  route("POST", "/v1/application_fees/:id/refunds", { amount: int({ min: 1 }), metadata: meta() }, (ctx, p, { id }) => {
    const fee = ctx.app.store.need("application_fee", id, ctx.scope);
    const remaining = fee.obj.amount - fee.obj.amount_refunded;
    const amount = p.amount ?? remaining;
    if (amount > remaining)
      throw invalidRequest(`Refund amount (${amount}) is greater than unrefunded amount on fee (${remaining})`, {
        param: "amount",
      });
    const refund = recordFeeRefund(fee.obj, amount, ctx.app.clock.now(), mergeMetadata({}, p.metadata));
    emit({ ...ctx, scope: null }, "application_fee.refunded", fee.obj);
    return refund;
  }),
  route("GET", "/v1/balance", {}, (ctx) => computeBalance(ctx.app, ctx.scope)),
];
