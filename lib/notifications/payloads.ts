// What each event carries: the facts its message shows, checked when it is enqueued so a producer
// learns of a missing field at once, not when the job renders the template. Amounts are integer
// minor units with their currency (docs/money.md); times are ISO strings (pass a Date, it is converted).
import { z } from "zod";
import type { NotificationEvent } from "./events";

const minor = z.number().int().min(0);
const currency = z
  .string()
  .regex(/^[A-Za-z]{3}$/, "an ISO 4217 code")
  .transform((c) => c.toUpperCase());
const when = z.union([z.date().transform((d) => d.toISOString()), z.iso.datetime({ offset: true })]);
/** An absolute http(s) URL or a path on the app (`/dashboard/…`). */
const link = z.union([z.url({ protocol: /^https?$/ }), z.string().regex(/^\/[^/\\]/, "a path starting with /")]);
const cut = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);
/** Text is trimmed and cut to `max` rather than refused: a long description must not fail the producer's transaction. */
const text = (max = 200) =>
  z
    .string()
    .trim()
    .min(1)
    .transform((s) => cut(s, max));
/** Optional text: empty or null counts as absent. */
const optText = (max = 200) =>
  z
    .string()
    .nullish()
    .transform((s) => (s?.trim() ? cut(s.trim(), max) : undefined));

/** Fields any event may carry: `url` replaces the event's default link; `storeName` names the store in platform (admin) messages. */
const common = { url: link.optional(), storeName: optText() };

export const PAYLOAD_SCHEMAS = {
  plan_payment_failed: z.object({
    ...common,
    amountMinor: minor,
    currency,
    planName: optText(),
    invoiceNumber: optText(60),
    nextAttemptAt: when.optional(),
    payUrl: link.optional(),
  }),
  dunning_reminder: z.object({
    ...common,
    step: z.number().int().min(1),
    steps: z.number().int().min(1),
    amountMinor: minor,
    currency,
    payUrl: link,
    /** The PIX copia-e-cola (BR Code) for the amount, when there is a PIX alternative. */
    pixCopyPaste: z.string().trim().min(20).max(512).optional(),
    planName: optText(),
    downgradeAt: when.optional(),
  }),
  dunning_downgraded: z.object({
    ...common,
    fromPlanName: text(),
    toPlanName: text(),
    amountMinor: minor.optional(),
    currency: currency.optional(),
  }),
  trial_ending: z.object({
    ...common,
    planName: text(),
    trialEndsAt: when,
    amountMinor: minor.optional(),
    currency: currency.optional(),
  }),
  invoice_issued: z.object({
    ...common,
    invoiceId: text(64),
    number: text(60),
    amountMinor: minor,
    currency,
    dueDate: when.optional(),
    /** Attach the PDF (lib/invoices/pdf.ts renderInvoicePdf) when sending. Default true. */
    attachPdf: z.boolean().default(true),
  }),
  invoice_overdue: z.object({
    ...common,
    invoiceId: text(64),
    number: text(60),
    amountMinor: minor,
    currency,
    dueDate: when,
    payUrl: link.optional(),
    pixCopyPaste: z.string().trim().min(20).max(512).optional(),
  }),
  dunning_recovered: z.object({
    ...common,
    amountMinor: minor,
    currency,
    invoiceNumber: optText(60),
    method: z.enum(["card", "pix", "other"]),
  }),
  order_receipt: z.object({
    ...common,
    invoiceId: text(64),
    number: text(60),
    amountMinor: minor,
    currency,
    paidAt: when,
    method: z.enum(["card", "pix", "boleto", "other"]),
    description: optText(),
  }),
  usage_threshold: z.object({
    ...common,
    resource: text(60),
    threshold: z.union([z.literal(80), z.literal(100)]),
    used: z.number().int().min(0),
    limit: z.number().int().min(0),
    periodStart: when,
  }),
  callback_endpoint_disabled: z.object({
    ...common,
    endpointId: text(64),
    /** Shown without its query string or credentials (see scrub.ts endpointLabel). */
    endpointUrl: text(300),
    reason: z.enum(["failing", "gone"]),
    consecutiveFailures: z.number().int().min(0),
  }),
  dispute_opened: z.object({
    ...common,
    orderId: text(64),
    disputeId: text(64),
    amountMinor: minor,
    currency,
    reason: optText(60),
  }),
  pix_charge_paid: z.object({
    ...common,
    chargeId: text(64),
    amountMinor: minor,
    currency,
    description: optText(200),
    reference: optText(100),
    paidAt: when,
  }),
  password_changed: z.object({ ...common, changedAt: when, ip: optText(64) }),
  test_message: z.object({ ...common, channel: z.enum(["email", "slack"]) }),
  buyer_portal_link: z.object({
    ...common,
    url: z.url({ protocol: /^https?$/ }),
    receiptUrl: z.url({ protocol: /^https?$/ }),
    productName: text(120),
    expiresInMinutes: z.number().int().min(1),
  }),
  boleto_issued: z.object({
    ...common,
    orderId: text(64),
    /** The linha digitável: kept whole (scrub.ts), the buyer types it at their bank. */
    boletoNumber: text(80),
    amountMinor: minor,
    currency,
    expiresAt: when,
    /** Stripe's hosted voucher (barcode, PDF). */
    payUrl: z.url({ protocol: /^https?$/ }),
    description: optText(),
  }),
} satisfies Record<NotificationEvent, z.ZodType>;

export type PayloadOf<E extends NotificationEvent> = z.input<(typeof PAYLOAD_SCHEMAS)[E]>;
export type ParsedPayload<E extends NotificationEvent> = z.output<(typeof PAYLOAD_SCHEMAS)[E]>;

/** Checks a producer's payload; throws naming the event and field (a bug in the producer, not user input). */
export function parsePayload<E extends NotificationEvent>(event: E, payload: unknown): ParsedPayload<E> {
  const result = PAYLOAD_SCHEMAS[event].safeParse(payload);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`notification ${event}: payload.${issue?.path.join(".") || "?"} ${issue?.message ?? "is invalid"}`);
  }
  return result.data as ParsedPayload<E>;
}
