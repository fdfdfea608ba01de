"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useI18n } from "@/lib/i18n/client";
import { apiFetch, ApiError } from "@/components/api-client";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";

type Report = { seen: number; ingested: number; failed: number; ordersRefreshed: number };

export function SyncButton() {
  const { t } = useI18n();
  const toast = useToast();
  const router = useRouter();
  const [pending, setPending] = useState(false);
  return (
    <Button
      variant="secondary"
      loading={pending}
      onClick={async () => {
        setPending(true);
        try {
          const r = await apiFetch<Report>("/api/internal/sync/stripe-events", { method: "POST" });
          toast.success(
            t("admin.syncDone", { seen: r.seen, ingested: r.ingested, failed: r.failed, orders: r.ordersRefreshed }),
          );
          router.refresh();
        } catch (err) {
          toast.error(err instanceof ApiError ? err.message : t("common.error"));
        } finally {
          setPending(false);
        }
      }}
    >
      {t("admin.runSync")}
    </Button>
  );
}
