import Link from "next/link";
import { cn } from "@/components/ui/cn";
import type { TranslateFn } from "@/lib/i18n/translate";

const OPTIONS = [
  { value: "", key: "invoices.filter.all" },
  { value: "store", key: "invoices.filter.store" },
  { value: "platform", key: "invoices.filter.platform" },
] as const;

/** Which issuer's documents to show, as links (?issuer=): works without JavaScript and survives a reload. */
export function IssuerFilter({ value, t }: { value: string; t: TranslateFn }) {
  return (
    <nav aria-label={t("invoices.filter.label")} className="flex w-full gap-1 overflow-x-auto border-b border-line">
      {OPTIONS.map((o) => {
        const current = o.value === value;
        return (
          <Link
            key={o.value}
            href={o.value ? `/dashboard/invoices?issuer=${o.value}` : "/dashboard/invoices"}
            aria-current={current ? "page" : undefined}
            className={cn(
              "-mb-px border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap transition-colors",
              current ? "border-brand-700 text-ink" : "border-transparent text-ink-muted hover:text-ink",
            )}
          >
            {t(o.key)}
          </Link>
        );
      })}
    </nav>
  );
}
