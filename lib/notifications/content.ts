// What each message says, as data: subject, heading, paragraphs, facts, one action, an optional
// PIX code. The email templates and the Slack text both render from this, so they carry the same
// facts in the recipient's language. Pure: no database, no network.
import type { Locale } from "@/lib/i18n/config";
import { formatDate, formatDateTime, formatNumber } from "@/lib/i18n/format";
import { createTranslator, type MessageKey } from "@/lib/i18n/translate";
import { formatMoney } from "@/lib/money";
import { EVENT_DEFINITIONS, type NotificationEvent } from "./events";
import type { ParsedPayload } from "./payloads";

export type Audience = "store" | "platform";

export type MessageContext = {
  locale: Locale;
  /** The store the message is about (null for a platform message with no store named). */
  storeName: string | null;
  audience: Audience;
  /** The app's public URL, without a trailing slash. */
  appUrl: string;
};

export type Fact = { label: string; value: string };
export type Tone = "neutral" | "warning" | "danger" | "success";

export type MessageContent = {
  subject: string;
  /** The inbox preview line. */
  preview: string;
  heading: string;
  paragraphs: string[];
  facts: Fact[];
  action: { label: string; url: string } | null;
  /** A PIX copia-e-cola to pay with, shown as a code block. */
  pix: string | null;
  tone: Tone;
};

type Helpers = {
  t: (key: string, vars?: Record<string, string | number>) => string;
  money: (minor: number, currency: string) => string;
  date: (iso: string) => string;
  utcDate: (iso: string) => string;
  dateTime: (iso: string) => string;
  number: (n: number) => string;
  link: (urlOrPath: string | undefined, fallbackPath: string) => string;
  ctx: MessageContext;
};

type Body = Omit<MessageContent, "subject" | "preview"> & { subject: string; preview?: string };
type Builders = { [E in NotificationEvent]: (p: ParsedPayload<E>, h: Helpers) => Body };

const fact = (label: string, value: string | null | undefined): Fact[] => (value ? [{ label, value }] : []);

