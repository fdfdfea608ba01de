// The seller's billing banner: a failed or overdue plan payment (amount, pay link, PIX for BRL, the
// date the store moves to Free), the move to Free and the way back, or a trial about to end.
// A server component that reads the store's own state; renders nothing when all is well.
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { QrCodeIcon } from "@/components/ui/icons";
import { getBillingBanner } from "@/lib/dunning/banner";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { getI18n } from "@/lib/http/locale";
import { formatMoney } from "@/lib/money";

export async function BillingBanner({ storeId }: { storeId: string }) {
  const banner = await getBillingBanner(storeId);
  if (!banner) return null;
  const { t, locale } = await getI18n();

  if (banner.kind === "trial_ending")
    return (
      <Alert
        tone="info"
        data-testid="billing-banner"
        data-kind={banner.kind}
        title={t("billing.dunning.banner.trialTitle", { date: formatDate(banner.trialEnd, locale) })}
        actions={
          <Button href="/dashboard/plan" variant="secondary" size="sm">
            {t("billing.dunning.banner.viewPlan")}
          </Button>
        }
      >
        {t("billing.dunning.banner.trialBody", { plan: banner.planName })}
      </Alert>
    );

  if (banner.kind === "downgraded") {
    const date = formatDate(banner.at, locale);
    return (
      <Alert
        tone="warning"
        data-testid="billing-banner"
        data-kind={banner.kind}
        title={t("billing.dunning.banner.downgradedTitle")}
        actions={
          <Button href={banner.planPath} size="sm">
            {t("billing.dunning.banner.choosePlan")}
          </Button>
        }
      >
        {banner.fromPlanName
          ? t("billing.dunning.banner.downgradedBody", { plan: banner.fromPlanName, date })
          : t("billing.dunning.banner.downgradedBodyNoPlan", { date })}
      </Alert>
    );
  }

  const amount = formatMoney(banner.amountMinor, banner.currency, locale);
  const date = formatDate(banner.downgradeAt, locale);
  const pix = banner.pix;
  return (
    <Alert
      tone="danger"
      data-testid="billing-banner"
      data-kind={banner.overdue ? "payment_overdue" : "payment_failed"}
      title={t(banner.overdue ? "billing.dunning.banner.overdueTitle" : "billing.dunning.banner.failedTitle")}
      actions={
        <>
          <Button href={banner.payUrl} size="sm" data-testid="billing-banner-pay">
            {t("billing.dunning.banner.payNow", { amount })}
          </Button>
          {pix && (
            // Closed it sits in the row of buttons; open, it takes the whole width under them.
            <details className="group order-last open:basis-full" data-testid="billing-banner-pix">
              <summary className={buttonClasses({ variant: "secondary", size: "sm" }, "cursor-pointer list-none")}>
                <QrCodeIcon aria-hidden />
                {t("billing.dunning.banner.payWithPix")}
              </summary>
              <div className="mt-3 flex flex-col gap-4 rounded-md border border-danger-line bg-surface-raised p-4 text-ink sm:flex-row sm:items-start">
                {pix.qrDataUrl && (
                  <img
                    src={pix.qrDataUrl}
                    alt={t("billing.dunning.banner.pixQrAlt", { amount })}
                    width={176}
                    height={176}
                    className="size-44 shrink-0 self-center rounded-md border border-line bg-white sm:self-start"
                  />
                )}
                <div className="flex min-w-0 flex-1 flex-col gap-2">
                  <p className="font-semibold">{t("billing.dunning.banner.pixTitle", { amount })}</p>
                  <p className="text-ink-muted">{t("billing.dunning.banner.pixHint")}</p>
                  <code
                    className="block max-h-24 overflow-auto rounded-md bg-surface-sunken px-3 py-2 font-mono text-xs break-all text-ink"
                    data-testid="billing-banner-pix-code"
                  >
                    {pix.copyPaste}
                  </code>
                  <div className="flex flex-wrap items-center gap-3">
                    <CopyButton value={pix.copyPaste} label={t("billing.dunning.banner.pixCopy")} size="sm" />
                    {pix.expiresAt && (
                      <span className="text-[13px] text-ink-subtle">
                        {t("billing.dunning.banner.pixValidUntil", { date: formatDateTime(pix.expiresAt, locale) })}
                      </span>
                    )}
                  </div>
                </div>
              </div>
            </details>
          )}
          <Button href="/dashboard/plan" variant="ghost" size="sm">
            {t("billing.dunning.banner.updateCard")}
          </Button>
        </>
      }
    >
      {banner.planName
        ? t("billing.dunning.banner.failedBody", { amount, plan: banner.planName, date })
        : t("billing.dunning.banner.failedBodyNoPlan", { amount, date })}{" "}
      {t("billing.dunning.banner.retries")}
    </Alert>
  );
}
