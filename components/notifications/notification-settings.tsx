"use client";
import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/components/api-client";
import { DeliveryLog } from "./delivery-log";
import { PreferencesCard } from "./preferences-card";
import { RecipientsCard } from "./recipients-card";
import { SlackCard } from "./slack-card";
import { SETTINGS_KEY, type NotificationPage, type NotificationSettingsData } from "./types";

/** The notifications page: where mail and Slack go, which events, and what was sent. */
export function NotificationSettings({
  initialSettings,
  initialLog,
}: {
  initialSettings: NotificationSettingsData;
  initialLog: NotificationPage;
}) {
  const { data: settings } = useQuery({
    queryKey: SETTINGS_KEY,
    queryFn: () => apiFetch<NotificationSettingsData>("/api/v1/notifications/settings"),
    initialData: initialSettings,
  });
  return (
    <div className="space-y-6">
      <div className="grid gap-6 lg:grid-cols-2">
        <RecipientsCard settings={settings} />
        <SlackCard settings={settings} />
      </div>
      <PreferencesCard settings={settings} />
      <DeliveryLog initial={initialLog} />
    </div>
  );
}
