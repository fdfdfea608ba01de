"use client";
// Boleto on the pay page: only what Stripe needs for it (name, email, CPF/CNPJ, address). The
// server validates the CPF/CNPJ again and issues the voucher; the receipt page then shows it.
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { ApiError, apiFetch } from "@/components/api-client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useI18n } from "@/lib/i18n/client";

type Voucher = { orderId: string; number: string; url: string; expiresAt: string };
const FIELDS = ["name", "email", "taxId", "line1", "line2", "city", "state", "postalCode"] as const;
type FieldName = (typeof FIELDS)[number];

export function BoletoForm({ clientSecret, onDone }: { clientSecret: string; onDone: () => void }) {
  const { t } = useI18n();
  const router = useRouter();
  const [values, setValues] = useState<Record<FieldName, string>>(
    Object.fromEntries(FIELDS.map((f) => [f, ""])) as Record<FieldName, string>,
  );
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const bind = (name: FieldName) => ({
    name,
    value: values[name],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => setValues((v) => ({ ...v, [name]: e.target.value })),
  });

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const missing = FIELDS.filter((f) => f !== "line2" && !values[f].trim());
    setErrors(Object.fromEntries(missing.map((f) => [f, t("checkout.boleto.required")])));
    if (missing.length) return;
    setPending(true);
    setError(null);
    try {
      const { voucher } = await apiFetch<{ voucher: Voucher }>("/api/public/payment-intents/boleto", {
        method: "POST",
        body: {
          clientSecret,
          name: values.name,
          email: values.email,
          taxId: values.taxId,
          address: {
            line1: values.line1,
            ...(values.line2.trim() ? { line2: values.line2 } : {}),
            city: values.city,
            state: values.state,
            postalCode: values.postalCode,
          },
        },
      });
      onDone();
      router.push(`/receipt/${voucher.orderId}`);
    } catch (err) {
      setPending(false);
      if (err instanceof ApiError && err.code === "invalid_cpf") {
        setErrors({ taxId: t("checkout.boleto.invalidTaxId") });
        return;
      }
      setError(err instanceof Error ? err.message : t("common.declines.generic"));
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate data-testid="boleto-form">
      <p className="text-sm text-ink-muted">{t("checkout.boleto.intro")}</p>
      <Field label={t("checkout.boleto.name")} error={errors.name} required>
        <Input autoComplete="name" {...bind("name")} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("checkout.boleto.email")} error={errors.email} required>
          <Input type="email" autoComplete="email" {...bind("email")} />
        </Field>
        <Field label={t("checkout.boleto.taxId")} error={errors.taxId} required>
          <Input inputMode="numeric" autoComplete="off" placeholder="000.000.000-00" {...bind("taxId")} />
        </Field>
      </div>
      <Field label={t("checkout.boleto.line1")} error={errors.line1} required>
        <Input autoComplete="address-line1" {...bind("line1")} />
      </Field>
      <Field label={t("checkout.boleto.line2")}>
        <Input autoComplete="address-line2" {...bind("line2")} />
      </Field>
      <div className="grid grid-cols-[1fr_5rem] gap-4 sm:grid-cols-[1fr_5rem_8rem]">
        <Field label={t("checkout.boleto.city")} error={errors.city} required>
          <Input autoComplete="address-level2" {...bind("city")} />
        </Field>
        <Field label={t("checkout.boleto.state")} error={errors.state} required>
          <Input autoComplete="address-level1" maxLength={2} className="uppercase" {...bind("state")} />
        </Field>
        <Field
          label={t("checkout.boleto.postalCode")}
          error={errors.postalCode}
          required
          className="col-span-2 sm:col-span-1"
        >
          <Input inputMode="numeric" autoComplete="postal-code" placeholder="00000-000" {...bind("postalCode")} />
        </Field>
      </div>
      {error && (
        <Alert tone="danger" role="alert">
          {error}
        </Alert>
      )}
      <Button type="submit" size="lg" fullWidth loading={pending}>
        {t("checkout.boleto.submit")}
      </Button>
    </form>
  );
}
