"use client";
import { useRouter } from "next/navigation";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useI18n } from "@/lib/i18n/client";
import { apiFetch } from "@/components/api-client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { apiErrorText } from "@/components/connect/api-error-text";

/** Seeded or pre-Connect products exist only in our database; one click puts them on Stripe. */
export function PublishAlert({ count, connected }: { count: number; connected: boolean }) {
  const { t } = useI18n();
  const toast = useToast();
  const router = useRouter();
  const qc = useQueryClient();
  const publish = useMutation({
    mutationFn: () => apiFetch<{ published: number }>("/api/v1/products/publish", { method: "POST" }),
    onSuccess: ({ published }) => {
      toast.success(published === 1 ? t("catalog.publish.doneOne") : t("catalog.publish.done", { count: published }));
      void qc.invalidateQueries({ queryKey: ["products"] });
      router.refresh();
    },
    onError: (err) => {
      const e = apiErrorText(t, err);
      toast.error(e.title, { description: e.detail });
    },
  });
  return (
    <Alert
      tone="info"
      title={count === 1 ? t("catalog.publish.titleOne") : t("catalog.publish.title", { count })}
      actions={
        connected ? (
          <Button size="sm" onClick={() => publish.mutate()} loading={publish.isPending}>
            {t("catalog.publish.action")}
          </Button>
        ) : undefined
      }
    >
      {t("catalog.publish.body")} {!connected && t("catalog.publish.needsAccount")}
    </Alert>
  );
}
