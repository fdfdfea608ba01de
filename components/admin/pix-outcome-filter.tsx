import Link from "next/link";
import { cn } from "@/components/ui/cn";
import { PIX_WEBHOOK_OUTCOMES, type PixWebhookOutcome } from "@/lib/admin/webhooks";
import type { TranslateFn } from "@/lib/i18n/translate";

const LABEL = {
  accepted: "admin.outcomeAccepted",
  ignored: "admin.outcomeIgnored",
  unmatched: "admin.outcomeUnmatched",
  rejected: "admin.outcomeRejected",
  error: "admin.outcomeError",
} as const;

/** Links that narrow the PIX deliveries to one outcome; the state lives in the URL so it can be shared. */
export function PixOutcomeFilter({ current, t }: { current: PixWebhookOutcome | undefined; t: TranslateFn }) {
  const options: Array<{ value: PixWebhookOutcome | undefined; label: string }> = [
    { value: undefined, label: t("admin.allOutcomes") },
    ...PIX_WEBHOOK_OUTCOMES.map((o) => ({ value: o, label: t(LABEL[o]) })),
  ];
  return (
    <nav aria-label={t("admin.outcome")} className="flex flex-wrap gap-2">
      {options.map((o) => {
        const selected = o.value === current;
        return (
          <Link
            key={o.value ?? "all"}
            href={o.value ? `/admin/webhooks?tab=pix&outcome=${o.value}` : "/admin/webhooks?tab=pix"}
            aria-current={selected ? "page" : undefined}
            className={cn(
              "rounded-full border px-3 py-1 text-sm transition-colors",
              selected
                ? "border-brand-700 bg-brand-50 font-medium text-brand-800"
                : "border-line text-ink-muted hover:border-line-strong hover:text-ink",
            )}
          >
            {o.label}
          </Link>
        );
      })}
    </nav>
  );
}
