"use client";
import { useI18n } from "@/lib/i18n/client";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { CURRENCIES, type Currency, type PriceDraft, type PriceErrors } from "./price-draft";

const SYMBOL: Record<Currency, string> = { BRL: "R$", USD: "US$", EUR: "€" };

/** One price: amount in major units as the seller types it, currency, one-off or subscription. */
export function PriceFields({
  draft,
  errors,
  onChange,
  idPrefix,
}: {
  draft: PriceDraft;
  errors: PriceErrors;
  onChange: (next: PriceDraft) => void;
  idPrefix: string;
}) {
  const { t, locale } = useI18n();
  const set = <K extends keyof PriceDraft>(key: K, value: PriceDraft[K]) => onChange({ ...draft, [key]: value });
  return (
    <div className="grid grid-cols-2 gap-4 sm:grid-cols-6">
      <Field
        label={t("catalog.form.amount")}
        error={errors.amount}
        required
        className="sm:col-span-3"
        id={`${idPrefix}-amount`}
      >
        <Input
          inputMode="decimal"
          autoComplete="off"
          placeholder={locale === "pt-BR" ? "89,90" : "89.90"}
          leading={<span className="text-[13px] font-medium">{SYMBOL[draft.currency]}</span>}
          value={draft.amount}
          onChange={(e) => set("amount", e.target.value)}
          maxLength={16}
          className="[&_input]:pl-11"
        />
      </Field>
      <Field
        label={t("catalog.form.currency")}
        error={errors.currency}
        className="sm:col-span-3"
        id={`${idPrefix}-currency`}
      >
        <Select
          value={draft.currency}
          onChange={(e) => set("currency", e.target.value as Currency)}
          options={CURRENCIES.map((c) => ({ value: c, label: c }))}
        />
      </Field>
      <Field
        label={t("catalog.form.type")}
        error={errors.type}
        className={draft.type === "recurring" ? "col-span-2 sm:col-span-2" : "col-span-2 sm:col-span-6"}
        id={`${idPrefix}-type`}
      >
        <Select
          value={draft.type}
          onChange={(e) => set("type", e.target.value as PriceDraft["type"])}
          options={[
            { value: "one_time", label: t("catalog.form.typeOneTime") },
            { value: "recurring", label: t("catalog.form.typeRecurring") },
          ]}
        />
      </Field>
      {draft.type === "recurring" && (
        <>
          <Field
            label={t("catalog.form.interval")}
            error={errors.interval}
            className="sm:col-span-2"
            id={`${idPrefix}-interval`}
          >
            <Select
              value={draft.interval}
              onChange={(e) => set("interval", e.target.value as PriceDraft["interval"])}
              options={[
                { value: "month", label: t("catalog.form.intervalMonth") },
                { value: "year", label: t("catalog.form.intervalYear") },
              ]}
            />
          </Field>
          <Field
            label={t("catalog.form.trialDays")}
            error={errors.trialDays}
            className="sm:col-span-2"
            id={`${idPrefix}-trial`}
          >
            <Input
              inputMode="numeric"
              autoComplete="off"
              placeholder="14"
              value={draft.trialDays}
              onChange={(e) => set("trialDays", e.target.value)}
              maxLength={3}
            />
          </Field>
        </>
      )}
    </div>
  );
}
