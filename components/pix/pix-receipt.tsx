"use client";
import { useI18n } from "@/lib/i18n/client";
import { ReceiptPdfLink } from "@/components/buyer/receipt-pdf-link";
import type { PublicPixCharge } from "./types";

type ReceiptCharge = Pick<
  PublicPixCharge,
  "storeName" | "amountCentavos" | "description" | "paidAt" | "endToEndId" | "receiptPdfUrl"
>;

/** A paid PIX charge's receipt on the buyer's page: who was paid, for what, how much, when, the bank's E2E id, the PDF. */
export function PixReceipt({ charge }: { charge: ReceiptCharge }) {
  const { t, money, dateTime } = useI18n();
  return (
    <section className="flex w-full flex-col gap-3" data-testid="pix-receipt" aria-label={t("buyer.receipt.title")}>
      <dl className="grid grid-cols-2 gap-x-4 gap-y-2 rounded-lg border border-line bg-surface-sunken p-4 text-left text-sm">
        <dt className="text-ink-muted">{t("buyer.receipt.store")}</dt>
        <dd className="text-right font-medium break-words">{charge.storeName}</dd>
        {charge.description && (
          <>
            <dt className="text-ink-muted">{t("buyer.product")}</dt>
            <dd className="text-right font-medium break-words">{charge.description}</dd>
          </>
        )}
        <dt className="text-ink-muted">{t("buyer.amount")}</dt>
        <dd className="text-right font-medium tabular-nums" data-testid="pix-receipt-amount">
          {money(charge.amountCentavos, "BRL")}
        </dd>
        <dt className="text-ink-muted">{t("buyer.receipt.method")}</dt>
        <dd className="text-right">PIX</dd>
        {charge.paidAt && (
          <>
            <dt className="text-ink-muted">{t("buyer.paidAt")}</dt>
            <dd className="text-right">{dateTime(charge.paidAt)}</dd>
          </>
        )}
        {charge.endToEndId && (
          // 32 characters: its own full-width line under its label, so it never squeezes the columns.
          <>
            <dt className="col-span-2 mt-1 border-t border-line pt-3 text-ink-muted">
              {t("buyer.receipt.endToEndId")}
            </dt>
            <dd className="col-span-2 font-mono text-xs leading-5 break-all" data-testid="pix-receipt-e2e">
              {charge.endToEndId}
            </dd>
          </>
        )}
      </dl>
      {charge.receiptPdfUrl && <ReceiptPdfLink href={charge.receiptPdfUrl} />}
    </section>
  );
}
