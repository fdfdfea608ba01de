"use client";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useI18n } from "@/lib/i18n/client";
import { apiFetch } from "@/components/api-client";
import { Alert } from "@/components/ui/alert";
import { CopyButton } from "@/components/ui/copy-button";
import { AlertTriangleIcon, CheckCircleIcon, InfoIcon, XCircleIcon } from "@/components/ui/icons";
import { Spinner } from "@/components/ui/spinner";
import { FINAL_STATUSES, type PixChargePoll, type PublicPixCharge } from "./types";

/** Seconds left until `expiresAt`, ticking every second; null before the first client render. */
function useSecondsLeft(expiresAt: string | null): number | null {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  if (!expiresAt || now === null) return null;
  return Math.max(0, Math.floor((new Date(expiresAt).getTime() - now) / 1000));
}

function clock(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const mm = String(m).padStart(h ? 2 : 1, "0");
  return `${h ? `${h}:` : ""}${mm}:${String(s).padStart(2, "0")}`;
}

type View = "pending" | "paid" | "expired" | "failed" | "refunded" | "disputed";

/** The buyer's PIX page: QR code, copia e cola, countdown and live status until the payment settles. */
export function PixPayment({ initial }: { initial: PublicPixCharge }) {
  const { t, money, dateTime } = useI18n();
  const poll = useQuery({
    queryKey: ["pix-pay", initial.id],
    queryFn: () => apiFetch<PixChargePoll>(`/api/pix/charges/${initial.id}`),
    initialData: {
      status: initial.status,
      amountCentavos: initial.amountCentavos,
      expiresAt: initial.expiresAt,
      paidAt: initial.paidAt,
    },
    refetchInterval: (q) => {
      const data = q.state.data;
      if (!data || FINAL_STATUSES.includes(data.status)) return false;
      // The server says when Vitrine may next ask the gateway (its read budget: a minute for
      // PushinPay); polling sooner would only read our own database. The first poll goes out soon.
      return (data.pollAfterSeconds ?? 3) * 1000;
    },
    refetchIntervalInBackground: true,
    // Back from the bank app: look at once (our database; the gateway only when its budget allows).
    refetchOnWindowFocus: "always",
  });
  const charge = { ...initial, ...poll.data };
  const secondsLeft = useSecondsLeft(charge.expiresAt);
  const manual = charge.gateway === "direct_key";
  const amount = money(charge.amountCentavos, "BRL");
  const store = charge.storeName;
  const view: View =
    charge.status === "pending"
      ? secondsLeft === 0
        ? "expired"
        : "pending"
      : charge.status === "failed"
        ? charge.expiresAt && new Date(charge.expiresAt).getTime() <= Date.now()
          ? "expired"
          : "failed"
        : charge.status;

  const header = (
    <div className="flex flex-col items-center gap-1 text-center">
      <p className="text-sm text-ink-muted">{t("pix.pay.payTo", { store })}</p>
      <p className="text-3xl font-semibold tracking-tight tabular-nums" data-testid="pix-pay-amount">
        {amount}
      </p>
      {charge.description && <p className="max-w-xs text-[13px] text-ink-subtle">{charge.description}</p>}
    </div>
  );

  if (view !== "pending") {
    const final = {
      paid: {
        icon: <CheckCircleIcon className="size-14 text-success" aria-hidden />,
        title: t("pix.pay.paidTitle"),
        body: t("pix.pay.paidBody", { store, amount }),
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
        <div className="w-full rounded-lg border border-line bg-surface-sunken p-4">{header}</div>
        {charge.paidAt && view === "paid" && (
          <p className="text-[13px] text-ink-subtle">{t("pix.pay.paidAt", { date: dateTime(charge.paidAt) })}</p>
        )}
      </div>
    );
  }

  return (
    <div className="flex flex-col gap-6" data-testid="pix-pay" data-status="pending">
      <h1 className="sr-only">{t("pix.pay.title")}</h1>
      {header}
      <div className="flex flex-col items-center gap-3">
        {charge.qrPngDataUrl && (
          <img
            src={charge.qrPngDataUrl}
            alt={t("pix.pay.qrAlt", { amount, store })}
            width={232}
            height={232}
            data-testid="pix-qr"
            className="size-52 rounded-lg border border-line bg-white p-2 shadow-xs [image-rendering:pixelated] sm:size-58"
          />
        )}
        <div className="text-center">
          <p className="text-sm font-medium text-ink">{t("pix.pay.scan")}</p>
          <p className="mt-0.5 text-[13px] text-ink-subtle">{t("pix.pay.scanHint")}</p>
        </div>
        <p
          className="inline-flex min-h-7 items-center rounded-full bg-warning-bg px-3 py-1 text-[13px] font-medium text-warning-ink tabular-nums ring-1 ring-warning-line ring-inset"
          data-testid="pix-countdown"
          aria-live="off"
        >
          {charge.expiresAt
            ? secondsLeft === null
              ? "\u00a0"
              : t("pix.pay.expiresIn", { time: clock(secondsLeft) })
            : t("pix.pay.noExpiry")}
        </p>
      </div>
      {charge.brCode && (
        <div className="flex flex-col gap-2">
          <p className="text-sm font-medium text-ink">{t("pix.pay.copyPaste")}</p>
          <code
            className="block rounded-lg border border-line bg-surface-sunken px-3 py-2.5 font-mono text-xs leading-relaxed break-all text-ink select-all"
            data-testid="pix-brcode"
          >
            {charge.brCode}
          </code>
          <CopyButton
            value={charge.brCode}
            label={t("pix.pay.copyCode")}
            variant="primary"
            size="lg"
            className="w-full"
          />
          <p className="text-[13px] text-ink-subtle">{t("pix.pay.copyPasteHint")}</p>
        </div>
      )}
      <div className="flex items-start gap-3 rounded-lg border border-line bg-surface-sunken px-4 py-3" role="status">
        <Spinner size="sm" className="mt-0.5" />
        <div className="flex flex-col gap-0.5">
          <p className="text-sm font-medium text-ink">{t("pix.pay.waiting")}</p>
          <p className="text-[13px] text-ink-subtle">{t("pix.pay.waitingHint")}</p>
        </div>
      </div>
      {manual && <Alert tone="info">{t("pix.pay.manual")}</Alert>}
    </div>
  );
}
