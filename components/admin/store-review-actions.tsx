"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiFetch, ApiError } from "@/components/api-client";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import { useToast } from "@/components/ui/toast";
import { useI18n } from "@/lib/i18n/client";

type Status = "PENDING" | "APPROVED" | "SUSPENDED";

/** Approve / suspend (with a reason) / reinstate a store: POST /api/admin/stores/:id/review. */
export function StoreReviewActions({
  storeId,
  storeName,
  status,
}: {
  storeId: string;
  storeName: string;
  status: Status;
}) {
  const { t } = useI18n();
  const toast = useToast();
  const router = useRouter();
  const [suspending, setSuspending] = useState(false);
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function decide(body: { decision: "approve" | "reinstate" } | { decision: "suspend"; reason: string }) {
    setBusy(true);
    setError(null);
    try {
      await apiFetch(`/api/admin/stores/${storeId}/review`, { method: "POST", body });
      toast.success(t("tenants.review.done"));
      setSuspending(false);
      setReason("");
      router.refresh();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t("common.error"));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="flex flex-wrap gap-2">
      {status === "PENDING" && (
        <Button size="sm" loading={busy} onClick={() => void decide({ decision: "approve" })}>
          {t("tenants.review.approve")}
        </Button>
      )}
      {status === "SUSPENDED" ? (
        <Button size="sm" variant="secondary" loading={busy} onClick={() => void decide({ decision: "reinstate" })}>
          {t("tenants.review.reinstate")}
        </Button>
      ) : (
        <Button size="sm" variant="danger" onClick={() => setSuspending(true)}>
          {t("tenants.review.suspend")}
        </Button>
      )}
      {error && !suspending && (
        <p role="alert" className="w-full text-sm text-danger-ink">
          {error}
        </p>
      )}
      <Dialog
        open={suspending}
        onOpenChange={setSuspending}
        title={t("tenants.review.suspendTitle", { store: storeName })}
        description={t("tenants.review.suspendBody")}
        dismissible={!busy}
        footer={
          <>
            <Button variant="secondary" onClick={() => setSuspending(false)} disabled={busy}>
              {t("common.cancel")}
            </Button>
            <Button
              variant="danger"
              loading={busy}
              disabled={reason.trim().length < 3}
              onClick={() => void decide({ decision: "suspend", reason: reason.trim() })}
            >
              {t("tenants.review.suspend")}
            </Button>
          </>
        }
      >
        <Field label={t("tenants.review.reason")} id="suspend-reason" error={error ?? undefined}>
          <Textarea id="suspend-reason" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
        </Field>
      </Dialog>
    </div>
  );
}
