"use client";
import { useI18n } from "@/lib/i18n/client";
import type { TranslateFn } from "@/lib/i18n/translate";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";

export type DetailsErrors = Partial<Record<"name" | "description" | "imageUrl" | "maxQuantity", string>>;
export type DetailsBody = { name: string; description?: string; imageUrl?: string; maxQuantity: number };

/** Name, description and image URL from a form, checked in the seller's language. */
export function readDetails(t: TranslateFn, form: FormData): { errors: DetailsErrors; body?: DetailsBody } {
  const name = String(form.get("name") ?? "").trim();
  const description = String(form.get("description") ?? "").trim();
  const imageUrl = String(form.get("imageUrl") ?? "").trim();
  const maxQuantityText = String(form.get("maxQuantity") ?? "1").trim() || "1";
  const maxQuantity = Number(maxQuantityText);
  const errors: DetailsErrors = {};
  if (!/^\d+$/.test(maxQuantityText) || maxQuantity < 1 || maxQuantity > 100)
    errors.maxQuantity = t("oneLink.product.maxQuantityHint");
  if (!name) errors.name = t("catalog.validation.nameRequired");
  if (imageUrl && !/^https?:\/\/[^\s/]+\.[^\s]+$/i.test(imageUrl)) errors.imageUrl = t("catalog.validation.imageUrl");
  if (Object.keys(errors).length) return { errors };
  return {
    errors,
    body: { name, ...(description ? { description } : {}), ...(imageUrl ? { imageUrl } : {}), maxQuantity },
  };
}

export function ProductDetailsFields({
  errors,
  defaults,
}: {
  errors: DetailsErrors;
  defaults?: { name: string; description: string | null; imageUrl: string | null; maxQuantity?: number };
}) {
  const { t } = useI18n();
  return (
    <div className="space-y-4">
      <Field label={t("catalog.form.name")} error={errors.name} required>
        <Input
          name="name"
          defaultValue={defaults?.name}
          placeholder={t("catalog.form.namePlaceholder")}
          maxLength={120}
          autoComplete="off"
        />
      </Field>
      <Field label={t("catalog.form.description")} hint={t("catalog.form.descriptionHint")} error={errors.description}>
        <Textarea name="description" defaultValue={defaults?.description ?? ""} maxLength={500} rows={3} />
      </Field>
      <Field label={t("catalog.form.imageUrl")} hint={t("catalog.form.imageUrlHint")} error={errors.imageUrl}>
        <Input
          name="imageUrl"
          type="url"
          inputMode="url"
          defaultValue={defaults?.imageUrl ?? ""}
          placeholder="https://"
          maxLength={2048}
        />
      </Field>
      <Field
        label={t("oneLink.product.maxQuantity")}
        hint={t("oneLink.product.maxQuantityHint")}
        error={errors.maxQuantity}
      >
        <Input
          name="maxQuantity"
          type="number"
          inputMode="numeric"
          min={1}
          max={100}
          step={1}
          defaultValue={defaults?.maxQuantity ?? 1}
          className="w-28"
        />
      </Field>
    </div>
  );
}
