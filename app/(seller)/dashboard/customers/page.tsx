import Link from "next/link";
import { CustomerSearch } from "@/components/customers/customer-search";
import { CustomersList } from "@/components/customers/customers-list";
import { buttonClasses } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requireSellerPage } from "@/lib/auth/session";
import { listCustomers, storeTimeZone } from "@/lib/customers/queries";
import { ListCustomersQuery } from "@/lib/customers/schemas";
import { getI18n } from "@/lib/http/locale";

export const metadata = { title: "Customers" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);

export default async function CustomersPage({ searchParams }: Props) {
  const { store } = await requireSellerPage();
  const { t, locale } = await getI18n();
  const raw = await searchParams;
  const parsed = ListCustomersQuery.safeParse({ q: one(raw.q), cursor: one(raw.cursor), limit: 25 });
  const query = parsed.success ? parsed.data : ListCustomersQuery.parse({ q: one(raw.q)?.slice(0, 200), limit: 25 });
  const timeZone = store ? await storeTimeZone(store.id) : "UTC";
  const page = store
    ? await listCustomers(store.id, query).catch(() => listCustomers(store.id, { ...query, cursor: undefined }))
    : null;
  const q = query.q ?? "";
  const nextHref = page?.nextCursor
    ? `/dashboard/customers?${new URLSearchParams({ ...(q ? { q } : {}), cursor: page.nextCursor }).toString()}`
    : null;
  const firstHref = `/dashboard/customers${q ? `?${new URLSearchParams({ q }).toString()}` : ""}`;

  return (
    <div className="space-y-6" data-testid="customers-page">
      <PageHeader title={t("customers.title")} description={t("customers.description")} />
      <CustomerSearch q={q} t={t} />
      <CustomersList rows={page?.data ?? []} searched={!!q} t={t} locale={locale} timeZone={timeZone} />
      {(nextHref || query.cursor) && (
        <nav aria-label={t("customers.pagination.label")} className="flex flex-wrap items-center justify-between gap-3">
          {query.cursor ? (
            <Link href={firstHref} className={buttonClasses({ variant: "ghost" })}>
              {t("customers.pagination.first")}
            </Link>
          ) : (
            <span />
          )}
          {nextHref && (
            <Link href={nextHref} className={buttonClasses({ variant: "secondary" })} data-testid="customers-next">
              {t("customers.pagination.next")}
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
