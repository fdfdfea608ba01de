// Recent uses of the owner's codes: when, which code, where (plan, credits, order), the discount and
// whether it is still awaiting payment. The admin also sees the store.
import type { RedemptionView } from "@/lib/coupons/views";
import type { MessageKey, TranslateFn } from "@/lib/i18n/translate";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

const TONE: Record<string, BadgeTone> = {
  redeemed: "success",
  reserved: "warning",
  released: "neutral",
  over_limit: "danger",
};

export type RedemptionsTableProps = {
  rows: RedemptionView[];
  showStore: boolean;
  t: TranslateFn;
  money: (minor: number, currency: string) => string;
  dateTime: (d: string) => string;
};

export function RedemptionsTable({ rows, showStore, t, money, dateTime }: RedemptionsTableProps) {
  return (
    <Card className="overflow-hidden">
      <CardHeader>
        <CardTitle>{t("coupons.redemptions.title")}</CardTitle>
      </CardHeader>
      {rows.length === 0 ? (
        <p className="border-t border-line px-5 py-8 text-center text-sm text-ink-subtle sm:px-6">
          {t("coupons.redemptions.empty")}
        </p>
      ) : (
        <div className="border-t border-line">
          <Table>
            <TableHeader>
              <tr>
                <TableHead>{t("coupons.redemptions.when")}</TableHead>
                <TableHead>{t("coupons.redemptions.code")}</TableHead>
                {showStore && <TableHead>{t("coupons.redemptions.store")}</TableHead>}
                <TableHead>{t("coupons.redemptions.target")}</TableHead>
                <TableHead align="right">{t("coupons.redemptions.amount")}</TableHead>
                <TableHead>{t("coupons.redemptions.status")}</TableHead>
              </tr>
            </TableHeader>
            <TableBody>
              {rows.map((r) => (
                <TableRow key={r.id}>
                  <TableCell>{dateTime(r.createdAt)}</TableCell>
                  <TableCell>
                    <span className="font-mono text-xs">{r.code ?? "—"}</span>
                  </TableCell>
                  {showStore && <TableCell>{r.storeName ?? r.storeId}</TableCell>}
                  <TableCell>
                    <div>{t(`coupons.redemptions.targets.${r.targetType}` as MessageKey)}</div>
                    {r.customerEmail && <div className="text-xs text-ink-subtle">{r.customerEmail}</div>}
                  </TableCell>
                  <TableCell align="right">
                    <span className="tabular-nums">{r.currency ? money(r.amountOff, r.currency) : "—"}</span>
                  </TableCell>
                  <TableCell>
                    <Badge tone={TONE[r.status] ?? "neutral"}>
                      {t(`coupons.redemptions.statuses.${r.status}` as MessageKey)}
                    </Badge>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </Card>
  );
}
