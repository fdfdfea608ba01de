// The overview's period: Today / 7 days / 30 days as links, and a custom range as a plain GET form
// (works without JavaScript; the URL holds the choice, so it can be shared and reloaded).
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { TranslateFn } from "@/lib/i18n/translate";
import type { Overview } from "@/lib/overview/overview";

const PRESETS = ["today", "7d", "30d"] as const;

export function RangePicker({ overview, today, t }: { overview: Overview; today: string; t: TranslateFn }) {
  const custom = overview.range === "custom";
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="overview-range">
      <nav
        aria-label={t("overview.range.label")}
        className="inline-flex rounded-md border border-line-strong bg-surface-raised p-0.5 shadow-xs"
      >
        {PRESETS.map((r) => (
          <Link
            key={r}
            href={`/dashboard?range=${r}`}
            aria-current={overview.range === r ? "page" : undefined}
            className={cn(
              "rounded px-3 py-1.5 text-[13px] font-medium whitespace-nowrap",
              overview.range === r
                ? "bg-brand-700 text-ink-inverse"
                : "text-ink-muted hover:bg-surface-hover hover:text-ink",
            )}
          >
            {t(`overview.range.${r}`)}
          </Link>
        ))}
      </nav>
      <details className="group" open={custom || undefined}>
        <summary
          className={cn(
            buttonClasses({ variant: custom ? "primary" : "secondary", size: "sm" }),
            "cursor-pointer list-none [&::-webkit-details-marker]:hidden",
          )}
        >
          {t("overview.range.custom")}
        </summary>
        <form
          method="get"
          action="/dashboard"
          className="mt-2 flex flex-wrap items-end gap-2 rounded-lg border border-line bg-surface-raised p-3"
        >
          <input type="hidden" name="range" value="custom" />
          <label className="flex flex-col gap-1 text-xs text-ink-muted">
            {t("overview.range.from")}
            <input
              type="date"
              name="from"
              required
              max={today}
              defaultValue={overview.period.from}
              className="h-8 rounded-md border border-line-strong bg-surface-raised px-2 text-sm text-ink"
            />
          </label>
          <label className="flex flex-col gap-1 text-xs text-ink-muted">
            {t("overview.range.to")}
            <input
              type="date"
              name="to"
              required
              max={today}
              defaultValue={overview.period.to}
              className="h-8 rounded-md border border-line-strong bg-surface-raised px-2 text-sm text-ink"
            />
          </label>
          <button type="submit" className={buttonClasses({ size: "sm" })}>
            {t("overview.range.apply")}
          </button>
        </form>
      </details>
    </div>
  );
}
