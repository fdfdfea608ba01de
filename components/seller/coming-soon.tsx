import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Badge } from "@/components/ui/badge";
import { getI18n } from "@/lib/i18n/server";
import type { MessageKey } from "@/lib/i18n/translate";

/** An honest placeholder for a section that later issues build: says so, moves no money. */
export async function ComingSoon({ title, description }: { title: MessageKey; description: MessageKey }) {
  const { t } = await getI18n();
  return (
    <div className="space-y-6">
      <PageHeader
        title={t(title)}
        description={t(description)}
        actions={<Badge tone="warning">{t("common.comingSoon")}</Badge>}
      />
      <EmptyState title={t("common.comingSoon")} description={t("common.comingSoonBody")} />
    </div>
  );
}
