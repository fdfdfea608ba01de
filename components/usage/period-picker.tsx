import Link from "next/link";
import { cn } from "@/components/ui/cn";
import type { TranslateFn } from "@/lib/i18n/translate";

/** Current / previous period as two links (works without JavaScript; the page reads ?period=). */
export function PeriodPicker({ value, t }: { value: "current" | "previous"; t: TranslateFn }) {
  const items = [
    { value: "current", href: "/dashboard/usage", label: t("usage.period.current") },
    { value: "previous", href: "/dashboard/usage?period=previous", label: t("usage.period.previous") },
  ] as const;
  return (
    <nav aria-label={t("usage.period.picker")} className="inline-flex rounded-lg border border-line bg-surface p-0.5">
      {items.map((i) => (
        <Link
          key={i.value}
          href={i.href}
          aria-current={value === i.value ? "page" : undefined}
          className={cn(
            "rounded-md px-3 py-1.5 text-[13px] font-medium whitespace-nowrap transition-colors",
            value === i.value ? "bg-surface-raised text-ink shadow-card" : "text-ink-muted hover:text-ink",
          )}
        >
          {i.label}
        </Link>
      ))}
    </nav>
  );
}
