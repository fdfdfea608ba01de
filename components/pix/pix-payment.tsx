"use client";
import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useI18n } from "@/lib/i18n/client";
import { apiFetch } from "@/components/api-client";
import { Alert } from "@/components/ui/alert";
import { CopyButton } from "@/components/ui/copy-button";
import { Spinner } from "@/components/ui/spinner";
import { BuyerDataForm } from "./buyer-data-form";
import { clock, PayHeader, SettledPayment, useSecondsLeft, type PayView } from "./pay-parts";
import { FINAL_STATUSES, type PixChargePoll, type PublicPixCharge } from "./types";

/**
 * The buyer's PIX page. A charge waiting for the buyer's data shows the form the gateway needs;
 * once sent (or reloaded while the code is generated) it becomes a live payment: QR code, copia e
 * cola, countdown and status until the payment settles.
 */
export function PixPayment({ initial }: { initial: PublicPixCharge }) {
  const [charge, setCharge] = useState(initial);
  if (charge.status === "awaiting_customer") return <BuyerDataForm charge={charge} onCreated={setCharge} />;
  if (charge.status === "pending" && !charge.gateway) return <PreparingCode charge={charge} />;
  return <LivePixPayment initial={charge} />;
}

/** The buyer's data was taken and the gateway is creating the code (a reload in that moment): wait, then show it. */
function PreparingCode({ charge }: { charge: PublicPixCharge }) {
  const { t } = useI18n();
  const router = useRouter();
  const poll = useQuery({
    queryKey: ["pix-pay-preparing", charge.id],
    queryFn: () => apiFetch<PixChargePoll>(`/api/pix/charges/${charge.id}`),
    refetchInterval: (q) => {
      const data = q.state.data;
      return data && (data.hasCode || data.status !== "pending") ? false : 3000;
    },
  });
  const moved = !!poll.data && (poll.data.hasCode || poll.data.status !== "pending");
  useEffect(() => {
    // The page renders the charge as it now is (the code, or why there is none).
    if (moved) router.refresh();
  }, [moved, router]);
  return (
    <div className="flex flex-col gap-6" data-testid="pix-pay" data-status="preparing">
      <h1 className="sr-only">{t("pix.pay.title")}</h1>
      <PayHeader charge={charge} />
      <div className="flex items-center gap-3 rounded-lg border border-line bg-surface-sunken px-4 py-3" role="status">
        <Spinner size="sm" />
        <p className="text-sm font-medium text-ink">{t("pix.pay.preparing")}</p>
      </div>
    </div>
  );
}

function LivePixPayment({ initial }: { initial: PublicPixCharge }) {
  const { t, money } = useI18n();
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
      // The server sets the pace (a few seconds): each poll reads our database, where a webhook's
      // payment lands at once; Vitrine asks the gateway only when its read budget allows.
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
  const view: PayView =
    charge.status === "pending"
      ? secondsLeft === 0
        ? "expired"
        : "pending"
      : charge.status === "failed"
        ? charge.expiresAt && new Date(charge.expiresAt).getTime() <= Date.now()
          ? "expired"
          : "failed"
        : charge.status === "awaiting_customer"
          ? "pending"
          : charge.status;

  const header = <PayHeader charge={charge} />;

  if (view !== "pending") return <SettledPayment charge={charge} view={view} />;

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
