"use client";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useI18n } from "@/lib/i18n/client";
import { isBrPhone, isCnpj, isCpf, normalisePhone, onlyDigits } from "@/lib/pix/customer";
import { apiFetch, ApiError } from "@/components/api-client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ShieldIcon, XCircleIcon } from "@/components/ui/icons";
import { Input } from "@/components/ui/input";
import { clock, PayHeader, SettledPayment, useSecondsLeft } from "./pay-parts";
import type { BuyerField, PublicPixCharge } from "./types";

type Errors = Partial<Record<BuyerField | "form", string>>;

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** 000.000.000-00 (or a CNPJ's 00.000.000/0000-00 past 11 digits, where one is accepted) as the buyer types. */
function formatDocument(raw: string, cnpj: boolean): string {
  const d = onlyDigits(raw).slice(0, cnpj ? 14 : 11);
  if (d.length > 11)
    return d.replace(/^(\d{2})(\d{3})(\d{3})(\d{0,4})(\d{0,2}).*/, (_, a, b, c, e, f) =>
      [`${a}.${b}.${c}`, e && `/${e}`, f && `-${f}`].filter(Boolean).join(""),
    );
  return d.replace(/^(\d{0,3})(\d{0,3})(\d{0,3})(\d{0,2}).*/, (_, a, b, c, e) =>
    [a, b && `.${b}`, c && `.${c}`, e && `-${e}`].filter(Boolean).join(""),
  );
}

/** (11) 98888-7777 / (11) 3333-4444 as the buyer types. */
function formatPhone(raw: string): string {
  const d = onlyDigits(raw).slice(0, 11);
  if (d.length <= 2) return d;
  const rest = d.slice(2);
  const split = rest.length > 8 ? 5 : 4;
  return `(${d.slice(0, 2)}) ${rest.length > split ? `${rest.slice(0, split)}-${rest.slice(split)}` : rest}`;
}

/**
 * The buyer's details a gateway needs before it can create the PIX charge (the store did not have
 * them): only the fields the first gateway in the store's order still lacks, checked here as the
 * server checks them (CPF check digits, phone with area code), then sent once.
 */
export function BuyerDataForm({
  charge,
  onCreated,
}: {
  charge: PublicPixCharge;
  onCreated: (charge: PublicPixCharge) => void;
}) {
  const { t } = useI18n();
  const router = useRouter();
  const [errors, setErrors] = useState<Errors>({});
  const [pending, setPending] = useState(false);
  const [document, setDocument] = useState("");
  const [phone, setPhone] = useState("");
  const secondsLeft = useSecondsLeft(charge.expiresAt);
  const form = charge.customerForm;
  const store = charge.storeName;
  const cnpj = form?.document === "cpf_or_cnpj";
  const invalidDocument = cnpj ? t("pix.pay.customer.invalidCpfOrCnpj") : t("pix.pay.customer.invalidCpf");

  if (secondsLeft === 0) return <SettledPayment charge={charge} view="expired" />;
  if (!form)
    return (
      <div
        className="flex flex-col items-center gap-6 py-4 text-center"
        data-testid="pix-pay"
        data-status="unavailable"
      >
        <XCircleIcon className="size-14 text-ink-subtle" aria-hidden />
        <div className="flex flex-col gap-2">
          <h1 className="text-xl font-semibold">{t("pix.pay.customer.unavailableTitle")}</h1>
          <p className="text-sm text-ink-muted">{t("pix.pay.customer.unavailableBody", { store })}</p>
        </div>
        <div className="w-full rounded-lg border border-line bg-surface-sunken p-4">
          <PayHeader charge={charge} />
        </div>
      </div>
    );

  function check(values: Record<BuyerField, string>): Errors {
    const next: Errors = {};
    for (const field of form!.fields) {
      const value = values[field].trim();
      if (!value) next[field] = t("pix.pay.customer.required");
      else if (field === "name" && value.replace(/\s+/g, " ").length < 3) next.name = t("pix.pay.customer.invalidName");
      else if (field === "email" && !EMAIL.test(value)) next.email = t("pix.pay.customer.invalidEmail");
      else if (field === "document" && !(isCpf(onlyDigits(value)) || (cnpj && isCnpj(onlyDigits(value)))))
        next.document = invalidDocument;
      else if (field === "phone" && !isBrPhone(normalisePhone(value))) next.phone = t("pix.pay.customer.invalidPhone");
    }
    return next;
  }

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (pending) return;
    const data = new FormData(e.currentTarget);
    const values = Object.fromEntries(
      (["name", "email", "document", "phone"] as const).map((f) => [f, String(data.get(f) ?? "")]),
    ) as Record<BuyerField, string>;
    const next = check(values);
    setErrors(next);
    if (Object.keys(next).length) return;
    setPending(true);
    try {
      const body = Object.fromEntries(form!.fields.map((f) => [f, values[f].trim()]));
      const res = await apiFetch<{ charge: PublicPixCharge }>(`/api/public/pix/charges/${charge.id}/customer`, {
        method: "POST",
        body,
      });
      onCreated(res.charge);
    } catch (err) {
      setPending(false);
      if (!(err instanceof ApiError)) return setErrors({ form: t("pix.pay.customer.failed") });
      // Sent from another tab, or expired meanwhile: show the charge as it now is.
      if (err.status === 409 || err.status === 404) return router.refresh();
      if (err.status === 429) return setErrors({ form: t("pix.pay.customer.tooMany") });
      const field = err.param as BuyerField | undefined;
      const byField: Record<BuyerField, string> = {
        name: t("pix.pay.customer.invalidName"),
        email: t("pix.pay.customer.invalidEmail"),
        document: invalidDocument,
        phone: t("pix.pay.customer.invalidPhone"),
      };
      if (field && field in byField) setErrors({ [field]: byField[field] });
      else setErrors({ form: t("pix.pay.customer.failed") });
    }
  }

  const has = (f: BuyerField) => form.fields.includes(f);
  return (
    <div className="flex flex-col gap-6" data-testid="pix-pay" data-status="awaiting_customer">
      <PayHeader charge={charge} />
      <form
        onSubmit={onSubmit}
        noValidate
        className="flex flex-col gap-5 border-t border-line pt-5"
        data-testid="pix-buyer-form"
        aria-labelledby="pix-buyer-form-title"
      >
        <div className="flex flex-col gap-1">
          <h1 id="pix-buyer-form-title" className="text-base font-semibold text-ink">
            {t("pix.pay.customer.title")}
          </h1>
          <p className="text-[13px] text-ink-muted">{t("pix.pay.customer.body", { store })}</p>
        </div>
        {has("name") && (
          <Field label={t("pix.buyer.name")} error={errors.name} required>
            <Input name="name" maxLength={120} autoComplete="name" />
          </Field>
        )}
        {has("email") && (
          <Field label={t("pix.buyer.email")} error={errors.email} required>
            <Input name="email" type="email" inputMode="email" maxLength={254} autoComplete="email" />
          </Field>
        )}
        {has("document") && (
          <Field label={cnpj ? t("pix.buyer.cpfOrCnpj") : t("pix.buyer.cpf")} error={errors.document} required>
            <Input
              name="document"
              inputMode="numeric"
              maxLength={cnpj ? 18 : 14}
              placeholder="000.000.000-00"
              autoComplete="off"
              className="tabular-nums"
              value={document}
              onChange={(e) => setDocument(formatDocument(e.target.value, cnpj))}
            />
          </Field>
        )}
        {has("phone") && (
          <Field label={t("pix.buyer.phone")} hint={t("pix.buyer.phoneHint")} error={errors.phone} required>
            <Input
              name="phone"
              type="tel"
              inputMode="tel"
              maxLength={16}
              placeholder="(11) 99999-0000"
              autoComplete="tel-national"
              className="tabular-nums"
              value={phone}
              onChange={(e) => setPhone(formatPhone(e.target.value))}
            />
          </Field>
        )}
        {errors.form && <Alert tone="danger">{errors.form}</Alert>}
        <div className="flex flex-col gap-3">
          <Button type="submit" size="lg" className="w-full" loading={pending}>
            {t("pix.pay.customer.submit")}
          </Button>
          <p className="flex items-center justify-center gap-1.5 text-center text-[13px] text-ink-subtle">
            <ShieldIcon className="size-3.5 shrink-0" aria-hidden />
            {t("pix.pay.customer.privacy")}
          </p>
          {secondsLeft !== null && charge.expiresAt && (
            <p className="text-center text-[13px] text-ink-subtle tabular-nums" data-testid="pix-link-countdown">
              {t("pix.pay.customer.expiresIn", { time: clock(secondsLeft) })}
            </p>
          )}
        </div>
      </form>
    </div>
  );
}
