"use client";
import { useRouter } from "next/navigation";
import { type ChangeEvent, type FormEvent, useState } from "react";
import { ApiError, apiFetch } from "@/components/api-client";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardFooter } from "@/components/ui/card";
import { Label } from "@/components/ui/label";
import { buttonClasses } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useToast } from "@/components/ui/toast";
import { useI18n } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import { formatTaxId, type TaxIdType, validateTaxId } from "@/lib/tax-id";

export type TaxIdentityValues = {
  legalName: string | null;
  taxId: string | null;
  taxIdType: TaxIdType | null;
  address: {
    line1?: string;
    line2?: string;
    city?: string;
    state?: string;
    postalCode?: string;
    country?: string;
  } | null;
  logoUrl: string | null;
};

/** Same limit as the API (lib/invoices/schemas LOGO_MAX_BYTES): an inline logo stays small. */
const LOGO_MAX_BYTES = 100 * 1024;
const ADDRESS_FIELDS = ["line1", "line2", "city", "state", "postalCode", "country"] as const;

export function TaxIdentityForm({ initial }: { initial: TaxIdentityValues }) {
  const { t } = useI18n();
  const toast = useToast();
  const router = useRouter();
  const [type, setType] = useState<string>(initial.taxIdType ?? "");
  const [logo, setLogo] = useState<string | null>(initial.logoUrl);
  const [errors, setErrors] = useState<{ taxId?: string; logo?: string; form?: string }>({});
  const [pending, setPending] = useState(false);

  function onLogo(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    if (!file) return;
    if (!["image/png", "image/jpeg"].includes(file.type) || file.size > LOGO_MAX_BYTES) {
      setErrors((x) => ({ ...x, logo: t("invoices.tax.logoTooBig") }));
      e.target.value = "";
      return;
    }
    const reader = new FileReader();
    reader.onload = () => {
      setLogo(String(reader.result));
      setErrors((x) => ({ ...x, logo: undefined }));
    };
    reader.readAsDataURL(file);
  }

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const taxId = String(form.get("taxId") ?? "").trim();
    if (type && type !== "none" && taxId) {
      const check = validateTaxId(taxId, type as TaxIdType);
      if (!check.ok) {
        setErrors({ taxId: t(`invoices.tax.problems.${check.problem}` as MessageKey) });
        return;
      }
    }
    const address = Object.fromEntries(ADDRESS_FIELDS.map((f) => [f, String(form.get(f) ?? "")]));
    setPending(true);
    setErrors({});
    try {
      await apiFetch("/api/v1/store/tax-identity", {
        method: "PUT",
        body: {
          legalName: String(form.get("legalName") ?? ""),
          taxIdType: type && type !== "none" ? type : "",
          taxId: type && type !== "none" ? taxId : "",
          address,
          logoUrl: logo ?? "",
        },
      });
      toast.success(t("invoices.tax.saved"));
      router.refresh();
    } catch (err) {
      if (err instanceof ApiError && err.param === "taxId") setErrors({ taxId: err.message });
      else if (err instanceof ApiError && err.param === "logoUrl") setErrors({ logo: t("invoices.tax.logoTooBig") });
      else setErrors({ form: err instanceof ApiError ? err.message : t("common.error") });
    } finally {
      setPending(false);
    }
  }

  const a = initial.address ?? {};
  return (
    <Card>
      <form onSubmit={onSubmit} noValidate>
        <CardContent className="space-y-5 pt-5">
          <Field label={t("invoices.tax.legalName")} error={errors.form}>
            <Input
              name="legalName"
              defaultValue={initial.legalName ?? ""}
              maxLength={150}
              autoComplete="organization"
            />
          </Field>
          <div className="grid gap-4 sm:grid-cols-[12rem_1fr]">
            <Field label={t("invoices.tax.taxIdType")}>
              <Select
                name="taxIdType"
                value={type}
                onChange={(e) => setType(e.target.value)}
                options={[
                  { value: "", label: t("invoices.tax.types.none") },
                  { value: "cpf", label: t("invoices.tax.types.cpf") },
                  { value: "cnpj", label: t("invoices.tax.types.cnpj") },
                  { value: "other", label: t("invoices.tax.types.other") },
                ]}
              />
            </Field>
            <Field label={t("invoices.tax.taxId")} hint={t("invoices.tax.taxIdHint")} error={errors.taxId}>
              <Input
                name="taxId"
                defaultValue={initial.taxId ? formatTaxId(initial.taxId, initial.taxIdType) : ""}
                maxLength={40}
                disabled={!type}
                inputMode={type === "cpf" ? "numeric" : undefined}
              />
            </Field>
          </div>
          <fieldset className="space-y-4">
            <legend className="mb-3 text-sm font-medium text-ink">{t("invoices.tax.address")}</legend>
            <Field label={t("invoices.tax.line1")}>
              <Input name="line1" defaultValue={a.line1 ?? ""} maxLength={120} autoComplete="address-line1" />
            </Field>
            <Field label={t("invoices.tax.line2")}>
              <Input name="line2" defaultValue={a.line2 ?? ""} maxLength={120} autoComplete="address-line2" />
            </Field>
            <div className="grid grid-cols-[1fr_5rem] gap-4 sm:grid-cols-[1fr_5rem_9rem_5rem]">
              <Field label={t("invoices.tax.city")}>
                <Input name="city" defaultValue={a.city ?? ""} maxLength={80} autoComplete="address-level2" />
              </Field>
              <Field label={t("invoices.tax.state")}>
                <Input name="state" defaultValue={a.state ?? ""} maxLength={40} autoComplete="address-level1" />
              </Field>
              <Field label={t("invoices.tax.postalCode")}>
                <Input name="postalCode" defaultValue={a.postalCode ?? ""} maxLength={20} autoComplete="postal-code" />
              </Field>
              <Field label={t("invoices.tax.country")}>
                <Input
                  name="country"
                  defaultValue={a.country ?? "BR"}
                  maxLength={2}
                  className="uppercase"
                  autoComplete="country"
                />
              </Field>
            </div>
          </fieldset>
          <div className="space-y-2">
            <Label htmlFor="tax-logo">{t("invoices.tax.logo")}</Label>
            <div className="flex flex-wrap items-center gap-4">
              {logo && (
                <img
                  src={logo}
                  alt={t("invoices.tax.logo")}
                  className="max-h-12 max-w-40 rounded-sm border border-line"
                />
              )}
              <label className={buttonClasses({ variant: "secondary", size: "sm" }, "cursor-pointer")}>
                {t("invoices.tax.logoChoose")}
                <input
                  id="tax-logo"
                  type="file"
                  accept="image/png,image/jpeg"
                  onChange={onLogo}
                  className="sr-only"
                  aria-describedby="tax-logo-hint"
                />
              </label>
              {logo && (
                <Button type="button" variant="ghost" size="sm" onClick={() => setLogo(null)}>
                  {t("invoices.tax.logoRemove")}
                </Button>
              )}
            </div>
            <p id="tax-logo-hint" className="text-xs text-ink-subtle">
              {t("invoices.tax.logoHint")}
            </p>
            {errors.logo && (
              <p role="alert" className="text-xs text-danger">
                {errors.logo}
              </p>
            )}
          </div>
        </CardContent>
        <CardFooter>
          <Button type="submit" loading={pending}>
            {t("invoices.tax.save")}
          </Button>
        </CardFooter>
      </form>
    </Card>
  );
}
