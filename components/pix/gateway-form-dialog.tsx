"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useI18n } from "@/lib/i18n/client";
import { apiFetch, ApiError } from "@/components/api-client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { cn } from "@/components/ui/cn";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { useToast } from "@/components/ui/toast";
import {
  CONFIGS_KEY,
  fieldLabel,
  gatewayBlurb,
  gatewayName,
  objectOf,
  verifyErrorText,
  type GatewayConfigRow,
  type GatewayType,
  type SplitRuleRow,
  type VerifyResult,
} from "./types";

type Props = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  types: GatewayType[];
  /** Absent: add a new configuration (type picker first). */
  config?: GatewayConfigRow;
};

type Errors = { form?: string; fields: Record<string, string>; check?: { code?: string; reason?: string | null } };
type Saved = { row: GatewayConfigRow; verified: VerifyResult | null };

/**
 * Add a gateway (pick its type, then a form built from its credential fields) or edit one. Saved
 * credentials are checked with the gateway at once, and the dialog says what the gateway answered:
 * a refusal keeps the dialog open on the saved configuration, with the reason, and no success toast.
 */
export function GatewayFormDialog({ open, onOpenChange, types, config: editing }: Props) {
  const { t, money } = useI18n();
  const toast = useToast();
  const qc = useQueryClient();
  const [picked, setPicked] = useState<string | null>(null);
  const [errors, setErrors] = useState<Errors>({ fields: {} });
  // A configuration this dialog added whose credentials the gateway refused: later saves edit it.
  const [added, setAdded] = useState<{ row: GatewayConfigRow; activate: boolean } | null>(null);
  const config = editing ?? added?.row;
  const typeId = config?.gateway ?? picked;
  const type = types.find((g) => g.id === typeId);
  const formId = editing ? `edit-pix-gateway-${editing.id}` : "add-pix-gateway";

  const close = () => {
    setErrors({ fields: {} });
    setPicked(null);
    setAdded(null);
    onOpenChange(false);
  };

  const save = useMutation({
    mutationFn: async (input: {
      label: string;
      credentials: Record<string, string>;
      baseUrl: string | null;
      activate: boolean;
      split?: SplitRuleRow[];
    }) => {
      const body = {
        label: input.label,
        credentials: input.credentials,
        baseUrl: input.baseUrl,
        ...(input.split ? { split: input.split } : {}),
      };
      const row = config
        ? objectOf<GatewayConfigRow>(
            await apiFetch(`/api/v1/pix/configs/${config.id}`, { method: "PATCH", body }),
            "config",
          )
        : objectOf<GatewayConfigRow>(
            await apiFetch("/api/v1/pix/configs", { method: "POST", body: { gateway: typeId, ...body } }),
            "config",
          );
      // Saved credentials are unverified: check them at once, so the seller learns now whether they work.
      if (row.lastVerifyOk === true) return { row, verified: null } satisfies Saved;
      const verified = await apiFetch<VerifyResult>(`/api/v1/pix/configs/${row.id}/verify`, {
        method: "POST",
      }).catch((err: unknown) => ({
        ok: false,
        code: err instanceof ApiError ? err.code : undefined,
        reason: null,
      }));
      if (input.activate && verified.ok && !row.active)
        await apiFetch(`/api/v1/pix/configs/${row.id}`, { method: "PATCH", body: { active: true } });
      return { row, verified } satisfies Saved;
    },
    onSuccess: ({ row, verified }: Saved, input) => {
      void qc.invalidateQueries({ queryKey: CONFIGS_KEY });
      if (verified && !verified.ok) {
        if (!editing) setAdded({ row, activate: input.activate });
        setErrors({ fields: {}, check: { code: verified.code, reason: verified.reason } });
        return;
      }
      // Added here (also after a refusal fixed in this dialog) or edited from a card.
      toast.success(
        verified ? (editing ? t("pix.form.savedVerified") : t("pix.form.addedVerified")) : t("pix.form.saved"),
      );
      close();
    },
    onError: (err) => {
      const message = err instanceof ApiError ? err.message : t("common.error");
      const param = err instanceof ApiError ? err.param?.replace(/^credentials\./, "") : undefined;
      if (
        param &&
        (type?.fields.some((f) => f.name === param) || param === "label" || param === "baseUrl" || param === "split")
      )
        setErrors({ fields: { [param]: message } });
      else setErrors({ form: message, fields: {} });
    },
  });

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!type) return;
    const form = new FormData(e.currentTarget);
    const credentials: Record<string, string> = {};
    const missing: Record<string, string> = {};
    for (const field of type.fields) {
      const value = String(form.get(`cred.${field.name}`) ?? "").trim();
      // Editing: a blank secret keeps the stored one, so it is simply not sent.
      if (config && field.secret && value === "") continue;
      if (field.required && value === "") missing[field.name] = t("pix.form.required");
      credentials[field.name] = value;
    }
    if (Object.keys(missing).length) return setErrors({ fields: missing });
    let split: SplitRuleRow[] | undefined;
    if (type.capabilities.split && type.splitLimits) {
      split = [];
      for (let i = 0; i < splitRows(type); i++) {
        const recipientId = String(form.get(`split.${i}.recipient`) ?? "").trim();
        const pct = String(form.get(`split.${i}.percentage`) ?? "").trim();
        if (!recipientId && !pct) continue;
        const percentage = Number(pct);
        if (!recipientId || !/^\d+$/.test(pct) || percentage < 1 || percentage > 100)
          return setErrors({ fields: { split: t("pix.split.rowInvalid") } });
        split.push({ recipientId, percentage });
      }
      const total = split.reduce((s, r) => s + r.percentage, 0);
      if (total > type.splitLimits.maxTotalPercentage)
        return setErrors({ fields: { split: t("pix.split.tooMuch", { max: type.splitLimits.maxTotalPercentage }) } });
    }
    setErrors({ fields: {} });
    const baseUrl = String(form.get("baseUrl") ?? "").trim();
    save.mutate({
      label: String(form.get("label") ?? "").trim() || gatewayName(t, type.id),
      credentials,
      baseUrl: baseUrl || null,
      activate: added ? added.activate : form.get("activate") === "on",
      split,
    });
  }

  const picking = !config && !type;
  const title = editing ? t("pix.form.editTitle", { label: editing.label }) : t("pix.form.addTitle");
  const footer = picking ? (
    <Button variant="secondary" onClick={close}>
      {t("common.cancel")}
    </Button>
  ) : (
    <>
      {!config && (
        <Button
          variant="secondary"
          onClick={() => {
            setPicked(null);
            setErrors({ fields: {} });
          }}
        >
          {t("pix.form.back")}
        </Button>
      )}
      {added && (
        <Button variant="secondary" onClick={close}>
          {t("common.close")}
        </Button>
      )}
      <Button type="submit" form={formId} loading={save.isPending}>
        {config ? t("pix.form.saveChanges") : t("pix.form.save")}
      </Button>
    </>
  );

  return (
    <Dialog
      open={open}
      onOpenChange={(o) => (o ? onOpenChange(true) : close())}
      title={title}
      description={picking ? t("pix.form.pickTypeHint") : undefined}
      size="lg"
      dismissible={!save.isPending}
      footer={footer}
    >
      {picking ? (
        <fieldset>
          <legend className="sr-only">{t("pix.form.pickType")}</legend>
          <ul className="grid gap-2.5 sm:grid-cols-2">
            {types.map((g) => (
              <li key={g.id} className="flex">
                <button
                  type="button"
                  data-testid={`pix-type-${g.id}`}
                  onClick={() => setPicked(g.id)}
                  className="flex w-full flex-col items-start gap-1 rounded-lg border border-line bg-surface-raised p-3.5 text-left shadow-xs transition-colors hover:border-brand-600 hover:bg-brand-50/40 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus"
                >
                  <span className="text-sm font-semibold text-ink">{gatewayName(t, g.id)}</span>
                  <span className="text-[13px] leading-snug text-ink-muted">{gatewayBlurb(t, g.id)}</span>
                  {g.minimumCentavos > 1 && (
                    <span className="text-xs text-ink-subtle">
                      {t("pix.card.minimum", { amount: money(g.minimumCentavos, "BRL") })}
                    </span>
                  )}
                </button>
              </li>
            ))}
          </ul>
        </fieldset>
      ) : type ? (
        <form id={formId} onSubmit={onSubmit} className="flex flex-col gap-5" key={`${typeId}-${open}`} noValidate>
          {errors.check && (
            <Alert tone="danger" title={verifyErrorText(t, errors.check.code)} data-testid="pix-form-check-error">
              {errors.check.reason && (
                <p className="break-words">{t("pix.gatewaySaid", { reason: errors.check.reason })}</p>
              )}
              <p>{t("pix.form.rejectedHint")}</p>
            </Alert>
          )}
          <div className="flex items-start justify-between gap-3 rounded-lg border border-line bg-surface-sunken px-3.5 py-3">
            <div className="flex min-w-0 flex-col gap-0.5">
              <span className="text-sm font-semibold text-ink" data-testid="pix-form-type">
                {gatewayName(t, type.id)}
              </span>
              <span className="text-[13px] text-ink-muted">
                {gatewayBlurb(t, type.id)}
                {type.minimumCentavos > 1 && (
                  <> · {t("pix.card.minimum", { amount: money(type.minimumCentavos, "BRL") })}</>
                )}
              </span>
            </div>
          </div>
          <Field label={t("pix.form.label")} hint={t("pix.form.labelHint")} error={errors.fields.label}>
            <Input
              name="label"
              defaultValue={config?.label ?? gatewayName(t, type.id)}
              maxLength={80}
              autoComplete="off"
            />
          </Field>
          <fieldset className="flex flex-col gap-4">
            <legend className="mb-1 text-sm font-semibold text-ink">{t("pix.form.credentialsTitle")}</legend>
            <p className="-mt-2 text-[13px] text-ink-subtle">{t("pix.form.credentialsHint")}</p>
            {type.fields.map((field) => {
              const masked = config?.maskedCredentials[field.name] ?? null;
              const keep = config && field.secret && masked ? t("pix.form.keepSecret", { masked }) : undefined;
              const hint = [keep, field.help].filter(Boolean).join(" · ") || undefined;
              const common = {
                name: `cred.${field.name}`,
                autoComplete: "off",
                spellCheck: false,
                defaultValue: config && !field.secret ? (masked ?? "") : "",
              };
              return (
                <Field
                  key={field.name}
                  label={fieldLabel(t, field)}
                  required={field.required && !keep}
                  hint={hint}
                  error={errors.fields[field.name]}
                >
                  {field.multiline ? (
                    <Textarea
                      {...common}
                      rows={4}
                      className={cn("font-mono text-xs", field.secret && "[-webkit-text-security:disc]")}
                      placeholder={field.secret && masked ? masked : undefined}
                    />
                  ) : (
                    <Input
                      {...common}
                      type={field.secret ? "password" : "text"}
                      placeholder={field.secret && masked ? masked : undefined}
                      className="font-mono"
                    />
                  )}
                </Field>
              );
            })}
          </fieldset>
          {type.capabilities.split && type.splitLimits && (
            <SplitFields type={type} initial={config?.split ?? []} error={errors.fields.split} />
          )}
          {type.id !== "direct_key" && (
            <details className="group rounded-lg border border-line px-3.5 py-2.5" open={!!config?.baseUrl}>
              <summary className="cursor-pointer text-sm font-medium text-ink-muted select-none">
                {t("pix.form.advanced")}
              </summary>
              <div className="pt-3 pb-1">
                <Field label={t("pix.form.baseUrl")} hint={t("pix.form.baseUrlHint")} error={errors.fields.baseUrl}>
                  <Input
                    name="baseUrl"
                    type="url"
                    inputMode="url"
                    defaultValue={config?.baseUrl ?? ""}
                    placeholder="https://"
                    maxLength={2048}
                    autoComplete="off"
                  />
                </Field>
              </div>
            </details>
          )}
          {!editing && !added && (
            <Checkbox
              id={`${formId}-activate`}
              name="activate"
              defaultChecked
              label={t("pix.form.activate")}
              description={t("pix.form.verifyAfterSave")}
            />
          )}
          {errors.form && (
            <p role="alert" className="text-[13px] font-medium text-danger-ink">
              {errors.form}
            </p>
          )}
        </form>
      ) : null}
    </Dialog>
  );
}

