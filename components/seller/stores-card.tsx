"use client";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useI18n } from "@/lib/i18n/client";
import { apiFetch, ApiError } from "@/components/api-client";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { useToast } from "@/components/ui/toast";
import { type PlanLimit, PlanLimitAlert, planLimitOf } from "@/components/billing/plan-limit-alert";

type StoreRow = { id: string; name: string; currency: string; storeDomain: string | null };

export function StoresCard({ stores, currentStoreId }: { stores: StoreRow[]; currentStoreId: string | null }) {
  const { t } = useI18n();
  const toast = useToast();
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [errors, setErrors] = useState<{ name?: string; storeDomain?: string }>({});
  const [planLimit, setPlanLimit] = useState<PlanLimit | null>(null);

  async function switchTo(storeId: string) {
    await apiFetch("/api/stores/current", { method: "POST", body: { storeId } });
    router.refresh();
  }

  async function onCreate(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setPending(true);
    setErrors({});
    setPlanLimit(null);
    const form = new FormData(e.currentTarget);
    const domain = String(form.get("storeDomain") ?? "").trim();
    try {
      await apiFetch("/api/stores", {
        method: "POST",
        body: {
          name: String(form.get("name")),
          currency: String(form.get("currency")),
          ...(domain ? { storeDomain: domain } : {}),
        },
      });
      toast.success(t("settings.storeCreated"));
      router.push("/dashboard");
      router.refresh();
    } catch (err) {
      setPending(false);
      const limit = planLimitOf(err);
      if (limit) return setPlanLimit(limit);
      const message = err instanceof ApiError ? err.message : t("common.error");
      setErrors(err instanceof ApiError && err.param === "storeDomain" ? { storeDomain: message } : { name: message });
      setPending(false);
    }
  }

  return (
    <Card className="lg:col-span-2">
      <CardHeader>
        <CardTitle>{t("settings.stores")}</CardTitle>
        <CardDescription>{t("settings.storesDescription")}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-6 md:grid-cols-2">
        <ul className="divide-y divide-line self-start rounded-lg border border-line" data-testid="stores-list">
          {stores.map((s) => (
            <li key={s.id} className="flex items-center justify-between gap-3 px-4 py-3 text-sm">
              <div className="min-w-0">
                <div className="truncate font-medium">{s.name}</div>
                <div className="truncate text-xs text-ink-subtle">
                  {s.currency}
                  {s.storeDomain ? ` · ${s.storeDomain}` : ""}
                </div>
              </div>
              {s.id === currentStoreId ? (
                <Badge tone="brand">{t("settings.current")}</Badge>
              ) : (
                <Button size="sm" variant="secondary" onClick={() => void switchTo(s.id)}>
                  {t("settings.switchTo")}
                </Button>
              )}
            </li>
          ))}
        </ul>
        <form onSubmit={onCreate} className="space-y-3">
          <h3 className="text-sm font-semibold">{t("settings.newStore")}</h3>
          {planLimit && <PlanLimitAlert limit={planLimit} />}
          <Field label={t("settings.storeName")} error={errors.name} required>
            <Input name="name" required maxLength={80} />
          </Field>
          <Field label={t("settings.storeDomain")} error={errors.storeDomain}>
            <Input name="storeDomain" type="url" placeholder="https://" />
          </Field>
          <Field label={t("settings.currency")}>
            <Select
              name="currency"
              defaultValue="BRL"
              options={[
                { value: "BRL", label: "BRL" },
                { value: "USD", label: "USD" },
                { value: "EUR", label: "EUR" },
              ]}
            />
          </Field>
          <Button type="submit" variant="secondary" loading={pending}>
            {t("settings.createStore")}
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
