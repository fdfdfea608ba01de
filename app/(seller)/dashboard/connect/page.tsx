import { PageHeader } from "@/components/ui/page-header";
import { Alert } from "@/components/ui/alert";
import { ConnectOnboarding } from "@/components/connect/connect-onboarding";
import { AccountStatusPanel } from "@/components/connect/account-status-panel";
import { InstallmentSettingsForm } from "@/components/installments/installment-settings-form";
import { requireSellerPage } from "@/lib/auth/session";
import { getAccountStatus } from "@/lib/connect/accounts";
import { getI18n } from "@/lib/http/locale";

export const metadata = { title: "Stripe Connect" };

type Props = { searchParams: Promise<{ returned?: string; error?: string }> };

export default async function ConnectPage({ searchParams }: Props) {
  const { user, store } = await requireSellerPage();
  const { t } = await getI18n();
  const { returned, error } = await searchParams;
  const account = store ? await getAccountStatus(store.id) : null;
  return (
    <div className="space-y-6">
      <PageHeader title={t("connect.title")} description={t("connect.description")} />
      {error && <Alert tone="danger">{t("connect.toasts.linkFailed")}</Alert>}
      {account ? (
        <>
          <AccountStatusPanel
            initial={{ ...account, syncedAt: account.syncedAt.toISOString() }}
            returned={returned === "1"}
          />
          <InstallmentSettingsForm />
        </>
      ) : (
        <ConnectOnboarding defaultEmail={user.email} defaultWebsite={store?.storeDomain ?? ""} />
      )}
    </div>
  );
}
