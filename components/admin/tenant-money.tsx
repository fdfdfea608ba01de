import type { TenantMoney } from "@/lib/admin/tenants";
import type { Locale } from "@/lib/i18n/config";
import { formatNumber } from "@/lib/i18n/format";
import { formatMoney } from "@/lib/money";
import type { TranslateFn } from "@/lib/i18n/translate";

/** A store's credit balance, with the part held by open disputes when there is one. */
export function TenantCredits({
  credits,
  t,
  locale,
}: {
  credits: TenantMoney["credits"];
  t: TranslateFn;
  locale: Locale;
}) {
  if (!credits)
    return (
      <span data-testid="tenant-credits" className="text-ink-subtle" title={t("admin.noCreditAccount")}>
        —<span className="sr-only"> {t("admin.noCreditAccount")}</span>
      </span>
    );
  return (
    <div data-testid="tenant-credits">
      <div className="font-medium tabular-nums">{formatNumber(credits.balance, locale)}</div>
      {credits.held > 0 ? (
        <div className="text-xs text-warning-ink">
          {t("admin.creditsHeld", { held: formatNumber(credits.held, locale) })}
        </div>
      ) : null}
    </div>
  );
}

/** Gateways switched on and what PIX brought in over the last 30 days. */
export function TenantPix({ pix, t, locale }: { pix: TenantMoney["pix"]; t: TranslateFn; locale: Locale }) {
  return (
    <div data-testid="tenant-pix">
      <div className={pix.activeGateways > 0 ? "text-ink" : "text-ink-subtle"}>
        {pix.gateways > 0
          ? t("admin.pixGateways", { active: pix.activeGateways, total: pix.gateways })
          : t("admin.pixNoGateways")}
      </div>
      {pix.gateways > 0 || pix.paidCount > 0 ? (
        <div className="text-xs text-ink-subtle">
          {t("admin.pixPaid", { count: pix.paidCount, amount: formatMoney(pix.paidCentavos, "BRL", locale) })}
        </div>
      ) : null}
    </div>
  );
}
