import type { Locale } from "@/lib/i18n/config";
import type { TranslateFn } from "@/lib/i18n/translate";
import { formatMoney, parseAmount } from "@/lib/money";

export const CURRENCIES = ["BRL", "USD", "EUR"] as const;
export type Currency = (typeof CURRENCIES)[number];

/** One price row as typed: strings until submit, so nothing is rounded while the seller types. */
export type PriceDraft = {
  key: string;
  amount: string;
  currency: Currency;
  type: "one_time" | "recurring";
  interval: "month" | "year";
  trialDays: string;
};
export type PriceField = "amount" | "currency" | "type" | "interval" | "trialDays";
export type PriceErrors = Partial<Record<PriceField, string>>;
export type PriceInputBody = {
  unitAmount: number;
  currency: Currency;
  type: "one_time" | "recurring";
  interval?: "month" | "year";
  trialDays?: number;
};

const MIN_MINOR = 50;
const MAX_MINOR = 99_999_999;

let counter = 0;
export function emptyDraft(currency: string): PriceDraft {
  const c = (CURRENCIES as readonly string[]).includes(currency) ? (currency as Currency) : "BRL";
  return { key: `p${++counter}`, amount: "", currency: c, type: "one_time", interval: "month", trialDays: "" };
}

/** Checks one row in the seller's language and builds the API body (integer minor units). */
export function readDraft(
  t: TranslateFn,
  locale: Locale,
  d: PriceDraft,
): { errors: PriceErrors; body?: PriceInputBody } {
  const errors: PriceErrors = {};
  const parsed = parseAmount(d.amount, d.currency, locale);
  const example = locale === "pt-BR" ? "89,90" : "89.90";
  if (!parsed.ok) {
    errors.amount =
      parsed.reason === "empty"
        ? t("catalog.validation.amountRequired")
        : parsed.reason === "decimals"
          ? t("catalog.validation.amountDecimals", { digits: 2 })
          : t("catalog.validation.amountFormat", { example });
  } else if (parsed.minor < MIN_MINOR)
    errors.amount = t("catalog.validation.amountMin", { min: formatMoney(MIN_MINOR, d.currency, locale) });
  else if (parsed.minor > MAX_MINOR)
    errors.amount = t("catalog.validation.amountMax", { max: formatMoney(MAX_MINOR, d.currency, locale) });
  let trialDays: number | undefined;
  if (d.type === "recurring" && d.trialDays.trim()) {
    const n = /^\d+$/.test(d.trialDays.trim()) ? Number(d.trialDays.trim()) : NaN;
    if (!(n >= 1 && n <= 730)) errors.trialDays = t("catalog.validation.trialDays");
    else trialDays = n;
  }
  if (Object.keys(errors).length || !parsed.ok) return { errors };
  const body: PriceInputBody = { unitAmount: parsed.minor, currency: d.currency, type: d.type };
  if (d.type === "recurring") {
    body.interval = d.interval;
    if (trialDays) body.trialDays = trialDays;
  }
  return { errors, body };
}

const API_FIELDS: Record<string, PriceField> = {
  unitAmount: "amount",
  currency: "currency",
  type: "type",
  interval: "interval",
  trialDays: "trialDays",
};

/** "prices.1.unitAmount" → { row: 1, field: "amount" }; "unitAmount" (single price endpoint) → row 0. */
export function priceParam(param: string | undefined): { row: number; field: PriceField } | null {
  const m = param ? /^(?:prices\.(\d+)\.)?(\w+)$/.exec(param) : null;
  const field = m ? API_FIELDS[m[2]!] : undefined;
  return m && field ? { row: Number(m[1] ?? 0), field } : null;
}

/** The API message without its "prices.0.unitAmount: " prefix. */
export function stripParam(message: string): string {
  return message.replace(/^[\w.]+: /, "");
}
