import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { formatNumber } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/config";
import type { TranslateFn } from "@/lib/i18n/translate";
import type { ResourceUsageView } from "@/lib/usage/views";
import { resourceHint, resourceLabel } from "./labels";
import { UsageBar } from "./usage-bar";

type Status = "ok" | "near" | "reached" | "over" | "unlimited";
const TONES: Record<Status, BadgeTone> = {
  ok: "success",
  near: "warning",
  reached: "danger",
  over: "danger",
  unlimited: "neutral",
};

function statusOf(r: ResourceUsageView): Status {
  if (r.limit === null || r.percent === null) return "unlimited";
  if (r.used > r.limit) return "over";
  if (r.percent >= 100) return "reached";
  return r.percent >= 80 ? "near" : "ok";
}

/** One resource against its limit: the number, a bar, what happens past the limit, overage paid in credits. */
export function ResourceCard({ r, t, locale }: { r: ResourceUsageView; t: TranslateFn; locale: Locale }) {
  const status = statusOf(r);
  const n = (v: number) => formatNumber(v, locale);
  const name = resourceLabel(t, r.resource);
  const unpaid = Math.max(0, r.overage_units - r.units_charged);
  return (
    <Card className="flex flex-col gap-3 p-5" data-testid={`usage-${r.resource}`}>
      <div>
        <div className="flex items-center justify-between gap-3">
          <h3 className="text-sm font-semibold text-ink">{name}</h3>
          <Badge tone={TONES[status]} dot>
            {t(`usage.status.${status}`)}
          </Badge>
        </div>
        <p className="mt-0.5 text-[13px] text-ink-subtle">{resourceHint(t, r.resource)}</p>
      </div>
      <p className="text-[13px] text-ink-muted">
        <span className="text-2xl font-semibold tracking-tight text-ink tabular-nums">{n(r.used)}</span>{" "}
        {r.limit === null ? t("usage.unlimited") : t("usage.ofLimit", { limit: n(r.limit) })}
        {r.percent !== null && (
          <span className="ml-2 tabular-nums text-ink-subtle">
            · {t("usage.percentUsed", { percent: n(r.percent) })}
          </span>
        )}
      </p>
      <UsageBar percent={r.percent} label={name} />
      {r.overage_units > 0 && r.mode === "credits" && (
        <p className="text-[13px] font-medium text-ink">
          {t("usage.overage", { units: n(r.overage_units), credits: n(r.credits_debited) })}
        </p>
      )}
      {r.credits_exhausted && unpaid > 0 && (
        <p className="text-[13px] font-medium text-danger-ink">{t("usage.exhausted", { units: n(unpaid) })}</p>
      )}
      {r.mode && (
        <p className="mt-auto text-xs text-ink-subtle">
          {r.mode === "credits"
            ? t("usage.mode.credits", { credits: n(r.credits_per_unit ?? 0) })
            : r.mode === "block" && r.resource === "callbacks"
              ? t("usage.mode.alertOnly")
              : t(`usage.mode.${r.mode}`)}
        </p>
      )}
    </Card>
  );
}
