import { Badge } from "@/components/ui/badge";
import { CheckCircleIcon, CreditCardIcon, QrCodeIcon } from "@/components/ui/icons";
import type { Locale } from "@/lib/i18n/config";
import { formatMoney } from "@/lib/money";
import type { TranslateFn } from "@/lib/i18n/translate";

const payments = [
  { name: "Ana Souza", method: "pix", amount: 8990, status: "paid", time: "14:32" },
  { name: "Bruno Lima", method: "card", amount: 24900, status: "paid", time: "14:05" },
  { name: "Carla Menezes", method: "pix", amount: 4500, status: "pending", time: "13:58" },
] as const;

/** A static, illustrative slice of the dashboard for the hero. Not live data. */
export function HeroPreview({ t, locale }: { t: TranslateFn; locale: Locale }) {
  return (
    <figure aria-label={t("marketing.mock.label")} className="relative">
      <div
        aria-hidden="true"
        className="absolute -inset-4 rounded-[28px] bg-gradient-to-br from-brand-200/60 via-brand-50 to-transparent blur-2xl"
      />
      <div className="relative overflow-hidden rounded-2xl border border-line bg-surface-raised shadow-pop">
        <div className="flex items-center gap-1.5 border-b border-line bg-surface px-4 py-2.5">
          <span className="size-2.5 rounded-full bg-line-strong" />
          <span className="size-2.5 rounded-full bg-line-strong" />
          <span className="size-2.5 rounded-full bg-line-strong" />
        </div>
        <div className="grid grid-cols-[minmax(0,1fr)] gap-4 p-4 sm:p-5">
          <div className="flex items-end justify-between gap-4">
            <div>
              <p className="text-[13px] font-medium text-ink-muted">{t("marketing.mock.today")}</p>
              <p className="mt-1 text-3xl font-semibold tracking-tight tabular-nums">
                {formatMoney(482050, "BRL", locale)}
              </p>
            </div>
            <span className="mb-1 inline-flex items-center gap-1 rounded bg-success-bg px-1.5 py-0.5 text-[13px] font-medium whitespace-nowrap text-success-ink">
              ↑ 18%{" "}
              <span className="hidden font-normal text-ink-muted sm:inline">{t("marketing.mock.vsYesterday")}</span>
            </span>
          </div>
          <svg viewBox="0 0 300 64" className="h-16 w-full" aria-hidden="true" preserveAspectRatio="none">
            <defs>
              <linearGradient id="hero-area" x1="0" x2="0" y1="0" y2="1">
                <stop offset="0" stopColor="var(--color-brand-500)" stopOpacity="0.25" />
                <stop offset="1" stopColor="var(--color-brand-500)" stopOpacity="0" />
              </linearGradient>
            </defs>
            <path
              d="M0 52 L30 46 L60 49 L90 36 L120 40 L150 28 L180 32 L210 20 L240 24 L270 12 L300 8 L300 64 L0 64 Z"
              fill="url(#hero-area)"
            />
            <path
              d="M0 52 L30 46 L60 49 L90 36 L120 40 L150 28 L180 32 L210 20 L240 24 L270 12 L300 8"
              fill="none"
              stroke="var(--color-brand-600)"
              strokeWidth="2"
              vectorEffect="non-scaling-stroke"
            />
          </svg>
          <div className="rounded-lg border border-line">
            <p className="border-b border-line px-4 py-2.5 text-[13px] font-medium text-ink-muted">
              {t("marketing.mock.recent")}
            </p>
            <ul className="divide-y divide-line">
              {payments.map((p) => (
                <li key={p.name} className="flex items-center gap-3 px-4 py-2.5 text-sm">
                  <span className="flex size-8 shrink-0 items-center justify-center rounded-md bg-surface-sunken text-ink-muted">
                    {p.method === "pix" ? <QrCodeIcon size={16} /> : <CreditCardIcon size={16} />}
                  </span>
                  <span className="min-w-0 flex-1">
                    <span className="block truncate font-medium">{p.name}</span>
                    <span className="block text-xs text-ink-subtle">
                      {t(p.method === "pix" ? "marketing.mock.pix" : "marketing.mock.card")} · {p.time}
                    </span>
                  </span>
                  <span className="font-medium tabular-nums">{formatMoney(p.amount, "BRL", locale)}</span>
                  <Badge tone={p.status === "paid" ? "success" : "warning"} dot className="hidden sm:inline-flex">
                    {t(p.status === "paid" ? "marketing.mock.paid" : "marketing.mock.pending")}
                  </Badge>
                </li>
              ))}
            </ul>
          </div>
          <div className="flex items-center gap-2.5 rounded-lg border border-success-line bg-success-bg px-3.5 py-2.5 text-[13px]">
            <CheckCircleIcon size={16} className="shrink-0 text-success" />
            <span className="font-medium whitespace-nowrap text-success-ink">{t("marketing.mock.callback")}</span>
            <span className="min-w-0 truncate font-mono text-xs text-success-ink/80">
              {t("marketing.mock.callbackDetail")}
            </span>
          </div>
        </div>
      </div>
    </figure>
  );
}
