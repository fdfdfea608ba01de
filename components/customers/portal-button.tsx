"use client";
import { useMutation } from "@tanstack/react-query";
import { apiFetch, ApiError } from "@/components/api-client";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { useI18n } from "@/lib/i18n/client";

/** Opens the customer's Stripe portal (the seller helping them) in a new tab. */
export function CustomerPortalButton({ customerId, available }: { customerId: string; available: boolean }) {
  const { t } = useI18n();
  const toast = useToast();
  const open = useMutation({
    mutationFn: async () =>
      (await apiFetch(`/api/v1/customers/${customerId}/portal-session`, { method: "POST" })) as { url: string },
    onSuccess: ({ url }) => void window.open(url, "_blank", "noopener"),
    onError: (err) => toast.error(err instanceof ApiError ? err.message : t("customers.detail.portalError")),
  });
  return (
    <Button
      variant="secondary"
      disabled={!available || open.isPending}
      title={available ? t("customers.detail.portalHint") : t("customers.detail.portalUnavailable")}
      onClick={() => open.mutate()}
      data-testid="customer-portal"
    >
      {t("customers.detail.portal")}
    </Button>
  );
}
