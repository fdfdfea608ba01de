import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { SearchIcon } from "@/components/ui/icons";
import { Select } from "@/components/ui/select";
import type { TranslateFn } from "@/lib/i18n/translate";
import { PAYMENT_METHODS, PAYMENT_STATUSES } from "@/lib/payments/schemas";

export type FilterValues = { q: string; method: string; status: string; from: string; to: string };

/**
 * The filters are a plain GET form: the URL holds them (shareable, survives reload, works before
 * any script loads), and the server reads them with the same schema as the API.
 */
export function PaymentFilters({ values, t }: { values: FilterValues; t: TranslateFn }) {
  const field = "flex min-w-0 flex-col gap-1";
  const label = "text-xs font-medium text-ink-muted";
  return (
    <form
      method="get"
      action="/dashboard/payments"
      aria-label={t("payments.filters.label")}
      className="grid grid-cols-2 gap-3 rounded-lg border border-line bg-surface-raised p-4 sm:grid-cols-4 xl:grid-cols-[minmax(16rem,2fr)_repeat(4,minmax(0,1fr))_auto]"
    >
      <div className={`${field} col-span-2 sm:col-span-4 xl:col-span-1`}>
        <label htmlFor="pf-q" className={label}>
          {t("payments.filters.search")}
        </label>
        <Input
          id="pf-q"
          name="q"
          type="search"
          defaultValue={values.q}
          placeholder={t("payments.filters.searchPlaceholder")}
          leading={<SearchIcon className="size-4" aria-hidden />}
          data-testid="payments-search"
        />
      </div>
      <div className={field}>
        <label htmlFor="pf-method" className={label}>
          {t("payments.filters.method")}
        </label>
        <Select
          id="pf-method"
          name="method"
          defaultValue={values.method}
          placeholder={t("payments.filters.anyMethod")}
          options={PAYMENT_METHODS.map((m) => ({ value: m, label: t(`payments.methods.${m}`) }))}
        />
      </div>
      <div className={field}>
        <label htmlFor="pf-status" className={label}>
          {t("payments.filters.status")}
        </label>
        <Select
          id="pf-status"
          name="status"
          defaultValue={values.status}
          placeholder={t("payments.filters.anyStatus")}
          options={PAYMENT_STATUSES.map((s) => ({ value: s, label: t(`payments.statuses.${s}`) }))}
        />
      </div>
      <div className={field}>
        <label htmlFor="pf-from" className={label}>
          {t("payments.filters.from")}
        </label>
        <Input id="pf-from" name="from" type="date" defaultValue={values.from} />
      </div>
      <div className={field}>
        <label htmlFor="pf-to" className={label}>
          {t("payments.filters.to")}
        </label>
        <Input id="pf-to" name="to" type="date" defaultValue={values.to} />
      </div>
      <div className="col-span-2 flex items-end gap-2 sm:col-span-4 xl:col-span-1">
        <Button type="submit" className="flex-1 xl:flex-none">
          {t("payments.filters.apply")}
        </Button>
        <Button href="/dashboard/payments" variant="ghost">
          {t("payments.filters.clear")}
        </Button>
      </div>
    </form>
  );
}