/** Rows offered for split recipients: the gateway's maximum, at most 3 on screen. */
const splitRows = (type: GatewayType) => Math.min(3, type.splitLimits?.maxRecipients ?? 0);

/** Split settings: who receives which whole percentage of every charge, within the gateway's own limits. */
function SplitFields({ type, initial, error }: { type: GatewayType; initial: SplitRuleRow[]; error?: string }) {
  const { t, money } = useI18n();
  const limits = type.splitLimits!;
  const rules = [
    t("pix.split.ruleRecipients", { n: limits.maxRecipients }),
    t("pix.split.ruleTotal", { max: limits.maxTotalPercentage }),
    ...(limits.minShareExclusiveCentavos !== undefined
      ? [t("pix.split.ruleMinShare", { amount: money(limits.minShareExclusiveCentavos, "BRL") })]
      : []),
  ];
  return (
    <fieldset className="flex flex-col gap-3" data-testid="pix-split-fields" aria-describedby="pix-split-rules">
      <legend className="mb-1 text-sm font-semibold text-ink">{t("pix.split.title")}</legend>
      <p id="pix-split-rules" className="-mt-2 text-[13px] text-ink-subtle">
        {t("pix.split.hint", { gateway: gatewayName(t, type.id) })} {rules.join(" · ")}
      </p>
      {Array.from({ length: splitRows(type) }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a fixed number of recipient slots; the slot is the identity
        <div key={i} className="grid grid-cols-[minmax(0,1fr)_6.5rem] gap-2.5">
          <Field label={t("pix.split.recipient")} className={i > 0 ? "[&_label]:sr-only" : undefined}>
            <Input
              name={`split.${i}.recipient`}
              defaultValue={initial[i]?.recipientId ?? ""}
              maxLength={120}
              autoComplete="off"
              spellCheck={false}
              className="font-mono"
              placeholder={t("pix.split.recipientPlaceholder")}
            />
          </Field>
          <Field label={t("pix.split.percentage")} className={i > 0 ? "[&_label]:sr-only" : undefined}>
            <Input
              name={`split.${i}.percentage`}
              defaultValue={initial[i]?.percentage ?? ""}
              inputMode="numeric"
              trailing="%"
              autoComplete="off"
            />
          </Field>
        </div>
      ))}
      {error && (
        <p role="alert" className="text-[13px] font-medium text-danger-ink">
          {error}
        </p>
      )}
    </fieldset>
  );
}
