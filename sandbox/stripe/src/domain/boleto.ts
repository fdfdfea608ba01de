/**
 * Boleto (Brazil, BRL), as Stripe documents it: confirming with a boleto PaymentMethod (name,
 * email, address and the buyer's CPF/CNPJ) leaves the PaymentIntent in `requires_action` with
 * `next_action.boleto_display_details` (number, hosted voucher, PDF, expires_at: 23:59 São Paulo
 * time, `expires_after_days` calendar days later, 3 by default). The buyer pays at a bank; Stripe
 * learns it the next business day and the PaymentIntent succeeds. Unpaid past expires_at, the
 * attempt fails (`payment_intent.payment_failed`) and the PaymentIntent asks for a new method.
 *
 * The emulator's clock drives it: `POST /_emulator/payment_intents/:id/pay_boleto` records the
 * buyer's payment; the next clock advance of a day or more settles it (or `settle: "now"`).
 */
import type Stripe from "stripe";
import type { EmulatorApp } from "../app";
import { systemCtx, type Ctx } from "../context";
import { invalidRequest } from "../errors";
import { emit } from "../events";
import { emptyAddress } from "../factories/common";
import { randomInt } from "node:crypto";
import { newId } from "../ids";
import type { Rec } from "../store";
import { settlePayment } from "./payments";

const DAY = 86400;
const SAO_PAULO_OFFSET = -3 * 3600;
export const DEFAULT_EXPIRES_AFTER_DAYS = 3;

export type BoletoInput = {
  tax_id?: string;
  billing: {
    name?: string | null;
    email?: string | null;
    address?: {
      line1?: string;
      line2?: string;
      city?: string;
      state?: string;
      postal_code?: string;
      country?: string;
    };
  };
};

const need = (ok: unknown, message: string, param: string) => {
  if (!ok) throw invalidRequest(message, { param, code: "parameter_missing" });
};

/** Creates the boleto PaymentMethod after Stripe's checks on the buyer's details. */
export function createBoletoPaymentMethod(ctx: Ctx, input: BoletoInput, prefix: string): Rec<"payment_method"> {
  const b = input.billing;
  need(b.name, "Boleto requires the customer's name.", `${prefix}[billing_details][name]`);
  need(b.email, "Boleto requires the customer's email.", `${prefix}[billing_details][email]`);
  const a = b.address;
  for (const k of ["line1", "city", "state", "postal_code", "country"] as const)
    need(a?.[k], "Boleto requires the customer's full address.", `${prefix}[billing_details][address][${k}]`);
  const taxId = (input.tax_id ?? "").replace(/\D/g, "");
  if (taxId.length !== 11 && taxId.length !== 14)
    throw invalidRequest("The tax_id must be a CPF (11 digits) or a CNPJ (14 digits).", {
      param: `${prefix}[boleto][tax_id]`,
      code: "parameter_invalid_string",
    });
  const obj: Stripe.PaymentMethod = {
    id: newId("pm"),
    object: "payment_method",
    allow_redisplay: "unspecified",
    billing_details: {
      address: { ...emptyAddress(), ...a },
      email: b.email ?? null,
      name: b.name ?? null,
      phone: null,
      tax_id: null,
    },
    boleto: { tax_id: taxId },
    created: ctx.app.clock.now(),
    customer: null,
    customer_account: null,
    livemode: false,
    metadata: {},
    type: "boleto",
  };
  return ctx.app.store.insert("payment_method", ctx.scope, obj, { card: "" });
}

/** 23:59:59 in São Paulo, `days` calendar days after `now`. */
export function boletoExpiry(now: number, days: number): number {
  const local = now + SAO_PAULO_OFFSET + days * DAY;
  const endOfDay = Math.floor(local / DAY) * DAY + DAY - 1;
  return endOfDay - SAO_PAULO_OFFSET;
}

/** A 47-digit "linha digitável" (test data: shaped like one, not a valid bank slip); ends with the amount. */
function boletoNumber(amount: number): string {
  const digits = Array.from({ length: 37 }, () => randomInt(10)).join("");
  return `${digits}${String(amount).padStart(10, "0").slice(-10)}`;
}

