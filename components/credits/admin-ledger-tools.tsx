"use client";
import { useState, type FormEvent } from "react";
import { useI18n } from "@/lib/i18n/client";
import { formatNumber } from "@/lib/i18n/format";
import { apiFetch, ApiError, newIdempotencyKey } from "@/components/api-client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";

type Report = {
  checked: number;
  ok: boolean;
  mismatches: { storeId: string; cached: number; sum: number; problem?: string }[];
};
export type StoreOption = { id: string; name: string; ownerEmail: string };

/** "Verify ledger": every store's cached balance against the sum of its entries. */
export function VerifyLedgerCard({ stores }: { stores: StoreOption[] }) {
  const { t, locale } = useI18n();
  const [report, setReport] = useState<Report | null>(null);
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState(false);
  const nameOf = (id: string) => stores.find((s) => s.id === id)?.name ?? id;
  async function verify() {
    setPending(true);
    setFailed(false);
    try {
      setReport(await apiFetch<Report>("/api/v1/admin/credits/verify", { method: "POST" }));
    } catch {
      setFailed(true);
    } finally {
      setPending(false);
    }
  }
  return (
    <Card>
      <CardHeader
        actions={
          <Button variant="secondary" loading={pending} onClick={() => void verify()}>
            {t("credits.admin.verify")}
          </Button>
        }
      >
        <CardTitle>{t("credits.admin.verifyTitle")}</CardTitle>
        <CardDescription>{t("credits.admin.verifyDescription")}</CardDescription>
      </CardHeader>
      {(report || failed) && (
        <CardContent data-testid="verify-result">
          {failed ? (
            <Alert tone="danger">{t("common.error")}</Alert>
          ) : report!.ok ? (
            <Alert tone="success">
              {t("credits.admin.verifyOk", { count: formatNumber(report!.checked, locale) })}
            </Alert>
          ) : (
            <Alert
              tone="danger"
              title={t("credits.admin.verifyMismatch", { count: report!.mismatches.length, checked: report!.checked })}
            >
              <ul className="list-disc pl-4">
                {report!.mismatches.map((m) => (
                  <li key={m.storeId}>
                    {t("credits.admin.mismatchRow", {
                      store: nameOf(m.storeId),
                      cached: formatNumber(m.cached, locale),
                      sum: formatNumber(m.sum, locale),
                    })}
                    {m.problem ? ` (${m.problem})` : ""}
                  </li>
                ))}
              </ul>
            </Alert>
          )}
        </CardContent>
      )}
    </Card>
  );
}

/** Manual adjustment: signed credits and a reason that the seller sees in the ledger. */
export function AdjustCreditsCard({ stores }: { stores: StoreOption[] }) {
  const { t, locale } = useI18n();
  const [storeId, setStoreId] = useState("");
  const [amount, setAmount] = useState("");
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<{ store?: string; amount?: string; reason?: string; form?: string }>({});
  const [done, setDone] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  // One key per filled-in form: a double submit records one adjustment; a new form gets a new key.
  const [key, setKey] = useState(newIdempotencyKey);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const n = /^[+\-−]?\d{1,9}$/.test(amount.trim()) ? Number(amount.trim().replace("−", "-")) : NaN;
    const next = {
      store: storeId ? undefined : t("credits.admin.chooseStore"),
      amount: Number.isInteger(n) && n !== 0 ? undefined : t("credits.admin.invalidAdjust"),
      reason: reason.trim().length >= 3 ? undefined : t("credits.admin.reasonRequired"),
    };
    setErrors(next);
    setDone(null);
    if (next.store || next.amount || next.reason) return;
    setPending(true);
    try {
      const res = await apiFetch<{ balance: number }>("/api/v1/admin/credits/adjust", {
        method: "POST",
        body: { storeId, amount: n, reason: reason.trim() },
        idempotencyKey: key,
      });
      setDone(t("credits.admin.adjusted", { balance: formatNumber(res.balance, locale) }));
      setAmount("");
      setReason("");
      setKey(newIdempotencyKey());
    } catch (err) {
      setErrors({
        form:
          err instanceof ApiError && err.code === "insufficient_credits"
            ? t("credits.admin.insufficient")
            : err instanceof ApiError
              ? err.message
              : t("common.error"),
      });
    } finally {
      setPending(false);
    }
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("credits.admin.adjust")}</CardTitle>
        <CardDescription>{t("credits.admin.adjustDescription")}</CardDescription>
      </CardHeader>
      <CardContent>
        <form onSubmit={submit} className="space-y-4" noValidate>
          <div className="grid gap-4 sm:grid-cols-3">
            <Field label={t("credits.admin.store")} error={errors.store} className="sm:col-span-2">
              <Select
                value={storeId}
                onChange={(e) => {
                  setStoreId(e.currentTarget.value);
                  setKey(newIdempotencyKey());
                }}
                placeholder={t("credits.admin.chooseStore")}
                options={stores.map((s) => ({ value: s.id, label: `${s.name} · ${s.ownerEmail}` }))}
              />
            </Field>
            <Field label={t("credits.admin.amount")} error={errors.amount}>
              <Input
                inputMode="numeric"
                value={amount}
                placeholder="+100"
                onChange={(e) => {
                  setAmount(e.target.value);
                  setKey(newIdempotencyKey());
                }}
              />
            </Field>
          </div>
          <Field label={t("credits.admin.reason")} hint={t("credits.admin.reasonHint")} error={errors.reason}>
            <Textarea rows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
          </Field>
          {errors.form && <Alert tone="danger">{errors.form}</Alert>}
          {done && (
            <Alert tone="success" data-testid="adjust-result">
              {done}
            </Alert>
          )}
          <Button type="submit" loading={pending}>
            {t("credits.admin.apply")}
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