const BUILDERS: Builders = {
  plan_payment_failed: (p, h) => {
    const amount = h.money(p.amountMinor, p.currency);
    return {
      tone: "danger",
      subject: h.t("plan_payment_failed.subject"),
      heading: h.t("plan_payment_failed.heading"),
      paragraphs: [h.t("plan_payment_failed.body", { amount })],
      facts: [
        ...fact(h.t("facts.amount"), amount),
        ...fact(h.t("facts.plan"), p.planName),
        ...fact(h.t("facts.invoice"), p.invoiceNumber),
        ...fact(h.t("facts.nextAttempt"), p.nextAttemptAt && h.dateTime(p.nextAttemptAt)),
      ],
      action: { label: h.t("plan_payment_failed.action"), url: h.link(p.payUrl ?? p.url, "/dashboard/plan") },
      pix: null,
    };
  },
  dunning_reminder: (p, h) => {
    const amount = h.money(p.amountMinor, p.currency);
    return {
      tone: p.step >= p.steps ? "danger" : "warning",
      subject: h.t("dunning_reminder.subject", { step: p.step, steps: p.steps }),
      heading: h.t("dunning_reminder.heading"),
      paragraphs: [
        h.t("dunning_reminder.body", { amount }),
        ...(p.step >= p.steps ? [h.t("dunning_reminder.last")] : []),
      ],
      facts: [
        ...fact(h.t("facts.amount"), amount),
        ...fact(h.t("facts.plan"), p.planName),
        ...fact(h.t("facts.step"), h.t("facts.stepValue", { step: p.step, steps: p.steps })),
        ...fact(h.t("facts.downgradeAt"), p.downgradeAt && h.date(p.downgradeAt)),
      ],
      action: { label: h.t("dunning_reminder.action", { amount }), url: h.link(p.payUrl, "/dashboard/plan") },
      pix: p.pixCopyPaste ?? null,
    };
  },
  dunning_downgraded: (p, h) => ({
    tone: "warning",
    subject: h.t("dunning_downgraded.subject", { plan: p.toPlanName }),
    heading: h.t("dunning_downgraded.heading", { plan: p.toPlanName }),
    paragraphs: [
      h.t("dunning_downgraded.body", { from: p.fromPlanName, plan: p.toPlanName }),
      h.t("dunning_downgraded.back"),
    ],
    facts: [
      ...fact(h.t("facts.from"), p.fromPlanName),
      ...fact(h.t("facts.to"), p.toPlanName),
      ...fact(
        h.t("facts.amount"),
        p.amountMinor !== undefined && p.currency ? h.money(p.amountMinor, p.currency) : null,
      ),
    ],
    action: { label: h.t("dunning_downgraded.action"), url: h.link(p.url, "/dashboard/plan") },
    pix: null,
  }),
  trial_ending: (p, h) => {
    const date = h.date(p.trialEndsAt);
    return {
      tone: "neutral",
      subject: h.t("trial_ending.subject", { plan: p.planName, date }),
      heading: h.t("trial_ending.heading"),
      paragraphs: [h.t("trial_ending.body", { plan: p.planName, date })],
      facts: [
        ...fact(h.t("facts.plan"), p.planName),
        ...fact(h.t("facts.trialEnds"), date),
        ...fact(
          h.t("facts.amount"),
          p.amountMinor !== undefined && p.currency ? h.money(p.amountMinor, p.currency) : null,
        ),
      ],
      action: { label: h.t("trial_ending.action"), url: h.link(p.url, "/dashboard/plan") },
      pix: null,
    };
  },
  invoice_issued: (p, h) => {
    const amount = h.money(p.amountMinor, p.currency);
    return {
      tone: "neutral",
      subject: h.t("invoice_issued.subject", { number: p.number }),
      heading: h.t("invoice_issued.heading", { number: p.number }),
      paragraphs: [
        h.t("invoice_issued.body", { number: p.number, amount }),
        ...(p.attachPdf ? [h.t("attachment")] : []),
      ],
      facts: [
        ...fact(h.t("facts.invoice"), p.number),
        ...fact(h.t("facts.amount"), amount),
        ...fact(h.t("facts.dueDate"), p.dueDate && h.date(p.dueDate)),
      ],
      action: { label: h.t("invoice_issued.action"), url: h.link(p.url, "/dashboard/invoices") },
      pix: null,
    };
  },
  invoice_overdue: (p, h) => {
    const amount = h.money(p.amountMinor, p.currency);
    const date = h.date(p.dueDate);
    return {
      tone: "danger",
      subject: h.t("invoice_overdue.subject", { number: p.number }),
      heading: h.t("invoice_overdue.heading", { number: p.number }),
      paragraphs: [h.t("invoice_overdue.body", { number: p.number, amount, date })],
      facts: [
        ...fact(h.t("facts.invoice"), p.number),
        ...fact(h.t("facts.amount"), amount),
        ...fact(h.t("facts.dueDate"), date),
      ],
      action: { label: h.t("invoice_overdue.action"), url: h.link(p.payUrl ?? p.url, "/dashboard/invoices") },
      pix: p.pixCopyPaste ?? null,
    };
  },
  dunning_recovered: (p, h) => {
    const amount = h.money(p.amountMinor, p.currency);
    return {
      tone: "success",
      subject: h.t("dunning_recovered.subject"),
      heading: h.t("dunning_recovered.heading"),
      paragraphs: [h.t("dunning_recovered.body", { amount }), h.t("dunning_recovered.thanks")],
      facts: [
        ...fact(h.t("facts.amount"), amount),
        ...fact(h.t("facts.invoice"), p.invoiceNumber),
        ...fact(h.t("dunning_recovered.method"), h.t(`dunning_recovered.methods.${p.method}`)),
      ],
      action: { label: h.t("dunning_recovered.action"), url: h.link(p.url, "/dashboard/plan") },
      pix: null,
    };
  },
  order_receipt: (p, h) => {
    const amount = h.money(p.amountMinor, p.currency);
    const store = h.ctx.storeName ?? "Vitrine";
    return {
      tone: "success",
      subject: h.t("order_receipt.subject", { store, number: p.number }),
      heading: h.t("order_receipt.heading", { store }),
      paragraphs: [h.t("order_receipt.body", { store, amount }), h.t("order_receipt.attached")],
      facts: [
        ...fact(h.t("order_receipt.number"), p.number),
        ...fact(h.t("facts.description"), p.description),
        ...fact(h.t("facts.amount"), amount),
        ...fact(h.t("facts.paidAt"), h.dateTime(p.paidAt)),
        ...fact(h.t("order_receipt.method"), h.t(`order_receipt.methods.${p.method}`)),
      ],
      action: p.url ? { label: h.t("order_receipt.action"), url: h.link(p.url, "/") } : null,
      pix: null,
    };
  },
  usage_threshold: (p, h) => {
    const resource = resourceName(p.resource, h);
    const level = p.threshold === 100 ? "100" : "80";
    const vars = { resource, used: h.number(p.used), limit: h.number(p.limit) };
    return {
      tone: p.threshold === 100 ? "danger" : "warning",
      subject: h.t(`usage_threshold.subject${level}`, vars),
      heading: h.t(`usage_threshold.heading${level}`, vars),
      paragraphs: [h.t(`usage_threshold.body${level}`, vars)],
      facts: [
        ...fact(h.t("facts.resource"), resource),
        ...fact(h.t("facts.usage"), h.t("facts.usageValue", vars)),
        // Periods are UTC calendar days: shown in UTC, 1 December stays 1 December in São Paulo.
        ...fact(h.t("facts.period"), h.utcDate(p.periodStart)),
      ],
      action: { label: h.t("usage_threshold.action"), url: h.link(p.url, "/dashboard/plan") },
      pix: null,
    };
  },
  callback_endpoint_disabled: (p, h) => ({
    tone: "danger",
    subject: h.t("callback_endpoint_disabled.subject", { endpoint: hostOf(p.endpointUrl) }),
    heading: h.t("callback_endpoint_disabled.heading"),
    paragraphs: [
      p.reason === "gone"
        ? h.t("callback_endpoint_disabled.gone")
        : h.t("callback_endpoint_disabled.failing", { count: h.number(p.consecutiveFailures) }),
    ],
    facts: [
      ...fact(h.t("facts.endpoint"), p.endpointUrl),
      ...fact(h.t("facts.failures"), h.number(p.consecutiveFailures)),
    ],
    action: { label: h.t("callback_endpoint_disabled.action"), url: h.link(p.url, "/dashboard/callbacks") },
    pix: null,
  }),
  dispute_opened: (p, h) => {
    const amount = h.money(p.amountMinor, p.currency);
    const reasonKey = p.reason && `reasons.${p.reason}`;
    const reason = reasonKey && h.t(reasonKey) !== `notifications.email.${reasonKey}` ? h.t(reasonKey) : p.reason;
    return {
      tone: "danger",
      subject: h.t("dispute_opened.subject", { amount }),
      heading: h.t("dispute_opened.heading"),
      paragraphs: [h.t("dispute_opened.body", { amount })],
      facts: [
        ...fact(h.t("facts.amount"), amount),
        ...fact(h.t("facts.reason"), reason),
        ...fact(h.t("facts.order"), p.orderId),
        ...fact(h.t("facts.dispute"), p.disputeId),
      ],
      action: { label: h.t("dispute_opened.action"), url: h.link(p.url, "/dashboard/orders") },
      pix: null,
    };
  },
  pix_charge_paid: (p, h) => {
    const amount = h.money(p.amountMinor, p.currency);
    return {
      tone: "success",
      subject: h.t("pix_charge_paid.subject", { amount }),
      heading: h.t("pix_charge_paid.heading"),
      paragraphs: [h.t("pix_charge_paid.body", { amount })],
      facts: [
        ...fact(h.t("facts.amount"), amount),
        ...fact(h.t("facts.description"), p.description),
        ...fact(h.t("facts.reference"), p.reference),
        ...fact(h.t("facts.paidAt"), h.dateTime(p.paidAt)),
        ...fact(h.t("facts.charge"), p.chargeId),
      ],
      action: { label: h.t("pix_charge_paid.action"), url: h.link(p.url, "/dashboard/pix") },
      pix: null,
    };
  },
  password_changed: (p, h) => ({
    tone: "warning",
    subject: h.t("password_changed.subject"),
    heading: h.t("password_changed.heading"),
    paragraphs: [h.t("password_changed.body"), h.t("password_changed.notYou")],
    facts: [...fact(h.t("facts.changedAt"), h.dateTime(p.changedAt)), ...fact(h.t("facts.ip"), p.ip)],
    action: { label: h.t("password_changed.action"), url: h.link(p.url, "/dashboard/settings") },
    pix: null,
  }),
  buyer_portal_link: (p, h) => ({
    tone: "neutral",
    subject: h.t("buyer_portal_link.subject", { store: h.ctx.storeName ?? "Vitrine" }),
    heading: h.t("buyer_portal_link.heading"),
    paragraphs: [
      h.t("buyer_portal_link.body", { product: p.productName, store: h.ctx.storeName ?? "Vitrine" }),
      h.t("buyer_portal_link.expires", { minutes: p.expiresInMinutes }),
      h.t("buyer_portal_link.notYou"),
    ],
    facts: [],
    action: { label: h.t("buyer_portal_link.action"), url: p.url },
    pix: null,
  }),
  boleto_issued: (p, h) => {
    const amount = h.money(p.amountMinor, p.currency);
    const store = h.ctx.storeName ?? "Vitrine";
    const due = h.date(p.expiresAt);
    return {
      tone: "neutral",
      subject: h.t("boleto_issued.subject", { store }),
      heading: h.t("boleto_issued.heading"),
      paragraphs: [h.t("boleto_issued.body", { store, amount, due }), h.t("boleto_issued.after")],
      facts: [
        ...fact(h.t("facts.description"), p.description),
        ...fact(h.t("facts.amount"), amount),
        ...fact(h.t("boleto_issued.due"), due),
        ...fact(h.t("boleto_issued.number"), p.boletoNumber),
      ],
      action: { label: h.t("boleto_issued.action"), url: p.payUrl },
      pix: null,
    };
  },
  test_message: (p, h) => {
    const channel = p.channel === "slack" ? "Slack" : emailWord(h.ctx.locale);
    return {
      tone: "success",
      subject: h.t("test_message.subject"),
      heading: h.t("test_message.heading"),
      paragraphs: [h.t("test_message.body", { store: h.ctx.storeName ?? "Vitrine", channel })],
      facts: [],
      action: {
        label: h.t("test_message.action"),
        url: h.link(p.url, EVENT_DEFINITIONS.test_message.path),
      },
      pix: null,
    };
  },
};

