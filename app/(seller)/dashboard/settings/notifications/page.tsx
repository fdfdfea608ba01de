import Link from "next/link";
import { asJson } from "@/components/catalog/types";
import { NotificationSettings } from "@/components/notifications/notification-settings";
import type { NotificationPage, NotificationSettingsData } from "@/components/notifications/types";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireSellerPage } from "@/lib/auth/session";
import { getI18n } from "@/lib/http/locale";
import { listNotifications } from "@/lib/notifications/log";
import { getNotificationSettings } from "@/lib/notifications/settings";

export const metadata = { title: "Notifications" };

export default async function NotificationsPage() {
  const { store } = await requireSellerPage();
  const { t } = await getI18n();
  const header = (
    <PageHeader
      eyebrow={
        <Link href="/dashboard/settings" className="hover:text-ink">
          ← {t("notifications.back")}
        </Link>
      }
      title={t("notifications.title")}
      description={t("notifications.description")}
    />
  );
  if (!store)
    return (
      <div>
        {header}
        <EmptyState title={t("notifications.title")} description={t("notifications.description")} />
      </div>
    );
  const [settings, log] = await Promise.all([
    getNotificationSettings(store.id),
    listNotifications(store.id, { limit: 20 }),
  ]);
  return (
    <div>
      {header}
      <NotificationSettings
        initialSettings={asJson<NotificationSettingsData>(settings)}
        initialLog={asJson<NotificationPage>(log)}
      />
    </div>
  );
}
