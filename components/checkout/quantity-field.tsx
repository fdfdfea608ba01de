"use client";
// How many the buyer takes, up to the product's limit: each change goes to the server, which
// re-prices the payment (with the store code it holds); the page shows the server's total.
import { useState } from "react";
import { useI18n } from "@/lib/i18n/client";
import { apiFetch, ApiError } from "@/components/api-client";
import { Button } from "@/components/ui/button";
import type { PricedPayment } from "@/components/coupons/coupon-field";

export type QuantityFieldProps = {
  clientSecret: string;
  max: number;
  value: number;
  onPriced: (payment: PricedPayment & { quantity: number }) => void | Promise<void>;
  disabled?: boolean;
};

export function QuantityField({ clientSecret, max, value, onPriced, disabled }: QuantityFieldProps) {
  const { t } = useI18n();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function change(next: number) {
    if (next < 1 || next > max || next === value) return;
    setPending(true);
    setError(null);
    try {
      const { payment } = await apiFetch<{ payment: PricedPayment & { quantity: number } }>(
        "/api/public/payment-intents/quantity",
        { method: "POST", body: { clientSecret, quantity: next } },
      );
      await onPriced(payment);
    } catch (err) {
      setError(
        err instanceof ApiError && err.code === "quantity_above_limit"
          ? t("oneLink.quantity.aboveLimit", { max })
          : err instanceof Error
            ? err.message
            : t("common.declines.generic"),
      );
    } finally {
      setPending(false);
    }
  }

  return (
    <fieldset data-testid="quantity-field">
      <legend className="mb-1.5 block text-sm font-medium text-ink">{t("oneLink.quantity.label")}</legend>
      <div className="flex items-center gap-2">
        <Button
          variant="secondary"
          size="sm"
          aria-label={t("oneLink.quantity.less")}
          onClick={() => void change(value - 1)}
          disabled={disabled || pending || value <= 1}
        >
          −
        </Button>
        <output
          className="w-10 text-center text-base font-medium tabular-nums"
          aria-live="polite"
          data-testid="quantity"
        >
          {value}
        </output>
        <Button
          variant="secondary"
          size="sm"
          aria-label={t("oneLink.quantity.more")}
          onClick={() => void change(value + 1)}
          disabled={disabled || pending || value >= max}
        >
          +
        </Button>
        <span className="text-xs text-ink-subtle">{t("oneLink.quantity.max", { max })}</span>
      </div>
      {error && (
        <p className="mt-1.5 text-sm text-danger-ink" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
