import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { getI18n } from "@/lib/http/locale";

/** A GET form to /admin/tenants?q=…: store id, owner email or Stripe account id. */
export async function TenantLookup({ defaultValue = "" }: { defaultValue?: string }) {
  const { t } = await getI18n();
  return (
    <search>
      <form method="get" action="/admin/tenants" className="flex flex-col gap-2 sm:flex-row">
        <label htmlFor="tenant-q" className="sr-only">
          {t("tenants.lookup")}
        </label>
        <Input
          id="tenant-q"
          name="q"
          defaultValue={defaultValue}
          placeholder={t("tenants.lookupPlaceholder")}
          className="sm:max-w-md"
          required
        />
        <Button type="submit" variant="secondary">
          {t("tenants.lookupButton")}
        </Button>
      </form>
    </search>
  );
}
