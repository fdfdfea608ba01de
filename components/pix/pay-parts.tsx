"use client";
import { useEffect, useState } from "react";
import { useI18n } from "@/lib/i18n/client";
import { AlertTriangleIcon, CheckCircleIcon, InfoIcon, XCircleIcon } from "@/components/ui/icons";
import { buttonClasses } from "@/components/ui/button";
import { PixReceipt } from "./pix-receipt";
import type { PublicPixCharge } from "./types";

// Pieces every state of the buyer's PIX page shares (./pix-payment.tsx, ./buyer-data-form.tsx).

export type PayView = "pending" | "paid" | "expired" | "failed" | "refunded" | "disputed";

/** Seconds left until `expiresAt`, ticking every second; null before the first client render. */
export function useSecondsLeft(expiresAt: string | null): number | null {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  if (!expiresAt || now === null) return null;
  return Math.max(0, Math.floor((new Date(expiresAt).getTime() - now) / 1000));
}

export function clock(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const mm = String(m).padStart(h ? 2 : 1, "0");
  return `${h ? `${h}:` : ""}${mm}:${String(s).padStart(2, "0")}`;
}

/** Payment to {store}, the amount and the description: the top of every state of the page. */
export function PayHeader({
  charge,
}: {
  charge: Pick<PublicPixCharge, "storeName" | "amountCentavos" | "description">;
}) {
  const { t, money } = useI18n();
  return (
    <div className="flex flex-col items-center gap-1 text-center">
      <p className="text-sm text-ink-muted">{t("pix.pay.payTo", { store: charge.storeName })}</p>
      <p className="text-3xl font-semibold tracking-tight tabular-nums" data-testid="pix-pay-amount">
        {money(charge.amountCentavos, "BRL")}
      </p>
      {charge.description && <p className="max-w-xs text-[13px] text-ink-subtle">{charge.description}</p>}
    </div>
  );
}

/** A charge that is no longer payable: paid, expired, failed, refunded or disputed. */
export function SettledPayment({
  charge,
  view,
}: {
  charge: Pick<
    PublicPixCharge,
    "storeName" | "amountCentavos" | "description" | "paidAt" | "paidRedirectUrl" | "endToEndId" | "receiptPdfUrl"
  >;
  view: Exclude<PayView, "pending">;
}) {
  const redirectUrl = view === "paid" ? (charge.paidRedirectUrl ?? null) : null;
  const { t, money } = useI18n();
  const amount = money(charge.amountCentavos, "BRL");
  const store = charge.storeName;
  const header = <PayHeader charge={charge} />;
  const final = {
    paid: {
      icon: <CheckCircleIcon className="size-14 text-success" aria-hidden />,
      title: t("pix.pay.paidTitle"),
      body: redirectUrl ? t("pix.pay.paidRedirectBody", { store, amount }) : t("pix.pay.paidBody", { store, amount }),
    },
    expired: {
      icon: <XCircleIcon className="size-14 text-ink-subtle" aria-hidden />,
      title: t("pix.pay.expiredTitle"),
      body: t("pix.pay.expiredBody", { store }),
    },
    failed: {
      icon: <XCircleIcon className="size-14 text-danger" aria-hidden />,
      title: t("pix.pay.failedTitle"),
      body: t("pix.pay.failedBody", { store }),
    },
    refunded: {
      icon: <InfoIcon className="size-14 text-info" aria-hidden />,
      title: t("pix.pay.refundedTitle"),
      body: t("pix.pay.refundedBody", { store }),
    },
    disputed: {
      icon: <AlertTriangleIcon className="size-14 text-warning" aria-hidden />,
      title: t("pix.pay.disputedTitle"),
      body: t("pix.pay.disputedBody"),
    },
  }[view];
  return (
    <div className="flex flex-col items-center gap-6 py-4 text-center" data-testid="pix-pay" data-status={view}>
      {final.icon}
      <div className="flex flex-col gap-2">
        <h1 className="text-xl font-semibold" role="status" data-testid="pix-pay-title">
          {final.title}
        </h1>
        <p className="text-sm text-ink-muted">{final.body}</p>
      </div>
      {view === "paid" ? (
        // Paid: the buyer's receipt (store, item, amount, time, E2E id, PDF) instead of the payment summary.
        <PixReceipt charge={charge} />
      ) : (
        <div className="w-full rounded-lg border border-line bg-surface-sunken p-4">{header}</div>
      )}
      {redirectUrl && <PaidRedirect url={redirectUrl} store={store} />}
    </div>
  );
}

/** Seconds the paid state stays on screen before the buyer is sent to the seller's success URL. */
export const PAID_REDIRECT_SECONDS = 5;

/**
 * The store sends buyers to its own site after paying: the paid state stays on screen for a few
 * seconds (the buyer sees the payment went through), then the page goes to the seller's URL; the
 * button goes at once (and is there when the automatic redirect is blocked).
 */
function PaidRedirect({ url, store }: { url: string; store: string }) {
  const { t } = useI18n();
  const [left, setLeft] = useState(PAID_REDIRECT_SECONDS);
  useEffect(() => {
    const timer = setInterval(() => setLeft((s) => Math.max(0, s - 1)), 1000);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => {
    if (left === 0) window.location.assign(url);
  }, [left, url]);
  return (
    <div className="flex w-full flex-col items-center gap-2" data-testid="pix-paid-redirect">
      {/* Same tab: the buyer is leaving for the seller's page, as the automatic redirect does. */}
      <a href={url} rel="noopener" className={buttonClasses({ size: "lg", fullWidth: true })}>
        {t("pix.pay.redirectNow", { store })}
      </a>
      <p className="text-[13px] text-ink-subtle tabular-nums" aria-live="polite">
        {t("pix.pay.redirectIn", { store, seconds: String(left) })}
      </p>
    </div>
  );
}
