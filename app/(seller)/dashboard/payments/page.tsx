import Link from "next/link";
import { type FilterValues, PaymentFilters } from "@/components/payments/payment-filters";
import { PaymentsList } from "@/components/payments/payments-list";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requireSellerPage } from "@/lib/auth/session";
import { getI18n } from "@/lib/http/locale";
import { decodeCursor } from "@/lib/payments/cursor";
import { listPayments, storeScope } from "@/lib/payments/list";
import { ListPaymentsQuery } from "@/lib/payments/schemas";

export const metadata = { title: "Payments" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const FIELDS = ["q", "method", "status", "from", "to", "cursor"] as const;

function readsAsCursor(v: string): boolean {
  try {
    decodeCursor(v);
    return true;
  } catch {
    return false;
  }
}

/** The URL's filters, each read on its own: one bad field is dropped (and named), the rest still apply. */
function readFilters(raw: Record<string, string | string[] | undefined>) {
  const picked: Record<string, string> = {};
  const invalid: string[] = [];
  for (const f of FIELDS) {
    const v = raw[f];
    if (typeof v !== "string" || v === "") continue;
    const ok = f === "cursor" ? readsAsCursor(v) : ListPaymentsQuery.safeParse({ [f]: v }).success;
    if (ok) picked[f] = v;
    else invalid.push(f);
  }
  return { query: ListPaymentsQuery.parse({ ...picked, limit: 50 }), picked, invalid };
}

export default async function PaymentsPage({ searchParams }: Props) {
  const { store } = await requireSellerPage();
  const { t, locale } = await getI18n();
  const { query, picked, invalid } = readFilters(await searchParams);
  const scope = store ? await storeScope(store.id) : null;
  const page = scope ? await listPayments(scope, query, { locale }) : null;
  const { cursor, ...filters } = picked;
  const values: FilterValues = {
    q: filters.q ?? "",
    method: filters.method ?? "",
    status: filters.status ?? "",
    from: filters.from ?? "",
    to: filters.to ?? "",
  };
  const filtered = Object.keys(filters).length > 0;
  const exportHref = `/api/v1/payments/export.csv?${new URLSearchParams(filters).toString()}`;
  const nextHref = page?.nextCursor
    ? `/dashboard/payments?${new URLSearchParams({ ...filters, cursor: page.nextCursor }).toString()}`
    : null;
  const firstHref = `/dashboard/payments${filtered ? `?${new URLSearchParams(filters).toString()}` : ""}`;

  return (
    <div className="space-y-6" data-testid="payments-page">
      <PageHeader
        title={t("payments.title")}
        description={t("payments.description", { timeZone: scope?.timeZone ?? "UTC" })}
        actions={
          scope ? (
            <a
              href={exportHref}
              download
              title={t("payments.exportHint")}
              className={buttonClasses({ variant: "secondary" })}
              data-testid="payments-export"
            >
              {t("payments.export")}
            </a>
          ) : undefined
        }
      />
      <PaymentFilters values={values} t={t} />
      {invalid.length > 0 && (
        <Alert tone="warning">{t("payments.filters.invalid", { fields: invalid.join(", ") })}</Alert>
      )}
      <PaymentsList
        rows={page?.data ?? []}
        filtered={filtered}
        t={t}
        locale={locale}
        timeZone={scope?.timeZone ?? "UTC"}
      />
      {(nextHref || cursor) && (
        <nav aria-label={t("payments.pagination.label")} className="flex flex-wrap items-center justify-between gap-3">
          {cursor ? (
            <Link href={firstHref} className={buttonClasses({ variant: "ghost" })}>
              {t("payments.pagination.first")}
            </Link>
          ) : (
            <span />
          )}
          {nextHref && (
            <Link href={nextHref} className={buttonClasses({ variant: "secondary" })} data-testid="payments-next">
              {t("payments.pagination.next")}
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
