// The latest card and PIX payments as a list that reads on a phone: what and who on the left, amount
// and state on the right, each row linking to the payment's page.
import Link from "next/link";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ChevronRightIcon, CreditCardIcon, QrCodeIcon } from "@/components/ui/icons";
import type { Locale } from "@/lib/i18n/config";
import { formatDateTime } from "@/lib/i18n/format";
import type { MessageKey, TranslateFn } from "@/lib/i18n/translate";
import { formatMoney } from "@/lib/money";
import type { LatestPayment } from "@/lib/overview/latest";

const TONES: Record<string, BadgeTone> = {
  paid: "success",
  refunded: "neutral",
  partially_refunded: "warning",
  disputed: "danger",
};

type Props = { payments: LatestPayment[]; t: TranslateFn; locale: Locale; timeZone: string };

export function LatestPayments({ payments, t, locale, timeZone }: Props) {
  return (
    <Card className="flex h-full flex-col" data-testid="latest-payments">
      <CardHeader
        actions={
          <Link
            href="/dashboard/orders"
            className="text-[13px] font-medium whitespace-nowrap text-brand-700 hover:underline"
          >
            {t("overview.latest.viewAll")}
          </Link>
        }
      >
        <CardTitle>{t("overview.latest.title")}</CardTitle>
        <CardDescription>{t("overview.latest.description")}</CardDescription>
      </CardHeader>
      {payments.length === 0 ? (
        <p className="mx-5 mb-5 rounded-lg border border-dashed border-line px-4 py-8 text-center text-sm text-ink-subtle sm:mx-6">
          {t("overview.latest.empty")}
        </p>
      ) : (
        <ul className="divide-y divide-line border-t border-line">
          {payments.map((p) => {
            const Icon = p.method === "card" ? CreditCardIcon : QrCodeIcon;
            return (
              <li key={`${p.method}:${p.id}`} data-payment={p.id}>
                <Link
                  href={`/dashboard/payments/${p.id}`}
                  className="flex items-center gap-3 px-5 py-3 text-sm hover:bg-surface-hover sm:px-6"
                >
                  <Icon className="size-4 shrink-0 text-ink-subtle" aria-hidden />
                  <span className="flex min-w-0 flex-1 flex-col">
                    <span className="truncate font-medium text-ink">{p.description}</span>
                    <span className="truncate text-[13px] text-ink-subtle">
                      {t(`overview.latest.channel.${p.channel}` as MessageKey)} ·{" "}
                      {formatDateTime(p.paidAt, locale, timeZone)}
                      {p.customerEmail ? ` · ${p.customerEmail}` : ""}
                    </span>
                  </span>
                  <span className="flex shrink-0 flex-col items-end gap-1">
                    <span className="font-medium text-ink tabular-nums">
                      {formatMoney(p.amount, p.currency, locale)}
                    </span>
                    <Badge tone={TONES[p.status] ?? "neutral"}>
                      {t(`overview.latest.statuses.${p.status}` as MessageKey)}
                    </Badge>
                  </span>
                  <ChevronRightIcon className="hidden size-4 shrink-0 text-ink-subtle sm:block" aria-hidden />
                </Link>
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