const emailWord = (locale: Locale) => (locale === "pt-BR" ? "e-mail" : "email");

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function resourceName(resource: string, h: Helpers): string {
  const key = `resources.${resource}`;
  const named = h.t(`__root.${key}`);
  return named.startsWith("notifications.") ? resource.replace(/_/g, " ") : named;
}

function helpers(ctx: MessageContext): Helpers {
  const translate = createTranslator(ctx.locale);
  return {
    ctx,
    // Keys are relative to notifications.email; `__root.` reaches the rest of the namespace.
    t: (key, vars) =>
      translate(
        (key.startsWith("__root.") ? `notifications.${key.slice(7)}` : `notifications.email.${key}`) as MessageKey,
        vars,
      ),
    money: (minor, currency) => formatMoney(minor, currency, ctx.locale),
    date: (iso) => formatDate(iso, ctx.locale),
    utcDate: (iso) => formatDate(iso, ctx.locale, "UTC"),
    dateTime: (iso) => formatDateTime(iso, ctx.locale),
    number: (n) => formatNumber(n, ctx.locale),
    link: (urlOrPath, fallbackPath) => {
      const target = urlOrPath ?? fallbackPath;
      return target.startsWith("/") ? `${ctx.appUrl}${target}` : target;
    },
  };
}

/** The message for one event, payload and recipient context. */
export function buildContent<E extends NotificationEvent>(
  event: E,
  payload: ParsedPayload<E>,
  ctx: MessageContext,
): MessageContent {
  const h = helpers(ctx);
  const body = (BUILDERS[event] as (p: ParsedPayload<E>, h: Helpers) => Body)(payload, h);
  // A platform message names the store it is about in the subject: admins get mail about many.
  const subject = ctx.audience === "platform" && ctx.storeName ? `[${ctx.storeName}] ${body.subject}` : body.subject;
  return { ...body, subject, preview: body.preview ?? body.paragraphs[0] ?? body.heading };
}

/** The preferences page of the app (the footer links to it). */
export function preferencesUrl(ctx: MessageContext): string {
  return `${ctx.appUrl}${ctx.audience === "platform" ? "/admin" : "/dashboard/settings/notifications"}`;
}
