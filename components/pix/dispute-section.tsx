"use client";
import { Badge } from "@/components/ui/badge";
import { useI18n } from "@/lib/i18n/client";

/** A MED case as GET /api/v1/pix/charges/:id lists it (lib/pix/disputes.ts PixDisputeView, JSON). */
export type PixDisputeRow = {
  id: string;
  status: "opened" | "refunded" | "rejected";
  amountCentavos: number;
  reason: string | null;
  openedAt: string;
  closedAt: string | null;
};

const TONE = { opened: "danger", refunded: "info", rejected: "success" } as const;

/** The charge's MED cases (the BCB's Mecanismo Especial de Devolução), newest first. */
export function PixDisputeSection({ disputes }: { disputes: PixDisputeRow[] }) {
  const { t, money, dateTime } = useI18n();
  if (disputes.length === 0) return null;
  return (
    <section className="flex flex-col gap-2" data-testid="pix-disputes">
      <div>
        <h3 className="text-sm font-semibold text-ink">{t("pix.detail.disputes")}</h3>
        <p className="text-[13px] text-ink-subtle">{t("pix.detail.disputesHint")}</p>
      </div>
      <ul className="flex flex-col divide-y divide-line rounded-lg border border-line">
        {disputes.map((d) => (
          <li
            key={d.id}
            className="flex flex-wrap items-center justify-between gap-2 px-3 py-2.5 text-[13px]"
            data-status={d.status}
          >
            <span className="flex min-w-0 flex-col">
              <span className="font-medium tabular-nums">{money(d.amountCentavos, "BRL")}</span>
              <span className="text-ink-subtle">
                {t("pix.detail.disputeOpened", { date: dateTime(d.openedAt) })}
                {d.closedAt ? ` · ${t("pix.detail.disputeClosed", { date: dateTime(d.closedAt) })}` : ""}
                {d.reason ? ` · ${d.reason}` : ""}
              </span>
            </span>
            <Badge tone={TONE[d.status]} dot>
              {t(`pix.detail.disputeStatus.${d.status}`)}
            </Badge>
          </li>
        ))}
      </ul>
    </section>
  );
}
