"use client";
import { useI18n } from "@/lib/i18n/client";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { CodeBlock } from "@/components/ui/code";

/** Shows a just-created or rotated signing secret, once. */
export function SecretDialog({ secret, onClose }: { secret: string | null; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Dialog
      open={secret !== null}
      onOpenChange={(o) => !o && onClose()}
      title={t("callbacks.secretTitle")}
      description={t("callbacks.secretBody")}
      dismissible={false}
      footer={<Button onClick={onClose}>{t("callbacks.secretDone")}</Button>}
    >
      {secret && (
        <div data-testid="callback-secret">
          <CodeBlock value={secret} label={t("callbacks.signingSecret")} copyable nowrap />
        </div>
      )}
    </Dialog>
  );
}
