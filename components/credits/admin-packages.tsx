"use client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useI18n } from "@/lib/i18n/client";
import type { Locale } from "@/lib/i18n/config";
import { amountToInput, parseAmount } from "@/lib/money";
import { apiFetch, ApiError } from "@/components/api-client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Switch } from "@/components/ui/switch";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";

export type AdminPackage = {
  id: string;
  slug: string;
  name: string;
  credits: number;
  amount: number;
  currency: string;
  active: boolean;
  sortOrder: number;
};
const KEY = ["admin", "credit-packages"] as const;
const CURRENCIES = ["BRL", "USD"] as const;

type Draft = { name: string; credits: string; price: string; active: boolean; sortOrder: string };
const draftOf = (p: AdminPackage, locale: Locale): Draft => ({
  name: p.name,
  credits: String(p.credits),
  price: amountToInput(p.amount, p.currency, locale),
  active: p.active,
  sortOrder: String(p.sortOrder),
});
const wholeNumber = (s: string, min: number) => (/^\d{1,9}$/.test(s.trim()) && Number(s) >= min ? Number(s) : null);

/** Admin: the credit packages as an editable table (one Save per row) and a form to add one. */
export function AdminPackages({ initial }: { initial: AdminPackage[] }) {
  const { t } = useI18n();
  const packages = useQuery({
    queryKey: KEY,
    queryFn: () => apiFetch<{ packages: AdminPackage[] }>("/api/v1/admin/credit-packages").then((r) => r.packages),
    initialData: initial,
  });
  return (
    <Card className="overflow-hidden">
      <CardHeader>
        <CardTitle>{t("credits.admin.packages")}</CardTitle>
        <CardDescription>{t("credits.admin.packagesDescription")}</CardDescription>
      </CardHeader>
      {packages.isError && (
        <Alert tone="danger" className="mx-5 mb-4 sm:mx-6">
          {t("credits.admin.loadError")}
        </Alert>
      )}
      <div className="border-t border-line">
        <Table>
          <TableHeader>
            <tr>
              <TableHead>{t("credits.admin.slug")}</TableHead>
              <TableHead>{t("credits.admin.name")}</TableHead>
              <TableHead>{t("credits.admin.credits")}</TableHead>
              <TableHead>{t("credits.admin.price")}</TableHead>
              <TableHead>{t("credits.admin.active")}</TableHead>
              <TableHead>{t("credits.admin.order")}</TableHead>
              <TableHead align="right">
                <span className="sr-only">{t("credits.admin.save")}</span>
              </TableHead>
            </tr>
          </TableHeader>
          <TableBody>
            {packages.data.map((p) => (
              <PackageRow key={`${p.id}:${p.amount}:${p.credits}:${p.name}:${p.active}:${p.sortOrder}`} pkg={p} />
            ))}
            {packages.data.length === 0 && (
              <tr>
                <td colSpan={7} className="px-5 py-8 text-center text-sm text-ink-subtle">
                  {t("credits.admin.emptyPackages")}
                </td>
              </tr>
            )}
          </TableBody>
        </Table>
      </div>
      <NewPackageForm />
    </Card>
  );
}

function PackageRow({ pkg }: { pkg: AdminPackage }) {
  const { t, locale } = useI18n();
  const toast = useToast();
  const qc = useQueryClient();
  const [draft, setDraft] = useState<Draft>(() => draftOf(pkg, locale));
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const original = draftOf(pkg, locale);
  const dirty = (Object.keys(draft) as (keyof Draft)[]).some((k) => draft[k] !== original[k]);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));

  async function save() {
    const credits = wholeNumber(draft.credits, 1);
    const price = parseAmount(draft.price, pkg.currency, locale);
    const sortOrder = wholeNumber(draft.sortOrder, 0);
    if (credits === null) return setError(t("credits.admin.invalidCredits"));
    if (!price.ok || price.minor <= 0)
      return setError(t("credits.admin.invalidAmount", { example: amountToInput(4500, pkg.currency, locale) }));
    setError(null);
    setPending(true);
    try {
      await apiFetch(`/api/v1/admin/credit-packages/${pkg.id}`, {
        method: "PATCH",
        body: {
          name: draft.name.trim(),
          credits,
          amount: price.minor,
          active: draft.active,
          sortOrder: sortOrder ?? pkg.sortOrder,
        },
      });
      toast.success(t("credits.admin.saved"));
      await qc.invalidateQueries({ queryKey: KEY });
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t("common.error"));
    } finally {
      setPending(false);
    }
  }

  return (
    <TableRow data-testid={`admin-package-${pkg.slug}-${pkg.currency}`}>
      <TableCell>
        <span className="font-mono text-xs">{pkg.slug}</span>{" "}
        <span className="text-xs text-ink-subtle">{pkg.currency}</span>
      </TableCell>
      <TableCell>
        <Input
          size="sm"
          aria-label={t("credits.admin.name")}
          value={draft.name}
          maxLength={60}
          onChange={(e) => set({ name: e.target.value })}
          className="w-36"
        />
      </TableCell>
      <TableCell>
        <Input
          size="sm"
          aria-label={t("credits.admin.credits")}
          inputMode="numeric"
          value={draft.credits}
          onChange={(e) => set({ credits: e.target.value })}
          className="w-24"
        />
      </TableCell>
      <TableCell>
        <Input
          size="sm"
          aria-label={t("credits.admin.price")}
          inputMode="decimal"
          value={draft.price}
          onChange={(e) => set({ price: e.target.value })}
          className="w-28"
          trailing={pkg.currency}
        />
      </TableCell>
      <TableCell>
        <Switch
          aria-label={t("credits.admin.active")}
          checked={draft.active}
          onChange={(e) => set({ active: e.currentTarget.checked })}
        />
      </TableCell>
      <TableCell>
        <Input
          size="sm"
          aria-label={t("credits.admin.order")}
          inputMode="numeric"
          value={draft.sortOrder}
          onChange={(e) => set({ sortOrder: e.target.value })}
          className="w-16"
        />
      </TableCell>
      <TableCell align="right">
        <div className="flex items-center justify-end gap-2">
          {error && (
            <span className="max-w-48 text-xs whitespace-normal text-danger-ink" role="alert">
              {error}
            </span>
          )}
          <Button size="sm" variant="secondary" disabled={!dirty} loading={pending} onClick={() => void save()}>
            {t("credits.admin.save")}
          </Button>
        </div>
      </TableCell>
    </TableRow>
  );
}

