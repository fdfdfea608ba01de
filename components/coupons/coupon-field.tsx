"use client";
// "Cupom de desconto" on the Elements pay page: the buyer's code goes to the server, which re-prices
// the PaymentIntent (amount and fee); the buyer sees the new total before paying. Nothing is priced
// in the browser.
import { useState } from "react";
import { useI18n } from "@/lib/i18n/client";
import { apiFetch } from "@/components/api-client";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { couponErrorText } from "./text";

export type PricedPayment = {
  amountSubtotal: number;
  amountOff: number;
  amount: number;
  currency: string;
  code: string | null;
};

export type CouponFieldProps = {
  clientSecret: string;
  currency: string;
  /** The payment as the server priced it (a reload keeps the code applied). */
  initial: PricedPayment;
  onPriced: (payment: PricedPayment) => void | Promise<void>;
  disabled?: boolean;
};

export function CouponField({ clientSecret, currency, initial, onPriced, disabled }: CouponFieldProps) {
  const { t, money } = useI18n();
  const [priced, setPriced] = useState<PricedPayment>(initial);
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function send(next: string | null) {
    setPending(true);
    setError(null);
    try {
      const { payment } = await apiFetch<{ payment: PricedPayment }>("/api/public/payment-intents/coupon", {
        method: "POST",
        body: { clientSecret, code: next },
      });
      setPriced(payment);
      setCode("");
      await onPriced(payment);
    } catch (err) {
      setError(couponErrorText(err, t, money, currency));
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="space-y-3" data-testid="coupon-field">
      {priced.code ? (
        <div className="flex items-center justify-between gap-3 rounded-lg border border-brand-200 bg-brand-50 px-3 py-2">
          <span className="text-sm text-brand-800" role="status">
            {t("coupons.field.applied", { code: priced.code })}
          </span>
          <Button size="sm" variant="ghost" onClick={() => void send(null)} loading={pending} disabled={disabled}>
            {t("coupons.field.remove")}
          </Button>
        </div>
      ) : (
        <div>
          <label htmlFor="coupon-code" className="mb-1.5 block text-sm font-medium text-ink">
            {t("coupons.field.label")}
          </label>
          <div className="flex gap-2">
            <Input
              id="coupon-code"
              value={code}
              onChange={(e) => setCode(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === "Enter") {
                  e.preventDefault();
                  if (code.trim()) void send(code.trim());
                }
              }}
              placeholder={t("coupons.field.placeholder")}
              maxLength={40}
              autoComplete="off"
              className="font-mono uppercase"
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? "coupon-error" : undefined}
            />
            <Button
              variant="secondary"
              onClick={() => void send(code.trim())}
              loading={pending}
              disabled={disabled || !code.trim()}
            >
              {t("coupons.field.apply")}
            </Button>
          </div>
          {error && (
            <p id="coupon-error" className="mt-1.5 text-sm text-danger-ink" role="alert">
              {error}
            </p>
          )}
        </div>
      )}
      {priced.amountOff > 0 && (
        <dl className="space-y-1 text-sm">
          <div className="flex justify-between text-ink-muted">
            <dt>{t("coupons.field.subtotal")}</dt>
            <dd className="tabular-nums">{money(priced.amountSubtotal, priced.currency)}</dd>
          </div>
          <div className="flex justify-between text-brand-800">
            <dt>{t("coupons.field.discount")}</dt>
            <dd className="tabular-nums">−{money(priced.amountOff, priced.currency)}</dd>
          </div>
          <div className="flex justify-between font-medium text-ink">
            <dt>{t("coupons.field.total")}</dt>
            <dd className="tabular-nums" data-testid="coupon-total">
              {money(priced.amount, priced.currency)}
            </dd>
          </div>
        </dl>
      )}
    </div>
  );
}
