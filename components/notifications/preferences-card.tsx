"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useI18n } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import { apiFetch, ApiError } from "@/components/api-client";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Switch } from "@/components/ui/switch";
import { useToast } from "@/components/ui/toast";
import { SETTINGS_KEY, type EventPreferenceRow, type NotificationSettingsData } from "./types";

type Toggles = Record<string, { email: boolean; slack: boolean }>;

const togglesOf = (rows: EventPreferenceRow[]): Toggles =>
  Object.fromEntries(rows.map((r) => [r.event, { email: r.email, slack: r.slack }]));

/** One row per event: an email and a Slack switch; events that are always emailed show it. */
export function PreferencesCard({ settings }: { settings: NotificationSettingsData }) {
  const { t } = useI18n();
  const toast = useToast();
  const qc = useQueryClient();
  const [toggles, setToggles] = useState<Toggles>(() => togglesOf(settings.events));
  useEffect(() => setToggles(togglesOf(settings.events)), [settings.events]);
  const changed = settings.events.filter(
    (r) => toggles[r.event]!.email !== r.email || toggles[r.event]!.slack !== r.slack,
  );
  const save = useMutation({
    mutationFn: () =>
      apiFetch<NotificationSettingsData>("/api/v1/notifications/settings", {
        method: "PATCH",
        body: { events: Object.fromEntries(changed.map((r) => [r.event, toggles[r.event]])) },
      }),
    onSuccess: (data) => {
      qc.setQueryData(SETTINGS_KEY, data);
      toast.success(t("notifications.prefs.saved"));
    },
    onError: (err) => toast.error(err instanceof ApiError ? err.message : t("common.error")),
  });
  const set = (event: string, channel: "email" | "slack", value: boolean) =>
    setToggles((all) => ({ ...all, [event]: { ...all[event]!, [channel]: value } }));
  // Without a webhook there is no Slack to choose: the column appears once one is saved.
  const slackReady = settings.slack.configured;
  const columns = slackReady ? "sm:grid-cols-[1fr_6.5rem_6.5rem]" : "sm:grid-cols-[1fr_6.5rem]";

  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("notifications.prefs.title")}</CardTitle>
        <CardDescription>{t("notifications.prefs.description")}</CardDescription>
      </CardHeader>
      <div className="border-t border-line">
        <div
          aria-hidden="true"
          className={cn(
            "hidden gap-4 bg-surface px-5 py-2 text-xs font-medium text-ink-muted sm:grid sm:px-6",
            columns,
          )}
        >
          <span>{t("notifications.prefs.event")}</span>
          <span className="text-center">{t("notifications.prefs.email")}</span>
          {slackReady && <span className="text-center">{t("notifications.prefs.slack")}</span>}
        </div>
        <ul className="divide-y divide-line" data-testid="notification-preferences">
          {settings.events.map((row) => {
            const label = t(`notifications.events.${row.event}.label` as MessageKey);
            const value = toggles[row.event]!;
            return (
              <li
                key={row.event}
                className={cn("grid grid-cols-1 gap-3 px-5 py-3.5 sm:items-center sm:gap-4 sm:px-6", columns)}
                data-event={row.event}
              >
                <div className="min-w-0">
                  <p className="text-sm font-medium text-ink">{label}</p>
                  <p className="text-[13px] text-ink-subtle">
                    {t(`notifications.events.${row.event}.description` as MessageKey)}
                  </p>
                </div>
                <div className="flex flex-wrap gap-x-6 gap-y-2 sm:contents">
                  <ChannelSwitch
                    caption={t("notifications.prefs.email")}
                    aria-label={`${t("notifications.prefs.email")}: ${label}`}
                    checked={value.email}
                    disabled={row.emailRequired}
                    note={row.emailRequired ? t("notifications.prefs.required") : undefined}
                    onChange={(v) => set(row.event, "email", v)}
                  />
                  {slackReady &&
                    (row.slackAllowed ? (
                      <ChannelSwitch
                        caption={t("notifications.prefs.slack")}
                        aria-label={`${t("notifications.prefs.slack")}: ${label}`}
                        checked={value.slack}
                        disabled={false}
                        onChange={(v) => set(row.event, "slack", v)}
                      />
                    ) : (
                      <span className="hidden text-center text-xs text-ink-subtle sm:block">
                        {t("notifications.prefs.notAvailable")}
                      </span>
                    ))}
                </div>
              </li>
            );
          })}
        </ul>
      </div>
      <CardFooter className="justify-between">
        <p className="text-[13px] text-ink-subtle">{slackReady ? "" : t("notifications.prefs.noSlack")}</p>
        <Button onClick={() => save.mutate()} loading={save.isPending} disabled={changed.length === 0}>
          {t("notifications.prefs.save")}
        </Button>
      </CardFooter>
    </Card>
  );
}

function ChannelSwitch(props: {
  caption: string;
  "aria-label": string;
  checked: boolean;
  disabled: boolean;
  note?: string;
  onChange: (value: boolean) => void;
}) {
  return (
    <div className="flex items-center gap-2 sm:flex-col sm:gap-1">
      <Switch
        aria-label={props["aria-label"]}
        checked={props.checked}
        disabled={props.disabled}
        onChange={(e) => props.onChange(e.currentTarget.checked)}
      />
      <span className="text-[13px] whitespace-nowrap text-ink-muted sm:hidden">
        {props.caption}
        {props.note && <span className="text-ink-subtle"> · {props.note}</span>}
      </span>
      {props.note && <span className="hidden text-xs text-ink-subtle sm:block sm:text-center">{props.note}</span>}
    </div>
  );
}
