import { PageHeader } from "@/components/ui/page-header";
import { ApiKeysManager } from "@/components/seller/api-keys-manager";
import { requireSellerPage } from "@/lib/auth/session";
import { listApiKeys } from "@/lib/auth/api-keys";
import { getI18n } from "@/lib/http/locale";

export const metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  const { store } = await requireSellerPage();
  const { t } = await getI18n();
  const keys = store ? await listApiKeys(store.id) : [];
  const initial = keys.map((k) => ({
    ...k,
    createdAt: k.createdAt.toISOString(),
    lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
    revokedAt: k.revokedAt?.toISOString() ?? null,
  }));
  return (
    <div className="space-y-6">
      <PageHeader title={t("apiKeys.title")} description={t("apiKeys.description", { store: store?.name ?? "" })} />
      <ApiKeysManager initial={initial} />
    </div>
  );
}
