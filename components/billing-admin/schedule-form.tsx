"use client";
// The admin's dunning schedule: reminder days after a failed plan payment, checked here as the
// server checks them (whole days, going up, at most ten), saved with PUT (audited).
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { apiFetch, ApiError } from "@/components/api-client";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { useI18n } from "@/lib/i18n/client";

export type ScheduleView = { days: number[]; graceDays: number; isDefault: boolean; updatedAt: string | null };

const MAX_STEPS = 10;
const MAX_DAY = 60;

/** "0, 3, 5,7" → [0, 3, 5, 7], or null when it is not a valid schedule. */
export function parseScheduleDays(text: string): number[] | null {
  const parts = text
    .split(/[\s,;]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0 || parts.length > MAX_STEPS || !parts.every((p) => /^\d{1,2}$/.test(p))) return null;
  const days = parts.map(Number);
  const ok = days.every((d, i) => d <= MAX_DAY && (i === 0 || d > days[i - 1]!));
  return ok ? days : null;
}

export function ScheduleForm({ schedule }: { schedule: ScheduleView }) {
  const { t, dateTime } = useI18n();
  const toast = useToast();
  const router = useRouter();
  const [text, setText] = useState(schedule.days.join(", "));
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const parsed = parseScheduleDays(text);
  const invalid = t("billing.dunning.admin.invalid", { max: MAX_STEPS, maxDay: MAX_DAY });

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!parsed) return setError(invalid);
    setError(null);
    setPending(true);
    try {
      await apiFetch("/api/v1/admin/dunning/schedule", { method: "PUT", body: { days: parsed } });
      toast.success(t("billing.dunning.admin.saved"));
      router.refresh();
    } catch (err) {
      setError(err instanceof ApiError && err.status === 422 ? `${invalid} (${err.message})` : t("common.error"));
    } finally {
      setPending(false);
    }
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("billing.dunning.admin.scheduleTitle")}</CardTitle>
        <CardDescription>
          {t("billing.dunning.admin.scheduleDescription", { grace: schedule.graceDays })}
        </CardDescription>
      </CardHeader>
      <CardContent>
        <form onSubmit={(e) => void submit(e)} className="flex flex-col gap-4" noValidate>
          <Field
            label={t("billing.dunning.admin.daysLabel")}
            hint={t("billing.dunning.admin.daysHint", { max: MAX_STEPS })}
            error={error ?? undefined}
          >
            <Input
              name="days"
              value={text}
              inputMode="numeric"
              autoComplete="off"
              onChange={(e) => {
                setText(e.target.value);
                setError(null);
              }}
              data-testid="dunning-schedule-input"
            />
          </Field>
          <p className="text-sm text-ink-muted" aria-live="polite" data-testid="dunning-schedule-preview">
            {parsed
              ? t("billing.dunning.admin.preview", {
                  days: parsed.join(", "),
                  downgrade: parsed[parsed.length - 1]! + schedule.graceDays,
                })
              : invalid}
          </p>
          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit" loading={pending} disabled={!parsed}>
              {t("billing.dunning.admin.save")}
            </Button>
            {schedule.isDefault ? (
              <Badge tone="neutral">{t("billing.dunning.admin.isDefault")}</Badge>
            ) : schedule.updatedAt ? (
              <span className="text-[13px] text-ink-subtle">
                {t("billing.dunning.admin.changedOn", { date: dateTime(schedule.updatedAt) })}
              </span>
            ) : null}
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
