import { PageHeader } from "@/components/ui/page-header";
import { PasswordForm, ProfileForm } from "@/components/seller/settings-forms";
import { StoresCard } from "@/components/seller/stores-card";
import { requireSellerPage } from "@/lib/auth/session";
import { listStoresForOwner } from "@/lib/tenancy/stores";
import { getI18n } from "@/lib/http/locale";
import { StoreSettingsForm } from "@/components/settings/store-settings-form";
import { getStoreSettings } from "@/lib/tenancy/store-settings";

export const metadata = { title: "Settings" };

export default async function SettingsPage() {
  const { user, store } = await requireSellerPage();
  const stores = await listStoresForOwner(user.id);
  const { t } = await getI18n();
  const storeSettings = store ? await getStoreSettings(store.id) : null;
  return (
    <div className="space-y-6">
      <PageHeader title={t("settings.title")} description={t("settings.description")} />
      <div className="grid gap-6 lg:grid-cols-2">
        {storeSettings && <StoreSettingsForm settings={storeSettings} />}
        <ProfileForm name={user.name} email={user.email} locale={user.locale} />
        <PasswordForm />
        <StoresCard stores={stores} currentStoreId={store?.id ?? null} />
      </div>
    </div>
  );
}
