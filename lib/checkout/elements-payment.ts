// The buyer's side of an Elements payment after the page has loaded: the PaymentIntent exists (a
// draft order nobody sees yet), and the buyer now pays by card — at once or in installments — or
// asks for a boleto. Every step proves the buyer holds the PaymentIntent's client secret, re-reads
// the PaymentIntent from Stripe, and decides on the server what is allowed (plans, caps, methods).
import "server-only";
import { timingSafeEqual } from "node:crypto";
import type Stripe from "stripe";
import { z } from "zod";
import { appendAudit, type AuditContext } from "@/lib/audit/log";
import { prisma } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { logger } from "@/lib/log/logger";
import { enqueueBoletoIssuedEmail } from "@/lib/notifications/boleto-notice";
import { getStripe, onAccount } from "@/lib/stripe/client";
import { callStripe } from "@/lib/stripe/errors";
import { validateTaxId } from "@/lib/tax-id";
import { boletoOffered } from "./boleto";
import { allowedInstallments, type InstallmentOption, installmentsOffered } from "./installments";

const OPEN_FOR_ATTEMPT = ["requires_payment_method", "requires_confirmation"];

function sameSecret(a: string, b: string | null): boolean {
  if (!b) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The order and its PaymentIntent behind a client secret; anything else is a 404. */
async function openPayment(clientSecret: string) {
  const paymentIntentId = clientSecret.split("_secret_")[0] ?? "";
  const order = await prisma.order.findFirst({
    where: { paymentIntentId, channel: "ELEMENTS" },
    include: {
      store: { select: { installmentsMaxCount: true, installmentsMinAmount: true } },
      price: { select: { product: { select: { name: true } } } },
    },
  });
  if (!order) throw notFound("PaymentIntent");
  const account = await prisma.stripeAccount.findUnique({
    where: { accountId: order.stripeAccountId },
    select: { country: true },
  });
  const opts = onAccount(order.stripeAccountId);
  const pi = await callStripe(() => getStripe().paymentIntents.retrieve(paymentIntentId, undefined, opts));
  if (!sameSecret(clientSecret, pi.client_secret)) throw notFound("PaymentIntent");
  return { order, pi, opts, accountCountry: account?.country ?? "" };
}

type Open = Awaited<ReturnType<typeof openPayment>>;

function assertOpen({ order, pi }: Open) {
  if ((order.status !== "PENDING" && order.status !== "FAILED") || !OPEN_FOR_ATTEMPT.includes(pi.status))
    throw new AppError("payment_not_open", "This payment is no longer open for a new attempt.");
}

/** The order's first submission: from now on it is a real attempt and lists for the seller. */
async function markSubmitted(
  order: Open["order"],
  data: { paymentMethodType: "card" | "boleto"; installmentsCount?: number | null } & Record<string, unknown>,
  audit: AuditContext,
) {
  await prisma.$transaction(async (tx) => {
    await tx.order.update({ where: { id: order.id }, data: { submittedAt: order.submittedAt ?? new Date(), ...data } });
    if (!order.submittedAt)
      await appendAudit(tx, audit, {
        action: "order.submitted",
        storeId: order.storeId,
        target: { type: "order", id: order.id },
        after: { paymentMethodType: data.paymentMethodType, installmentsCount: data.installmentsCount ?? null },
      });
  });
}

export const SubmitInput = z.strictObject({ clientSecret: z.string().min(10).max(300) });

/** The buyer pressed "pay" (card at once, confirmed by Stripe.js): the draft becomes an attempt. */
export async function submitCardPayment(input: z.infer<typeof SubmitInput>, audit: AuditContext) {
  const open = await openPayment(input.clientSecret);
  assertOpen(open);
  await markSubmitted(open.order, { paymentMethodType: "card", installmentsCount: null }, audit);
  return { orderId: open.order.id };
}

export const InstallmentPlansInput = z.strictObject({
  clientSecret: z.string().min(10).max(300),
  paymentMethod: z.string().regex(/^pm_[A-Za-z0-9_]+$/, "A PaymentMethod id (pm_…)."),
});

function plansOf(open: Open, pi: Stripe.PaymentIntent): InstallmentOption[] {
  if (!installmentsOffered(open.accountCountry, open.order.currency)) return [];
  return allowedInstallments(pi.payment_method_options?.card?.installments?.available_plans, pi.amount, {
    maxCount: open.order.store.installmentsMaxCount,
    minAmount: open.order.store.installmentsMinAmount,
  });
}

/**
 * The card the buyer typed (a PaymentMethod made by Stripe.js) is attached to the PaymentIntent;
 * Stripe answers with the plans that card can use, and the store's caps narrow them.
 */
export async function installmentPlansFor(input: z.infer<typeof InstallmentPlansInput>) {
  const open = await openPayment(input.clientSecret);
  assertOpen(open);
  const pi = await callStripe(() =>
    getStripe().paymentIntents.update(open.pi.id, { payment_method: input.paymentMethod }, open.opts),
  );
  return { amount: pi.amount, currency: open.order.currency, plans: plansOf(open, pi) };
}

export const ConfirmCardInput = z.strictObject({
  clientSecret: z.string().min(10).max(300),
  paymentMethod: z.string().regex(/^pm_[A-Za-z0-9_]+$/),
  /** 1 or null: at once; otherwise one of the plans offered (checked again here). */
  installments: z.number().int().min(1).max(48).nullable(),
  returnUrl: z.url().max(2000),
});

export type CardOutcome =
  | { status: "succeeded" | "processing"; orderId: string }
  | { status: "requires_action"; orderId: string; clientSecret: string }
  | { status: "declined"; orderId: string; code: string; declineCode: string | null; message: string };

/** Confirms the card with the chosen plan; a plan the card or the store does not offer is refused. */
export async function confirmCardPayment(
  input: z.infer<typeof ConfirmCardInput>,
  audit: AuditContext,
): Promise<CardOutcome> {
  const open = await openPayment(input.clientSecret);
  assertOpen(open);
  const count = input.installments && input.installments > 1 ? input.installments : null;
  let plan: Stripe.PaymentIntentConfirmParams.PaymentMethodOptions.Card.Installments.Plan | undefined;
  if (count) {
    const pi = await callStripe(() =>
      getStripe().paymentIntents.update(open.pi.id, { payment_method: input.paymentMethod }, open.opts),
    );
    if (!plansOf(open, pi).some((p) => p.count === count))
      throw new AppError("installment_plan_not_allowed", `Paying in ${count} installments is not offered here.`, {
        param: "installments",
      });
    plan = { type: "fixed_count", count, interval: "month" };
  }
  await markSubmitted(open.order, { paymentMethodType: "card", installmentsCount: count }, audit);
  const orderId = open.order.id;
  try {
    const pi = await getStripe().paymentIntents.confirm(
      open.pi.id,
      {
        payment_method: input.paymentMethod,
        return_url: input.returnUrl,
        ...(plan ? { payment_method_options: { card: { installments: { plan } } } } : {}),
      },
      open.opts,
    );
    if (pi.status === "requires_action")
      return { status: "requires_action", orderId, clientSecret: input.clientSecret };
    return { status: pi.status === "succeeded" ? "succeeded" : "processing", orderId };
  } catch (err) {
    const e = err as Stripe.errors.StripeError;
    if (e?.type === "StripeCardError")
      return {
        status: "declined",
        orderId,
        code: e.code ?? "card_declined",
        declineCode: e.decline_code ?? null,
        message: e.message,
      };
    return callStripe(() => Promise.reject(err));
  }
}

export const BoletoInput = z.strictObject({
  clientSecret: z.string().min(10).max(300),
  name: z.string().trim().min(3, "Full name, as on the CPF.").max(120),
  email: z.string().trim().toLowerCase().pipe(z.email()),
  taxId: z.string().trim().min(11).max(20),
  address: z.strictObject({
    line1: z.string().trim().min(3).max(200),
    line2: z.string().trim().max(200).optional(),
    city: z.string().trim().min(2).max(100),
    state: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, "Two-letter state (UF), e.g. SP."),
    postalCode: z
      .string()
      .trim()
      .transform((v) => v.replace(/\D/g, ""))
      .pipe(z.string().length(8, "CEP has 8 digits.")),
  }),
});

