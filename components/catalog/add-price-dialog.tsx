"use client";
import { useRef, useState, type FormEvent } from "react";
import { useI18n } from "@/lib/i18n/client";
import { apiFetch, ApiError, newIdempotencyKey } from "@/components/api-client";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Alert } from "@/components/ui/alert";
import { apiErrorText, type ErrorText } from "@/components/connect/api-error-text";
import { emptyDraft, priceParam, readDraft, stripParam, type PriceErrors } from "./price-draft";
import { PriceFields } from "./price-fields";
import type { PriceView } from "./types";

/** Mounted per opening: a fresh draft and a fresh Idempotency-Key each time. */
export function AddPriceDialog({
  productId,
  defaultCurrency,
  onClose,
  onAdded,
}: {
  productId: string;
  defaultCurrency: string;
  onClose: () => void;
  onAdded: (price: PriceView) => void;
}) {
  const { t, locale } = useI18n();
  // One key per mount, made on first submit (the server render has no crypto.randomUUID/window).
  const keyRef = useRef<string | null>(null);
  const [draft, setDraft] = useState(() => emptyDraft(defaultCurrency));
  const [errors, setErrors] = useState<PriceErrors>({});
  const [formError, setFormError] = useState<ErrorText | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setFormError(null);
    const { errors: next, body } = readDraft(t, locale, draft);
    setErrors(next);
    if (!body) return;
    setBusy(true);
    try {
      onAdded(
        await apiFetch<PriceView>(`/api/v1/products/${productId}/prices`, {
          method: "POST",
          body,
          idempotencyKey: (keyRef.current ??= newIdempotencyKey()),
        }),
      );
    } catch (err) {
      setBusy(false);
      const field = err instanceof ApiError && err.code === "validation_failed" ? priceParam(err.param) : null;
      if (field && err instanceof ApiError) setErrors({ [field.field]: stripParam(err.message) });
      else setFormError(apiErrorText(t, err));
    }
  }

  return (
    <Dialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={t("catalog.detail.addPriceTitle")}
      dismissible={!busy}
      footer={
        <>
          <Button variant="secondary" onClick={onClose} disabled={busy}>
            {t("catalog.form.cancel")}
          </Button>
          <Button type="submit" form="add-price" loading={busy}>
            {t("catalog.detail.addPrice")}
          </Button>
        </>
      }
    >
      <form id="add-price" onSubmit={onSubmit} noValidate className="space-y-4">
        {formError && (
          <Alert tone="danger" title={formError.title}>
            {formError.detail}
          </Alert>
        )}
        <PriceFields draft={draft} errors={errors} onChange={setDraft} idPrefix="new-price" />
      </form>
    </Dialog>
  );
}
