import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { UsersIcon } from "@/components/ui/icons";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatPhone } from "@/lib/customers/identity";
import type { CustomerListItem } from "@/lib/customers/queries";
import type { Locale } from "@/lib/i18n/config";
import { formatDate } from "@/lib/i18n/format";
import type { TranslateFn } from "@/lib/i18n/translate";
import { formatMoney } from "@/lib/money";

type Props = { rows: CustomerListItem[]; searched: boolean; t: TranslateFn; locale: Locale; timeZone: string };

/** Net spent per currency, one line each (most stores sell in one). */
function Spent({ c, locale }: { c: CustomerListItem; locale: Locale }) {
  return (
    <>
      {c.totals.map((s) => (
        <span key={s.currency} className="block font-medium tabular-nums">
          {formatMoney(s.net, s.currency, locale)}
        </span>
      ))}
    </>
  );
}

/**
 * Desktop: a fixed table whose long emails and names are cut with an ellipsis (full text in the
 * title). Phone: one card per customer, never a sideways scroll.
 */
export function CustomersList({ rows, searched, t, locale, timeZone }: Props) {
  if (rows.length === 0)
    return (
      <EmptyState
        icon={<UsersIcon />}
        title={searched ? t("customers.empty.searchTitle") : t("customers.empty.title")}
        description={searched ? t("customers.empty.searchBody") : t("customers.empty.body")}
      />
    );
  const href = (c: CustomerListItem) => `/dashboard/customers/${c.id}`;
  const label = (c: CustomerListItem) => c.email ?? c.name ?? c.taxIdMasked ?? t("customers.noEmail");
  const contact = (c: CustomerListItem) =>
    [c.phone ? formatPhone(c.phone) : null, c.taxIdMasked].filter(Boolean).join(" · ");
  return (
    <>
      <div className="hidden overflow-hidden rounded-lg border border-line bg-surface-raised md:block">
        <Table className="table-fixed" data-testid="customers-table">
          <TableCaption>{t("customers.title")}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHead>{t("customers.columns.customer")}</TableHead>
              <TableHead className="hidden w-[16.5rem] lg:table-cell">{t("customers.columns.contact")}</TableHead>
              <TableHead className="w-[6.5rem]" align="right">
                {t("customers.columns.payments")}
              </TableHead>
              <TableHead className="w-[9.5rem]" align="right">
                {t("customers.columns.spent")}
              </TableHead>
              <TableHead className="w-[10.5rem]" align="right">
                {t("customers.columns.last")}
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((c) => (
              <TableRow key={c.id} data-testid="customer-row" data-customer-id={c.id}>
                <TableCell className="truncate" title={c.email ?? undefined}>
                  <Link href={href(c)} className="font-medium text-brand-700 hover:underline">
                    {label(c)}
                  </Link>
                  <span className="block truncate text-xs text-ink-muted">{c.name ?? t("customers.noName")}</span>
                </TableCell>
                <TableCell className="hidden truncate text-ink-muted tabular-nums lg:table-cell">
                  {contact(c) || "—"}
                </TableCell>
                <TableCell align="right" className="tabular-nums">
                  {c.paymentsCount}
                </TableCell>
                <TableCell align="right">
                  <Spent c={c} locale={locale} />
                </TableCell>
                <TableCell align="right" className="tabular-nums">
                  {formatDate(c.lastPurchaseAt, locale, timeZone)}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <ul className="flex flex-col gap-2 md:hidden" data-testid="customers-cards">
        {rows.map((c) => (
          <li key={c.id} data-testid="customer-card">
            <Link
              href={href(c)}
              className="flex items-start justify-between gap-3 rounded-lg border border-line bg-surface-raised p-3"
            >
              <span className="flex min-w-0 flex-col">
                <span className="truncate font-medium text-brand-700">{label(c)}</span>
                <span className="truncate text-xs text-ink-muted">{c.name ?? t("customers.noName")}</span>
                <span className="text-xs text-ink-subtle">
                  {c.paymentsCount === 1
                    ? t("customers.paymentsOne")
                    : t("customers.paymentsCount", { count: String(c.paymentsCount) })}{" "}
                  · {formatDate(c.lastPurchaseAt, locale, timeZone)}
                </span>
              </span>
              <span className="shrink-0 text-right">
                <Spent c={c} locale={locale} />
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
