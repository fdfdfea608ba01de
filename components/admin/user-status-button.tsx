"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useI18n } from "@/lib/i18n/client";
import { apiFetch, ApiError } from "@/components/api-client";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast";

export function UserStatusButton({
  userId,
  email,
  status,
}: {
  userId: string;
  email: string;
  status: "ACTIVE" | "SUSPENDED";
}) {
  const { t } = useI18n();
  const toast = useToast();
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);

  async function setStatus(next: "ACTIVE" | "SUSPENDED") {
    try {
      await apiFetch(`/api/admin/users/${userId}/status`, { method: "POST", body: { status: next } });
      toast.success(t("admin.statusChanged"));
      router.refresh();
    } catch (err) {
      toast.error(err instanceof ApiError ? err.message : t("common.error"));
      throw err;
    }
  }

  if (status === "SUSPENDED")
    return (
      <Button variant="secondary" size="sm" onClick={() => void setStatus("ACTIVE").catch(() => undefined)}>
        {t("admin.reactivate")}
      </Button>
    );
  return (
    <>
      <Button variant="ghost" size="sm" onClick={() => setConfirming(true)}>
        {t("admin.suspend")}
      </Button>
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={t("admin.suspendTitle", { email })}
        description={t("admin.suspendBody")}
        confirmLabel={t("admin.suspend")}
        tone="danger"
        onConfirm={() => setStatus("SUSPENDED")}
      />
    </>
  );
}
