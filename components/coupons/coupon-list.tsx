"use client";
// The coupons of the platform (admin) or of a store (seller): discount, duration, codes with their
// uses, limits and status, newest first with "load more" (the API's keyset cursor); deactivate a
// coupon or one code, add a code.
import { useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useI18n } from "@/lib/i18n/client";
import { parseAmount } from "@/lib/money";
import type { CouponView } from "@/lib/coupons/views";
import { apiFetch } from "@/components/api-client";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { LoadMore } from "@/components/ui/load-more";
import { Card, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmDialog, Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import { couponErrorText, discountText, durationText } from "./text";

type Page = { data: CouponView[]; nextCursor: string | null };

export type CouponListProps = {
  scope: "PLATFORM" | "STORE";
  initial: Page;
  queryKey: readonly unknown[];
  /** Plan codes or product ids → names, for the "applies to" line. */
  targetNames: Record<string, string>;
  /** The store's currency, for a store percent coupon's minimum amount. */
  defaultCurrency: string;
};

export function CouponList({ scope, initial, queryKey, targetNames, defaultCurrency }: CouponListProps) {
  const { t } = useI18n();
  const base = scope === "PLATFORM" ? "/api/v1/admin/coupons" : "/api/v1/coupons";
  const list = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) =>
      apiFetch<Page>(`${base}?limit=25${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ""}`),
    initialPageParam: "",
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    initialData: { pages: [initial], pageParams: [""] },
  });
  const coupons = list.data?.pages.flatMap((p) => p.data) ?? [];
  // The dialogs live outside the table: a table cell's nowrap and alignment would reach into them.
  const [confirming, setConfirming] = useState<CouponView | null>(null);
  const [adding, setAdding] = useState<CouponView | null>(null);
  const toast = useToast();
  const qc = useQueryClient();
  const { money } = useI18n();

  async function deactivate(c: CouponView) {
    try {
      await apiFetch(`${base}/${c.id}/deactivate`, { method: "POST" });
      toast.success(t("coupons.list.deactivated"));
      await qc.invalidateQueries({ queryKey });
    } catch (err) {
      toast.error(couponErrorText(err, t, money));
    }
  }

  return (
    <Card className="overflow-hidden">
      <CardHeader>
        <CardTitle>{t("coupons.list.title")}</CardTitle>
      </CardHeader>
      {list.isError && (
        <Alert tone="danger" className="mx-5 mb-4 sm:mx-6">
          {t("coupons.list.loadError")}
        </Alert>
      )}
      {coupons.length === 0 ? (
        <p className="border-t border-line px-5 py-8 text-center text-sm text-ink-subtle sm:px-6">
          {t("coupons.list.empty")}
        </p>
      ) : (
        <div className="border-t border-line">
          <Table>
            <TableHeader>
              <tr>
                <TableHead>{t("coupons.list.name")}</TableHead>
                <TableHead>{t("coupons.list.discount")}</TableHead>
                <TableHead>{t("coupons.list.codes")}</TableHead>
                <TableHead>{t("coupons.list.uses")}</TableHead>
                <TableHead>{t("coupons.list.status")}</TableHead>
                {/* relative: the sr-only label stays inside the table's scroll box on phones. */}
                <TableHead align="right" className="relative">
                  <span className="sr-only">{t("coupons.list.actions")}</span>
                </TableHead>
              </tr>
            </TableHeader>
            <TableBody>
              {coupons.map((c) => (
                <CouponRow
                  key={c.id}
                  coupon={c}
                  base={base}
                  queryKey={queryKey}
                  targetNames={targetNames}
                  onAddCode={() => setAdding(c)}
                  onDeactivate={() => setConfirming(c)}
                />
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      <ConfirmDialog
        open={confirming !== null}
        onOpenChange={(open) => !open && setConfirming(null)}
        title={t("coupons.list.deactivate")}
        description={confirming ? t("coupons.list.deactivateConfirm", { name: confirming.name }) : undefined}
        confirmLabel={t("coupons.list.deactivate")}
        cancelLabel={t("coupons.form.cancel")}
        tone="danger"
        onConfirm={() => (confirming ? deactivate(confirming) : undefined)}
      />
      {adding && (
        <AddCodeDialog
          open
          onOpenChange={(open) => !open && setAdding(null)}
          coupon={adding}
          base={base}
          queryKey={queryKey}
          minimumCurrency={adding.currency ?? defaultCurrency}
        />
      )}
      <LoadMore list={list} label={t("coupons.list.loadMore")} />
    </Card>
  );
}

function CouponRow({
  coupon: c,
  base,
  queryKey,
  targetNames,
  onAddCode,
  onDeactivate,
}: {
  coupon: CouponView;
  base: string;
  queryKey: readonly unknown[];
  targetNames: Record<string, string>;
  onAddCode: () => void;
  onDeactivate: () => void;
}) {
  const { t, locale, money, dateTime } = useI18n();
  const toast = useToast();
  const qc = useQueryClient();
  const uses =
    c.maxRedemptions === null
      ? t("coupons.list.usesUnlimited", { used: c.timesRedeemed })
      : t("coupons.list.usesOf", { used: c.timesRedeemed, max: c.maxRedemptions });
  const scopeLine = c.appliesTo.length
    ? c.appliesTo.map((id) => targetNames[id] ?? id).join(", ")
    : c.scope === "PLATFORM"
      ? t("coupons.list.allPlans")
      : t("coupons.list.allProducts");
  const facts = [
    scopeLine,
    c.appliesToCredits ? t("coupons.list.credits") : null,
    c.firstTimeOnly ? t("coupons.list.firstTime") : null,
    c.validFrom ? t("coupons.list.from", { date: dateTime(c.validFrom) }) : null,
    c.redeemBy ? t("coupons.list.until", { date: dateTime(c.redeemBy) }) : null,
  ].filter(Boolean);

  async function codeOff(codeId: string) {
    try {
      await apiFetch(`${base}/${c.id}/promotion-codes/${codeId}/deactivate`, { method: "POST" });
      toast.success(t("coupons.list.codeDeactivated"));
      await qc.invalidateQueries({ queryKey });
    } catch (err) {
      toast.error(couponErrorText(err, t, money));
    }
  }

  return (
    <TableRow data-testid={`coupon-${c.id}`}>
      <TableCell>
        <div className="font-medium text-ink">{c.name}</div>
        <div className="max-w-64 text-xs whitespace-normal text-ink-subtle">{facts.join(" · ")}</div>
      </TableCell>
      <TableCell>
        <div className="font-medium tabular-nums">{discountText(c, locale, money)}</div>
        <div className="text-xs text-ink-subtle">{durationText(c, t)}</div>
      </TableCell>
      <TableCell>
        {c.promotionCodes.length === 0 ? (
          <span className="text-xs text-ink-subtle">{t("coupons.list.noCodes")}</span>
        ) : (
          <ul className="flex max-w-72 flex-wrap gap-1.5">
            {c.promotionCodes.map((p) => (
              <li key={p.id} className="inline-flex items-center gap-1">
                <Badge tone={p.active && c.active ? "brand" : "neutral"} className="font-mono">
                  {p.code}
                  <span className="font-sans text-[11px] opacity-75">
                    {p.maxRedemptions === null ? p.timesRedeemed : `${p.timesRedeemed}/${p.maxRedemptions}`}
                  </span>
                </Badge>
                {p.active && c.active && (
                  <button
                    type="button"
                    onClick={() => void codeOff(p.id)}
                    className="rounded px-1 text-xs text-ink-subtle hover:text-danger-ink focus-visible:outline-2"
                    aria-label={t("coupons.list.deactivateCode", { code: p.code })}
                    title={t("coupons.list.deactivateCode", { code: p.code })}
                  >
                    ×
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
      </TableCell>
      <TableCell>
        <span className="tabular-nums">{uses}</span>
      </TableCell>
      <TableCell>
        <Badge tone={c.active ? "success" : "neutral"} dot>
          {c.active ? t("coupons.list.active") : t("coupons.list.inactive")}
        </Badge>
      </TableCell>
      <TableCell align="right">
        {c.active && (
          <div className="flex justify-end gap-2">
            <Button size="sm" variant="secondary" onClick={onAddCode}>
              {t("coupons.list.addCode")}
            </Button>
            <Button size="sm" variant="ghost" onClick={onDeactivate}>
              {t("coupons.list.deactivate")}
            </Button>
          </div>
        )}
      </TableCell>
    </TableRow>
  );
}

function AddCodeDialog({
  open,
  onOpenChange,
  coupon,
  base,
  queryKey,
  minimumCurrency,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  coupon: CouponView;
  base: string;
  queryKey: readonly unknown[];
  minimumCurrency: string;
}) {
  const { t, locale, money } = useI18n();
  const toast = useToast();
  const qc = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const formId = `add-code-${coupon.id}`;

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const code = String(f.get("code") ?? "").trim();
    const max = String(f.get("max") ?? "").trim();
    const expires = String(f.get("expires") ?? "").trim();
    const minimumText = String(f.get("minimum") ?? "").trim();
    if (!/^[A-Za-z0-9_-]{3,40}$/.test(code)) return setError(t("coupons.form.errors.code"));
    if (max && !(/^\d{1,9}$/.test(max) && Number(max) >= 1)) return setError(t("coupons.form.errors.whole"));
    const minimum = minimumText ? parseAmount(minimumText, minimumCurrency, locale) : null;
    if (minimum && (!minimum.ok || minimum.minor < 1)) return setError(t("coupons.form.errors.whole"));
    setPending(true);
    setError(null);
    try {
      await apiFetch(`${base}/${coupon.id}/promotion-codes`, {
        method: "POST",
        body: {
          code,
          ...(max ? { maxRedemptions: Number(max) } : {}),
          ...(expires ? { expiresAt: new Date(`${expires}T23:59:59`).toISOString() } : {}),
          ...(minimum?.ok ? { minimumAmount: minimum.minor } : {}),
        },
      });
      toast.success(t("coupons.list.codeAdded"));
      onOpenChange(false);
      await qc.invalidateQueries({ queryKey });
    } catch (err) {
      setError(couponErrorText(err, t, money, minimumCurrency));
    } finally {
      setPending(false);
    }
  }

  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title={t("coupons.list.addCode")}
      description={coupon.name}
      footer={
        <>
          <Button variant="secondary" onClick={() => onOpenChange(false)}>
            {t("coupons.form.cancel")}
          </Button>
          <Button type="submit" form={formId} loading={pending}>
            {t("coupons.form.add")}
          </Button>
        </>
      }
    >
      <form id={formId} onSubmit={onSubmit} className="space-y-4 text-left" noValidate>
        {error && (
          <Alert tone="danger" role="alert">
            {error}
          </Alert>
        )}
        <Field label={t("coupons.form.code")} hint={t("coupons.form.codeHint")}>
          <Input name="code" maxLength={40} className="font-mono uppercase" />
        </Field>
        <div className="grid gap-4">
          <Field label={t("coupons.form.codeMax")}>
            <Input name="max" inputMode="numeric" />
          </Field>
          <Field label={t("coupons.form.codeExpires")}>
            <Input name="expires" type="date" />
          </Field>
          {!(coupon.scope === "PLATFORM" && !coupon.currency) && (
            <Field label={t("coupons.form.minimumAmount")}>
              <Input name="minimum" inputMode="decimal" trailing={minimumCurrency} />
            </Field>
          )}
        </div>
      </form>
    </Dialog>
  );
}
