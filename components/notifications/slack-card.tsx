"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useI18n } from "@/lib/i18n/client";
import { apiFetch, ApiError } from "@/components/api-client";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { LOG_KEY, SETTINGS_KEY, type NotificationSettingsData } from "./types";

/** The incoming-webhook URL: entered once, shown back masked, replaceable, removable, testable. */
export function SlackCard({ settings }: { settings: NotificationSettingsData }) {
  const { t } = useI18n();
  const toast = useToast();
  const qc = useQueryClient();
  const { configured, masked } = settings.slack;
  const [editing, setEditing] = useState(!configured);
  const [url, setUrl] = useState("");
  const [error, setError] = useState<string>();
  const onSettings = (data: NotificationSettingsData) => qc.setQueryData(SETTINGS_KEY, data);
  const save = useMutation({
    mutationFn: () =>
      apiFetch<NotificationSettingsData>("/api/v1/notifications/slack", { method: "PUT", body: { url } }),
    onMutate: () => setError(undefined),
    onSuccess: (data) => {
      onSettings(data);
      setUrl("");
      setEditing(false);
      toast.success(t("notifications.slack.saved"));
    },
    onError: (err) =>
      setError(
        err instanceof ApiError
          ? err.param === "url"
            ? t("notifications.slack.invalidUrl")
            : err.message
          : t("common.error"),
      ),
  });
  const remove = useMutation({
    mutationFn: () => apiFetch<NotificationSettingsData>("/api/v1/notifications/slack", { method: "DELETE" }),
    onSuccess: (data) => {
      onSettings(data);
      setEditing(true);
      toast.success(t("notifications.slack.removed"));
    },
    onError: (err) => toast.error(err instanceof ApiError ? err.message : t("common.error")),
  });
  const test = useMutation({
    mutationFn: () =>
      apiFetch<{ queued: number }>("/api/v1/notifications/test", { method: "POST", body: { channel: "slack" } }),
    onSuccess: ({ queued }) => {
      if (queued) toast.success(t("notifications.slack.testQueued"));
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
          <CardTitle>{t("notifications.slack.title")}</CardTitle>
          <CardDescription>{t("notifications.slack.description")}</CardDescription>
        </CardHeader>
        <CardContent className="flex-1 space-y-4">
          <div className="flex flex-col gap-1.5">
            <span className="text-sm font-medium text-ink">{t("notifications.slack.current")}</span>
            {configured ? (
              <code
                className="rounded-md border border-line bg-surface-sunken px-3 py-2 font-mono text-[13px] break-all text-ink-muted"
                data-testid="slack-webhook-masked"
              >
                {masked}
              </code>
            ) : (
              <span className="text-sm text-ink-subtle">{t("notifications.slack.notSet")}</span>
            )}
          </div>
          {editing && (
            <Field label={t("notifications.slack.url")} hint={t("notifications.slack.urlHint")} error={error} required>
              <Input
                name="slackWebhookUrl"
                type="url"
                inputMode="url"
                autoComplete="off"
                spellCheck={false}
                value={url}
                onChange={(e) => setUrl(e.currentTarget.value)}
                placeholder={t("notifications.slack.urlPlaceholder")}
              />
            </Field>
          )}
        </CardContent>
        <CardFooter>
          {configured && (
            <Button
              type="button"
              variant="ghost"
              className="mr-auto"
              loading={remove.isPending}
              onClick={() => remove.mutate()}
            >
              {t("notifications.slack.remove")}
            </Button>
          )}
          {configured && !editing && (
            <Button type="button" variant="secondary" onClick={() => setEditing(true)}>
              {t("notifications.slack.replace")}
            </Button>
          )}
          {configured && !editing && (
            <Button type="button" loading={test.isPending} onClick={() => test.mutate()}>
              {t("notifications.slack.sendTest")}
            </Button>
          )}
          {editing && (
            <Button type="submit" loading={save.isPending} disabled={!url.trim()}>
              {t("notifications.slack.save")}
            </Button>
          )}
        </CardFooter>
      </form>
    </Card>
  );
}
