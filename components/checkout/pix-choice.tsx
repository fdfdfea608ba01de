"use client";
// PIX on a price's buy link: the server creates the charge for this page view (unit × quantity −
// code, priced there), then the buyer goes to the PIX page, which shows the QR code and asks for
// CPF etc. only when the store's gateway needs it.
import { useRef, useState } from "react";
import { useI18n } from "@/lib/i18n/client";
import { apiFetch, ApiError, newIdempotencyKey } from "@/components/api-client";
import { Button } from "@/components/ui/button";

export type PixChoiceProps = {
  priceId: string;
  quantity: number;
  code: string | null;
  amount: number;
  currency: string;
};

export function PixChoice({ priceId, quantity, code, amount, currency }: PixChoiceProps) {
  const { t, money } = useI18n();
  // One key per page view: a double click or a retry gets the same charge (the server adds quantity and code).
  const viewKey = useRef<string | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function start() {
    viewKey.current ??= newIdempotencyKey();
    setPending(true);
    setError(null);
    try {
      const { charge } = await apiFetch<{ charge: { payPath: string } }>("/api/public/pix/price-charges", {
        method: "POST",
        body: { priceId, quantity, code },
        idempotencyKey: viewKey.current,
      });
      window.location.assign(charge.payPath);
    } catch (err) {
      setPending(false);
      setError(
        err instanceof ApiError && (err.code === "pix_not_available" || err.code === "all_gateways_failed")
          ? t("oneLink.pix.unavailable")
          : err instanceof Error
            ? err.message
            : t("common.declines.generic"),
      );
    }
  }

  return (
    <div className="space-y-4" data-testid="pix-choice">
      <p className="text-sm text-ink-muted">{t("oneLink.pix.body")}</p>
      <div className="flex items-baseline justify-between border-t border-line pt-3">
        <span className="text-sm text-ink-muted">{t("oneLink.pix.total")}</span>
        <span className="text-lg font-semibold tabular-nums" data-testid="pix-total">
          {money(amount, currency)}
        </span>
      </div>
      <Button className="w-full" size="lg" onClick={() => void start()} loading={pending}>
        {t("oneLink.pix.generate", { amount: money(amount, currency) })}
      </Button>
      <p className="text-xs text-ink-subtle">{t("oneLink.pix.dataNote")}</p>
      {error && (
        <p className="text-sm text-danger-ink" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
