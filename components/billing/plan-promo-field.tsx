"use client";
import { useI18n } from "@/lib/i18n/client";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

/** The promotion code sent with a paid subscription; its refusal is shown here, in the reader's language. */
export function PlanPromoField({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (value: string) => void;
  error: string | null;
}) {
  const { t } = useI18n();
  return (
    <Field
      label={t("billing.promo.label")}
      hint={t("billing.promo.hint")}
      error={error ?? undefined}
      className="max-w-sm"
    >
      <Input
        name="promotion_code"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        placeholder={t("billing.promo.placeholder")}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        maxLength={40}
        data-testid="promo-code"
      />
    </Field>
  );
}