export type BoletoVoucher = { orderId: string; number: string; url: string; pdf: string | null; expiresAt: string };

/** Issues the boleto on the order's PaymentIntent; the order awaits payment until Stripe says paid or expired. */
export async function issueBoleto(input: z.infer<typeof BoletoInput>, audit: AuditContext): Promise<BoletoVoucher> {
  const tax = validateTaxId(input.taxId);
  if (!tax.ok || tax.type === "other")
    throw new AppError("invalid_cpf", "Enter a valid CPF or CNPJ.", { param: "taxId" });
  const open = await openPayment(input.clientSecret);
  if (!boletoOffered(open.accountCountry, open.order.currency) || !open.pi.payment_method_types.includes("boleto"))
    throw new AppError("boleto_not_available", "Boleto is available only for Brazilian stores selling in BRL.");
  const existing = open.pi.next_action?.boleto_display_details;
  if (open.pi.status === "requires_action" && existing?.number) {
    // A repeat (or a retry after a failure between Stripe and us): the same voucher, emailed once.
    await emailVoucher(open.order.id);
    return voucherOf(open.order.id, existing);
  }
  assertOpen(open);
  const pi = await callStripe(() =>
    getStripe().paymentIntents.confirm(
      open.pi.id,
      {
        payment_method_data: {
          type: "boleto",
          boleto: { tax_id: tax.value },
          billing_details: {
            name: input.name,
            email: input.email,
            address: {
              line1: input.address.line1,
              ...(input.address.line2 ? { line2: input.address.line2 } : {}),
              city: input.address.city,
              state: input.address.state,
              postal_code: input.address.postalCode,
              country: "BR",
            },
          },
        },
      },
      open.opts,
    ),
  );
  const details = pi.next_action?.boleto_display_details;
  if (!details?.number || !details.hosted_voucher_url || !details.expires_at)
    throw new AppError("stripe_error", "The boleto could not be issued. Try again.");
  await markSubmitted(
    open.order,
    {
      paymentMethodType: "boleto",
      installmentsCount: null,
      boletoNumber: details.number,
      boletoUrl: details.hosted_voucher_url,
      boletoExpiresAt: new Date(details.expires_at * 1000),
      ...(open.order.customerEmail ? {} : { customerEmail: input.email }),
    },
    audit,
  );
  await emailVoucher(open.order.id);
  return voucherOf(open.order.id, details);
}

/** The voucher email (once per order); a failure to queue it never hides the voucher from the page. */
async function emailVoucher(orderId: string) {
  try {
    await enqueueBoletoIssuedEmail(orderId);
  } catch (err) {
    logger.error({ err, orderId }, "boleto: the voucher email could not be queued");
  }
}

function voucherOf(orderId: string, d: Stripe.PaymentIntent.NextAction.BoletoDisplayDetails): BoletoVoucher {
  return {
    orderId,
    number: d.number ?? "",
    url: d.hosted_voucher_url ?? "",
    pdf: d.pdf ?? null,
    expiresAt: new Date((d.expires_at ?? 0) * 1000).toISOString(),
  };
}
