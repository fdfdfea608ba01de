"use client";
import { useI18n } from "@/lib/i18n/client";
import { formatDate } from "@/lib/i18n/format";
import { ConfirmDialog } from "@/components/ui/dialog";
import type { PlanView, SubscriptionView } from "./types";

type Props = {
  current: SubscriptionView | null;
  switching: PlanView | null;
  onSwitchClose: () => void;
  onSwitch: (plan: PlanView) => Promise<void>;
  canceling: boolean;
  onCancelClose: () => void;
  onCancel: () => Promise<void>;
};

/** The two confirmations that change what the seller pays: a prorated switch and a cancellation. */
export function PlanDialogs({
  current,
  switching,
  onSwitchClose,
  onSwitch,
  canceling,
  onCancelClose,
  onCancel,
}: Props) {
  const { t, locale } = useI18n();
  const planName = current?.plan.name ?? "";
  const end = current?.currentPeriodEnd ?? current?.trialEnd ?? null;
  return (
    <>
      <ConfirmDialog
        open={switching !== null}
        onOpenChange={(open) => !open && onSwitchClose()}
        title={t("billing.confirm.switchTitle", { plan: switching?.name ?? "" })}
        description={t("billing.confirm.switchBody", { plan: switching?.name ?? "", current: planName })}
        confirmLabel={t("billing.confirm.switchConfirm")}
        onConfirm={async () => {
          if (switching) await onSwitch(switching);
        }}
      />
      <ConfirmDialog
        open={canceling}
        onOpenChange={(open) => !open && onCancelClose()}
        title={t("billing.confirm.cancelTitle")}
        description={
          end
            ? t("billing.confirm.cancelBody", { plan: planName, date: formatDate(end, locale) })
            : t("billing.confirm.cancelBodyNoDate", { plan: planName })
        }
        confirmLabel={t("billing.confirm.cancelConfirm")}
        cancelLabel={t("billing.confirm.keep")}
        tone="danger"
        onConfirm={onCancel}
      />
    </>
  );
}
