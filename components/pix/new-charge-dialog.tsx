"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useI18n } from "@/lib/i18n/client";
import { apiFetch, ApiError, newIdempotencyKey } from "@/components/api-client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CodeBlock } from "@/components/ui/code";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { ExternalLinkIcon } from "@/components/ui/icons";
import { Input } from "@/components/ui/input";
import {
  CHARGES_KEY,
  CONFIGS_KEY,
  gatewayName,
  objectOf,
  parseReais,
  type BuyerField,
  type CustomerRequirements,
  type PixChargeRow,
} from "./types";

/** `buyer`: what the gateway that will take the charge (first chargeable by priority) needs to know about the buyer. */
type Props = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  buyer?: { gateway: string; requirements: CustomerRequirements } | null;
};
type Errors = { amount?: string; description?: string; orderId?: string; form?: string } & Partial<
  Record<BuyerField, string>
>;

const BUYER_FIELDS: BuyerField[] = ["name", "email", "document", "phone"];

/** Creates a PIX charge for the store and hands over the buyer's payment link. */
export function NewChargeDialog({ open, onOpenChange, buyer }: Props) {
  const { t, money, locale } = useI18n();
  const qc = useQueryClient();
  const [errors, setErrors] = useState<Errors>({});
  const [created, setCreated] = useState<PixChargeRow | null>(null);
  // One key per form mount: a double click or a retry creates one charge.
  const [key, setKey] = useState(newIdempotencyKey);

  const reset = () => {
    setErrors({});
    setCreated(null);
    setKey(newIdempotencyKey());
  };
  const close = () => {
    reset();
    onOpenChange(false);
  };

  const create = useMutation({
    mutationFn: async (body: {
      amountCentavos: number;
      description: string;
      orderId?: string;
      customer?: Partial<Record<BuyerField, string>>;
    }) =>
      objectOf<PixChargeRow>(
        await apiFetch("/api/v1/pix/charges", { method: "POST", body, idempotencyKey: key }),
        "charge",
      ),
    onSuccess: (charge) => {
      setCreated(charge);
      void qc.invalidateQueries({ queryKey: CHARGES_KEY });
      void qc.invalidateQueries({ queryKey: CONFIGS_KEY });
    },
    onError: (err) => {
      const message = err instanceof ApiError ? err.message : t("common.error");
      const param = err instanceof ApiError ? err.param : undefined;
      if (param === "amountCentavos") setErrors({ amount: message });
      else if (param === "description" || param === "orderId") setErrors({ [param]: message });
      else if (param?.startsWith("customer.") && BUYER_FIELDS.includes(param.slice(9) as BuyerField))
        setErrors({ [param.slice(9)]: message });
      else setErrors({ form: message });
      // A refused request can be fixed and sent again as a new intent.
      setKey(newIdempotencyKey());
    },
  });

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const amountCentavos = parseReais(String(form.get("amount") ?? ""), locale);
    const description = String(form.get("description") ?? "").trim();
    const orderId = String(form.get("orderId") ?? "").trim();
    const next: Errors = {};
    if (amountCentavos === null) next.amount = t("pix.create.amountInvalid");
    if (!description) next.description = t("pix.form.required");
    const customer: Partial<Record<BuyerField, string>> = {};
    for (const f of needed) {
      const value = String(form.get(`customer.${f}`) ?? "").trim();
      if (value) customer[f] = value;
      else next[f] = t("pix.form.required");
    }
    setErrors(next);
    if (amountCentavos === null || Object.keys(next).length) return;
    create.mutate({
      amountCentavos,
      description,
      ...(orderId ? { orderId } : {}),
      ...(needed.length ? { customer } : {}),
    });
  }

  const req = buyer?.requirements;
  const needed = BUYER_FIELDS.filter((f) => (f === "document" ? !!req?.document : !!req?.[f]));
  const payUrl = created ? (created.payUrl ?? `${window.location.origin}/pay/pix/${created.id}`) : "";

  return (
    <Dialog
      open={open}
      onOpenChange={(o) => (o ? onOpenChange(true) : close())}
      title={created ? t("pix.create.created") : t("pix.create.title")}
      description={created ? t("pix.create.createdBody") : t("pix.create.description")}
      dismissible={!create.isPending}
      footer={
        created ? (
          <>
            <Button variant="secondary" onClick={reset}>
              {t("pix.create.another")}
            </Button>
            <Button variant="secondary" href={payUrl} external>
              <ExternalLinkIcon aria-hidden />
              {t("pix.create.openPage")}
            </Button>
            <Button onClick={close}>{t("pix.create.done")}</Button>
          </>
        ) : (
          <>
            <Button variant="secondary" onClick={close}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" form="new-pix-charge" loading={create.isPending}>
              {t("pix.create.submit")}
            </Button>
          </>
        )
      }
    >
      {created ? (
        <div className="flex flex-col gap-4 pb-1" data-testid="pix-charge-created">
          <p className="text-2xl font-semibold tabular-nums">{money(created.amountCentavos, "BRL")}</p>
          <CodeBlock label={t("pix.create.link")} value={payUrl} copyable nowrap />
        </div>
      ) : (
        <form id="new-pix-charge" onSubmit={onSubmit} className="flex flex-col gap-5" noValidate>
          <Field label={t("pix.create.amount")} hint={t("pix.create.amountHint")} error={errors.amount} required>
            <Input name="amount" inputMode="decimal" leading="R$" placeholder="0,00" autoComplete="off" autoFocus />
          </Field>
          <Field label={t("pix.create.chargeDescription")} error={errors.description} required>
            <Input
              name="description"
              maxLength={140}
              placeholder={t("pix.create.chargeDescriptionPlaceholder")}
              autoComplete="off"
            />
          </Field>
          <Field label={t("pix.create.orderId")} hint={t("pix.create.orderIdHint")} error={errors.orderId}>
            <Input name="orderId" maxLength={200} autoComplete="off" className="font-mono" />
          </Field>
          {needed.length > 0 && (
            <fieldset
              className="flex flex-col gap-4 rounded-lg border border-line px-3.5 pt-2.5 pb-3.5"
              data-testid="pix-buyer-fields"
            >
              <legend className="px-1 text-sm font-semibold text-ink">{t("pix.buyer.title")}</legend>
              <p className="-mt-1 text-[13px] text-ink-subtle">
                {t("pix.buyer.hint", { gateway: gatewayName(t, buyer!.gateway) })}
              </p>
              {needed.includes("name") && (
                <Field label={t("pix.buyer.name")} error={errors.name} required>
                  <Input name="customer.name" maxLength={120} autoComplete="off" />
                </Field>
              )}
              {needed.includes("email") && (
                <Field label={t("pix.buyer.email")} error={errors.email} required>
                  <Input name="customer.email" type="email" inputMode="email" maxLength={254} autoComplete="off" />
                </Field>
              )}
              <div className="grid gap-4 sm:grid-cols-2">
                {needed.includes("document") && (
                  <Field
                    label={req?.document === "cpf" ? t("pix.buyer.cpf") : t("pix.buyer.cpfOrCnpj")}
                    error={errors.document}
                    required
                  >
                    <Input
                      name="customer.document"
                      inputMode="numeric"
                      maxLength={20}
                      placeholder="000.000.000-00"
                      autoComplete="off"
                      className="tabular-nums"
                    />
                  </Field>
                )}
                {needed.includes("phone") && (
                  <Field label={t("pix.buyer.phone")} hint={t("pix.buyer.phoneHint")} error={errors.phone} required>
                    <Input
                      name="customer.phone"
                      type="tel"
                      inputMode="tel"
                      maxLength={25}
                      placeholder="(11) 99999-0000"
                      autoComplete="off"
                      className="tabular-nums"
                    />
                  </Field>
                )}
              </div>
            </fieldset>
          )}
          {errors.form && <Alert tone="danger">{errors.form}</Alert>}
        </form>
      )}
    </Dialog>
  );
}
