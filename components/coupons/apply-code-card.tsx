"use client";
// A seller with a paid plan applies a Vitrine promotion code to it (POST /api/v1/coupons/apply).
import { useState, type FormEvent } from "react";
import { useI18n } from "@/lib/i18n/client";
import { apiFetch } from "@/components/api-client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { couponErrorText } from "./text";

type Applied = { code: string; amountOff: number; currency: string; alreadyApplied: boolean };

export function ApplyCodeCard({ currency }: { currency: string }) {
  const { t, money } = useI18n();
  const [result, setResult] = useState<{ tone: "success" | "danger"; text: string } | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const code = String(new FormData(e.currentTarget).get("code") ?? "").trim();
    if (!code) return;
    setPending(true);
    setResult(null);
    try {
      const { applied } = await apiFetch<{ applied: Applied }>("/api/v1/coupons/apply", {
        method: "POST",
        body: { code },
      });
      setResult({
        tone: "success",
        text: applied.alreadyApplied
          ? t("coupons.apply.already", { code: applied.code })
          : t("coupons.apply.applied", { code: applied.code, amount: money(applied.amountOff, applied.currency) }),
      });
    } catch (err) {
      setResult({ tone: "danger", text: couponErrorText(err, t, money, currency) });
    } finally {
      setPending(false);
    }
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("coupons.apply.title")}</CardTitle>
        <CardDescription>{t("coupons.apply.description")}</CardDescription>
      </CardHeader>
      <CardContent>
        <form onSubmit={onSubmit} className="space-y-3" data-testid="apply-code-form">
          {result && (
            <Alert tone={result.tone} role={result.tone === "danger" ? "alert" : "status"}>
              {result.text}
            </Alert>
          )}
          <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
            <Field label={t("coupons.apply.label")} className="flex-1">
              <Input name="code" maxLength={40} className="font-mono uppercase" autoComplete="off" />
            </Field>
            <Button type="submit" variant="secondary" loading={pending}>
              {t("coupons.apply.submit")}
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
