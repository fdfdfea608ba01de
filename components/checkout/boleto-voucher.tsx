"use client";
// The boleto on the receipt page while it waits for payment: the number to copy, a link to the
// voucher and the due date.
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { useI18n } from "@/lib/i18n/client";

export type BoletoView = { state: string; number: string; url: string; expiresAt: string | null };

export function BoletoVoucher({ boleto }: { boleto: BoletoView }) {
  const { t, dateTime } = useI18n();
  return (
    <section
      className="space-y-3 rounded-lg border border-line bg-surface-sunken p-4 text-left"
      data-testid="boleto-voucher"
      aria-labelledby="boleto-title"
    >
      <h2 id="boleto-title" className="text-sm font-semibold text-ink">
        {t("checkout.boleto.title")}
      </h2>
      {boleto.expiresAt && (
        <p className="text-sm text-ink-muted">{t("checkout.boleto.dueBy", { date: dateTime(boleto.expiresAt) })}</p>
      )}
      <div>
        <p className="text-xs text-ink-muted">{t("checkout.boleto.number")}</p>
        <p className="break-all font-mono text-sm leading-6" data-testid="boleto-number">
          {boleto.number}
        </p>
      </div>
      <div className="flex flex-col gap-2 sm:flex-row">
        <CopyButton value={boleto.number} label={t("checkout.boleto.copy")} variant="secondary" />
        <Button href={boleto.url} variant="secondary">
          {t("checkout.boleto.open")}
        </Button>
      </div>
    </section>
  );
}
