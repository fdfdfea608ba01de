"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useI18n } from "@/lib/i18n/client";
import { apiFetch, ApiError } from "@/components/api-client";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { useToast } from "@/components/ui/toast";
import { LOG_KEY, SETTINGS_KEY, type NotificationSettingsData } from "./types";

const splitAddresses = (text: string) =>
  text
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/** The owner's address (always) and up to N more, one per line; a test email to all of them. */
export function RecipientsCard({ settings }: { settings: NotificationSettingsData }) {
  const { t } = useI18n();
  const toast = useToast();
  const qc = useQueryClient();
  const [text, setText] = useState(settings.extraEmails.join("\n"));
  const [error, setError] = useState<string>();
  const save = useMutation({
    mutationFn: () =>
      apiFetch<NotificationSettingsData>("/api/v1/notifications/settings", {
        method: "PATCH",
        body: { extraEmails: splitAddresses(text) },
      }),
    onMutate: () => setError(undefined),
    onSuccess: (data) => {
      qc.setQueryData(SETTINGS_KEY, data);
      setText(data.extraEmails.join("\n"));
      toast.success(t("notifications.recipients.saved"));
    },
    onError: (err) => setError(explain(err)),
  });
  /** The API names the offending address by its index (extraEmails.2); say which one, in the UI's language. */
  function explain(err: unknown): string {
    if (!(err instanceof ApiError)) return t("common.error");
    const index = err.param?.match(/^extraEmails\.(\d+)$/)?.[1];
    if (index !== undefined)
      return t("notifications.recipients.invalidAddress", { address: splitAddresses(text)[Number(index)] ?? "" });
    if (err.param === "extraEmails") return t("notifications.recipients.tooMany", { max: settings.maxExtraEmails });
    return err.message;
  }
  const test = useMutation({
    mutationFn: () =>
      apiFetch<{ queued: number }>("/api/v1/notifications/test", { method: "POST", body: { channel: "email" } }),
    onSuccess: ({ queued }) => {
      if (queued)
        toast.success(t("notifications.recipients.testQueued"), {
          description: t("notifications.recipients.testQueuedBody"),
        });
      else toast.info(t("notifications.recipients.testAlready"));
      void qc.invalidateQueries({ queryKey: LOG_KEY });
    },
    onError: (err) => toast.error(err instanceof ApiError ? err.message : t("common.error")),
  });

  return (
    <Card className="flex flex-col">
      <form
        className="flex flex-1 flex-col"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <CardHeader>
          <CardTitle>{t("notifications.recipients.title")}</CardTitle>
          <CardDescription>
            {t("notifications.recipients.description", { max: settings.maxExtraEmails })}
          </CardDescription>
        </CardHeader>
        <CardContent className="flex-1 space-y-4">
          <Field label={t("notifications.recipients.owner")}>
            <Input value={settings.ownerEmail} readOnly disabled />
          </Field>
          <Field
            label={t("notifications.recipients.extra")}
            hint={t("notifications.recipients.extraHint")}
            error={error}
          >
            <Textarea
              name="extraEmails"
              rows={3}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              placeholder={t("notifications.recipients.extraPlaceholder")}
              spellCheck={false}
              autoCapitalize="off"
            />
          </Field>
        </CardContent>
        <CardFooter className="justify-between">
          <Button type="button" variant="secondary" loading={test.isPending} onClick={() => test.mutate()}>
            {t("notifications.recipients.sendTest")}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t("notifications.recipients.save")}
          </Button>
        </CardFooter>
      </form>
    </Card>
  );
}