function NewPackageForm() {
  const { t, locale } = useI18n();
  const toast = useToast();
  const qc = useQueryClient();
  const empty = { slug: "", name: "", credits: "", price: "", currency: "BRL" as (typeof CURRENCIES)[number] };
  const [draft, setDraft] = useState(empty);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const set = (patch: Partial<typeof draft>) => setDraft((d) => ({ ...d, ...patch }));

  async function add(e: React.FormEvent) {
    e.preventDefault();
    const credits = wholeNumber(draft.credits, 1);
    const price = parseAmount(draft.price, draft.currency, locale);
    if (!/^[a-z0-9][a-z0-9-]{0,39}$/.test(draft.slug.trim())) return setError(t("credits.admin.invalidSlug"));
    if (credits === null) return setError(t("credits.admin.invalidCredits"));
    if (!price.ok || price.minor <= 0)
      return setError(t("credits.admin.invalidAmount", { example: amountToInput(4500, draft.currency, locale) }));
    setError(null);
    setPending(true);
    try {
      await apiFetch("/api/v1/admin/credit-packages", {
        method: "POST",
        body: {
          slug: draft.slug.trim(),
          name: draft.name.trim(),
          credits,
          amount: price.minor,
          currency: draft.currency,
        },
      });
      toast.success(t("credits.admin.added"));
      setDraft(empty);
      await qc.invalidateQueries({ queryKey: KEY });
    } catch (err) {
      setError(
        err instanceof ApiError && err.code === "already_exists"
          ? t("credits.admin.slugTaken")
          : err instanceof ApiError
            ? err.message
            : t("common.error"),
      );
    } finally {
      setPending(false);
    }
  }

  return (
    <CardContent className="border-t border-line">
      <form onSubmit={add} className="space-y-3" aria-label={t("credits.admin.addPackage")}>
        <p className="text-sm font-medium text-ink">{t("credits.admin.addPackage")}</p>
        <div className="flex flex-wrap items-end gap-3">
          <Labelled label={t("credits.admin.slug")}>
            <Input
              size="sm"
              value={draft.slug}
              placeholder="premium"
              maxLength={40}
              onChange={(e) => set({ slug: e.target.value })}
              className="w-32"
            />
          </Labelled>
          <Labelled label={t("credits.admin.name")}>
            <Input
              size="sm"
              value={draft.name}
              placeholder="Premium"
              maxLength={60}
              required
              onChange={(e) => set({ name: e.target.value })}
              className="w-36"
            />
          </Labelled>
          <Labelled label={t("credits.admin.credits")}>
            <Input
              size="sm"
              inputMode="numeric"
              value={draft.credits}
              placeholder="1000"
              onChange={(e) => set({ credits: e.target.value })}
              className="w-24"
            />
          </Labelled>
          <Labelled label={t("credits.admin.price")}>
            <Input
              size="sm"
              inputMode="decimal"
              value={draft.price}
              placeholder={amountToInput(45000, draft.currency, locale)}
              onChange={(e) => set({ price: e.target.value })}
              className="w-28"
            />
          </Labelled>
          <Labelled label={t("credits.admin.currency")}>
            <Select
              size="sm"
              value={draft.currency}
              onChange={(e) => set({ currency: e.currentTarget.value as (typeof CURRENCIES)[number] })}
              options={CURRENCIES.map((c) => ({ value: c, label: c }))}
            />
          </Labelled>
          <Button type="submit" size="sm" loading={pending}>
            {t("credits.admin.add")}
          </Button>
        </div>
        {error && (
          <p className="text-[13px] font-medium text-danger-ink" role="alert">
            {error}
          </p>
        )}
      </form>
    </CardContent>
  );
}

function Labelled({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: the control is passed in as children and sits inside the label
    <label className="flex flex-col gap-1 text-[13px] font-medium text-ink-muted">
      {label}
      {children}
    </label>
  );
}
