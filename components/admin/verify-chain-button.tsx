"use client";
import { useState } from "react";
import { useI18n } from "@/lib/i18n/client";
import { apiFetch } from "@/components/api-client";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";

type Report = { ok: boolean; checked: number; brokenAt?: string; reason?: string };

export function VerifyChainButton() {
  const { t } = useI18n();
  const [report, setReport] = useState<Report | null>(null);
  const [pending, setPending] = useState(false);
  return (
    <div className="flex flex-col items-start gap-3 sm:flex-row sm:items-center">
      <Button
        variant="secondary"
        loading={pending}
        onClick={async () => {
          setPending(true);
          try {
            setReport(await apiFetch<Report>("/api/admin/audit/verify", { method: "POST" }));
          } finally {
            setPending(false);
          }
        }}
      >
        {t("admin.verify")}
      </Button>
      {report &&
        (report.ok ? (
          <Alert tone="success" role="status">
            {t("admin.chainOk", { count: report.checked })}
          </Alert>
        ) : (
          <Alert tone="danger" role="alert">
            {t("admin.chainBroken", { id: report.brokenAt ?? "?", reason: report.reason ?? "" })}
          </Alert>
        ))}
    </div>
  );
}
