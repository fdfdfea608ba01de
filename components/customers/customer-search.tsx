import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { TranslateFn } from "@/lib/i18n/translate";

/** A plain GET form: the search lives in the URL, so it can be shared and paged. */
export function CustomerSearch({ q, t }: { q: string; t: TranslateFn }) {
  return (
    <search aria-label={t("customers.search.label")}>
      <form className="flex flex-wrap items-center gap-2">
        <Input
          name="q"
          type="search"
          defaultValue={q}
          placeholder={t("customers.search.placeholder")}
          aria-label={t("customers.search.label")}
          className="min-w-0 flex-1 basis-56"
          data-testid="customer-search"
        />
        <button type="submit" className={buttonClasses({ variant: "secondary" })}>
          {t("customers.search.submit")}
        </button>
        {q && (
          <Link href="/dashboard/customers" className={buttonClasses({ variant: "ghost" })}>
            {t("customers.search.clear")}
          </Link>
        )}
      </form>
    </search>
  );
}
