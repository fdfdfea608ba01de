// What needs the seller now, most urgent first, each with a link to where it is dealt with.
import Link from "next/link";
import { Card, CardHeader, CardTitle } from "@/components/ui/card";
import { AlertTriangleIcon, CheckCircleIcon, ChevronRightIcon } from "@/components/ui/icons";
import { resourceLabel } from "@/components/usage/labels";
import type { Locale } from "@/lib/i18n/config";
import { formatNumber } from "@/lib/i18n/format";
import type { MessageKey, TranslateFn } from "@/lib/i18n/translate";
import { formatMoney } from "@/lib/money";
import type { AttentionItem } from "@/lib/overview/attention";

function sentence(item: AttentionItem, t: TranslateFn, locale: Locale): string {
  const n = (key: string) =>
    t(`overview.attention.${key}.${item.count === 1 ? "one" : "other"}` as MessageKey, {
      count: formatNumber(item.count, locale),
      ...("minutes" in item ? { minutes: item.minutes } : {}),
    });
  switch (item.kind) {
    case "disputes_open":
      return n(item.method === "card" ? "disputesCard" : "disputesPix");
    case "plan_payment_failed":
      return t("overview.attention.planPaymentFailed", { amount: formatMoney(item.amount, item.currency, locale) });
    case "callback_endpoints_disabled":
      return n("endpointsDisabled");
    case "callback_deliveries_failed":
      return n("deliveriesFailed");
    case "usage_near_limit":
      return t("overview.attention.usageNear", {
        resources: item.resources.map((r) => `${resourceLabel(t, r.resource)} ${r.percent}%`).join(", "),
      });
    case "renewals_failed":
      return n("renewalsFailed");
    case "payouts_failed":
      return n("payoutsFailed");
    case "pix_expiring":
      return n("pixExpiring");
  }
}

export function AttentionList({ items, t, locale }: { items: AttentionItem[]; t: TranslateFn; locale: Locale }) {
  return (
    <Card className="flex h-full flex-col" data-testid="needs-attention">
      <CardHeader>
        <CardTitle>{t("overview.attention.title")}</CardTitle>
      </CardHeader>
      {items.length === 0 ? (
        <p className="mx-5 mb-5 flex items-center gap-2 rounded-lg bg-success-bg px-4 py-3 text-sm text-success-ink sm:mx-6">
          <CheckCircleIcon className="size-4 shrink-0" aria-hidden />
          {t("overview.attention.allClear")}
        </p>
      ) : (
        <ul className="divide-y divide-line border-t border-line">
          {items.map((item) => (
            <li key={`${item.kind}:${"method" in item ? item.method : ""}`} data-attention={item.kind}>
              <Link
                href={item.href}
                className="flex items-start gap-3 px-5 py-3 text-sm hover:bg-surface-hover sm:px-6"
              >
                <AlertTriangleIcon
                  className={
                    item.tone === "danger"
                      ? "mt-0.5 size-4 shrink-0 text-danger"
                      : "mt-0.5 size-4 shrink-0 text-warning"
                  }
                  aria-hidden
                />
                <span className="min-w-0 flex-1 text-ink">{sentence(item, t, locale)}</span>
                <span className="flex shrink-0 items-center gap-1 font-medium text-brand-700">
                  {t("overview.attention.act")}
                  <ChevronRightIcon className="size-4" aria-hidden />
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
