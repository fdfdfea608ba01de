"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useI18n } from "@/lib/i18n/client";
import { STORE_EVENT_TYPES, type StoreEventType } from "@/lib/callbacks/event-types";
import { apiFetch, ApiError } from "@/components/api-client";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { ENDPOINTS_KEY, eventLabelKey, type EndpointRow } from "./types";

type Props = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Absent: create a new endpoint. */
  endpoint?: EndpointRow;
  defaultUrl: string | null;
  onCreated?: (secret: string) => void;
};

/** Create or edit an endpoint: URL and the event-type filter. */
export function EndpointFormDialog({ open, onOpenChange, endpoint, defaultUrl, onCreated }: Props) {
  const { t } = useI18n();
  const toast = useToast();
  const qc = useQueryClient();
  const [errors, setErrors] = useState<{ url?: string; form?: string }>({});
  const formId = endpoint ? `edit-endpoint-${endpoint.id}` : "create-endpoint";

  const save = useMutation({
    mutationFn: (body: { url?: string; eventTypes: StoreEventType[] }) =>
      endpoint
        ? apiFetch<EndpointRow & { secret?: string }>(`/api/v1/callbacks/endpoints/${endpoint.id}`, {
            method: "PATCH",
            body,
          })
        : apiFetch<EndpointRow & { secret?: string }>("/api/v1/callbacks/endpoints", { method: "POST", body }),
    onSuccess: (row) => {
      onOpenChange(false);
      void qc.invalidateQueries({ queryKey: ENDPOINTS_KEY });
      if (row.secret) onCreated?.(row.secret);
      else toast.success(t("callbacks.saved"));
    },
    onError: (err) => {
      const message = err instanceof ApiError ? err.message : t("common.error");
      setErrors(err instanceof ApiError && err.param === "url" ? { url: message } : { form: message });
    },
  });

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setErrors({});
    const form = new FormData(e.currentTarget);
    const url = String(form.get("url") ?? "").trim();
    const eventTypes = form.getAll("eventTypes").map(String) as StoreEventType[];
    save.mutate({ ...(url ? { url } : {}), eventTypes });
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        if (!o) setErrors({});
        onOpenChange(o);
      }}
      title={endpoint ? t("callbacks.editEndpoint") : t("callbacks.addEndpoint")}
      footer={
        <>
          <Button variant="secondary" onClick={() => onOpenChange(false)}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" form={formId} loading={save.isPending}>
            {endpoint ? t("callbacks.save") : t("callbacks.create")}
          </Button>
        </>
      }
    >
      <form id={formId} onSubmit={onSubmit} className="flex flex-col gap-5" key={open ? "open" : "closed"}>
        <Field
          label={t("callbacks.url")}
          error={errors.url}
          required={!defaultUrl && !endpoint}
          hint={
            defaultUrl && !endpoint ? t("callbacks.urlHint", { default: defaultUrl }) : t("callbacks.urlHintNoDomain")
          }
        >
          <Input
            name="url"
            type="url"
            inputMode="url"
            defaultValue={endpoint?.url ?? ""}
            placeholder={defaultUrl ?? t("callbacks.urlPlaceholder")}
            maxLength={2048}
            autoFocus
          />
        </Field>
        <fieldset className="flex flex-col gap-2.5">
          <legend className="mb-1 text-sm font-medium text-ink">{t("callbacks.eventTypes")}</legend>
          <p className="-mt-1 mb-1 text-[13px] text-ink-subtle">{t("callbacks.eventTypesHint")}</p>
          <div className="grid gap-2.5 sm:grid-cols-2">
            {STORE_EVENT_TYPES.map((type) => (
              <Checkbox
                key={type}
                id={`${formId}-${type}`}
                name="eventTypes"
                value={type}
                defaultChecked={endpoint?.eventTypes.includes(type)}
                label={t(eventLabelKey(type))}
                description={<code className="font-mono text-xs">{type}</code>}
              />
            ))}
          </div>
        </fieldset>
        {errors.form && (
          <p role="alert" className="text-[13px] font-medium text-danger-ink">
            {errors.form}
          </p>
        )}
      </form>
    </Dialog>
  );
}