/** Confirmation with a boleto: the voucher is issued and the PaymentIntent waits for the payment. */
export function issueBoleto(ctx: Ctx, pi: Rec<"payment_intent">, pm: Rec<"payment_method">): void {
  if (!pi.obj.payment_method_types.includes("boleto"))
    throw invalidRequest(
      "The PaymentMethod provided (boleto) is not allowed for this PaymentIntent. Add boleto to allowed_payment_method_types.",
      { param: "payment_method", code: "payment_intent_incompatible_payment_method" },
    );
  if (pi.obj.currency !== "brl")
    throw invalidRequest("Boleto payments must be in BRL.", {
      param: "currency",
      code: "payment_intent_invalid_parameter",
    });
  const now = ctx.app.clock.now();
  const days = pi.obj.payment_method_options?.boleto?.expires_after_days ?? DEFAULT_EXPIRES_AFTER_DAYS;
  const url = ctx.app.url(`/boleto/${pi.id}`);
  pi.obj.payment_method = pm.id;
  pi.obj.last_payment_error = null;
  pi.obj.status = "requires_action";
  pi.obj.next_action = {
    type: "boleto_display_details",
    boleto_display_details: {
      number: boletoNumber(pi.obj.amount),
      hosted_voucher_url: url,
      pdf: `${url}/pdf`,
      expires_at: boletoExpiry(now, days),
    },
  };
  pi.x.boleto = { paidAt: null };
  emit(ctx, "payment_intent.requires_action", pi.obj);
}

function isOpenBoleto(pi: Rec<"payment_intent">): boolean {
  return pi.obj.status === "requires_action" && pi.obj.next_action?.type === "boleto_display_details";
}

/** The buyer pays the voucher at a bank (test control); `now` settles at once instead of next day. */
export function payBoleto(app: EmulatorApp, pi: Rec<"payment_intent">, settle: "next_day" | "now"): void {
  if (!isOpenBoleto(pi) || !pi.x.boleto)
    throw invalidRequest(`This PaymentIntent has no open boleto (status: ${pi.obj.status}).`, {
      code: "payment_intent_unexpected_state",
    });
  pi.x.boleto.paidAt = app.clock.now();
  if (settle === "now") settleBoleto(app, pi);
}

function settleBoleto(app: EmulatorApp, pi: Rec<"payment_intent">): void {
  const ctx = systemCtx(app, pi.scope);
  const pm = ctx.app.store.need("payment_method", String(pi.obj.payment_method), pi.scope);
  settlePayment(ctx, pi, pm);
}

/** On every clock step: paid vouchers settle a day after payment; unpaid ones expire. */
export function processBoletos(app: EmulatorApp): void {
  const now = app.clock.now();
  for (const pi of app.store.list("payment_intent", "*", isOpenBoleto).reverse()) {
    const paidAt = pi.x.boleto?.paidAt;
    if (paidAt != null) {
      if (now - paidAt >= DAY) settleBoleto(app, pi);
      continue;
    }
    const expiresAt = pi.obj.next_action?.boleto_display_details?.expires_at ?? Number.POSITIVE_INFINITY;
    if (now <= expiresAt) continue;
    const ctx = systemCtx(app, pi.scope);
    const pm = ctx.app.store.get("payment_method", String(pi.obj.payment_method), pi.scope);
    pi.obj.status = "requires_payment_method";
    pi.obj.next_action = null;
    pi.obj.payment_method = null;
    pi.obj.last_payment_error = {
      type: "invalid_request_error",
      code: "payment_intent_payment_attempt_expired",
      message: "The boleto expired before it was paid.",
      doc_url: "https://stripe.com/docs/error-codes/payment-intent-payment-attempt-expired",
      ...(pm ? { payment_method: structuredClone(pm.obj) } : {}),
    };
    pi.x.boleto = undefined;
    emit(ctx, "payment_intent.payment_failed", pi.obj);
  }
}
