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
import { CHARGES_KEY, CONFIGS_KEY, objectOf, parseReais, type PixChargeRow } from "./types";

type Props = { open: boolean; onOpenChange: (open: boolean) => void };
type Errors = { amount?: string; description?: string; orderId?: string; form?: string };

/** Creates a PIX charge for the store and hands over the buyer's payment link. */
export function NewChargeDialog({ open, onOpenChange }: Props) {
  const { t, money } = useI18n();
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
    mutationFn: async (body: { amountCentavos: number; description: string; orderId?: string }) =>
      objectOf<PixChargeRow>(await apiFetch("/api/v1/pix/charges", { method: "POST", body, idempotencyKey: key }), "charge"),
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
      else setErrors({ form: message });
      // A refused request can be fixed and sent again as a new intent.
      setKey(newIdempotencyKey());
    },
  });

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const amountCentavos = parseReais(String(form.get("amount") ?? ""));
    const description = String(form.get("description") ?? "").trim();
    const orderId = String(form.get("orderId") ?? "").trim();
    const next: Errors = {};
    if (amountCentavos === null) next.amount = t("pix.create.amountInvalid");
    if (!description) next.description = t("pix.form.required");
    setErrors(next);
    if (amountCentavos === null || !description) return;
    create.mutate({ amountCentavos, description, ...(orderId ? { orderId } : {}) });
  }

  const payUrl = created ? (created.payUrl ?? `${window.location.origin}/pay/pix/${created.id}`) : "";

  return (
    <Dialog open={open} onOpenChange={(o) => (o ? onOpenChange(true) : close())} title={created ? t("pix.create.created") : t("pix.create.title")}
      description={created ? t("pix.create.createdBody") : t("pix.create.description")} dismissible={!create.isPending}
      footer={created ? (
        <>
          <Button variant="secondary" onClick={reset}>{t("pix.create.another")}</Button>
          <Button variant="secondary" href={payUrl} external><ExternalLinkIcon aria-hidden />{t("pix.create.openPage")}</Button>
          <Button onClick={close}>{t("pix.create.done")}</Button>
        </>
      ) : (
        <>
          <Button variant="secondary" onClick={close}>{t("common.cancel")}</Button>
          <Button type="submit" form="new-pix-charge" loading={create.isPending}>{t("pix.create.submit")}</Button>
        </>
      )}>
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
            <Input name="description" maxLength={140} placeholder={t("pix.create.chargeDescriptionPlaceholder")} autoComplete="off" />
          </Field>
          <Field label={t("pix.create.orderId")} hint={t("pix.create.orderIdHint")} error={errors.orderId}>
            <Input name="orderId" maxLength={200} autoComplete="off" className="font-mono" />
          </Field>
          {errors.form && <Alert tone="danger">{errors.form}</Alert>}
        </form>
      )}
    </Dialog>
  );
}
