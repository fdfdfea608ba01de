"use client";
import { useI18n } from "@/lib/i18n/client";
import { Badge } from "@/components/ui/badge";

type Flags = { chargesEnabled: boolean; payoutsEnabled: boolean; detailsSubmitted: boolean };

/** The three switches Stripe flips during onboarding, each with a word, not only a colour. */
export function StatusTiles({ account }: { account: Flags }) {
  const { t } = useI18n();
  const tiles = [
    {
      id: "charges",
      label: t("connect.status.chargesEnabled"),
      on: account.chargesEnabled,
      yes: t("connect.status.enabled"),
      no: t("connect.status.notYet"),
    },
    {
      id: "payouts",
      label: t("connect.status.payoutsEnabled"),
      on: account.payoutsEnabled,
      yes: t("connect.status.enabled"),
      no: t("connect.status.notYet"),
    },
    {
      id: "details",
      label: t("connect.status.detailsSubmitted"),
      on: account.detailsSubmitted,
      yes: t("connect.status.submitted"),
      no: t("connect.status.missing"),
    },
  ];
  return (
    <ul className="grid gap-3 sm:grid-cols-3">
      {tiles.map((tile) => (
        <li
          key={tile.id}
          className="flex items-center justify-between gap-3 rounded-lg border border-line bg-surface px-4 py-3"
          data-testid={`status-${tile.id}`}
        >
          <span className="text-sm font-medium text-ink">{tile.label}</span>
          <Badge tone={tile.on ? "success" : "warning"} dot>
            {tile.on ? tile.yes : tile.no}
          </Badge>
        </li>
      ))}
    </ul>
  );
}
