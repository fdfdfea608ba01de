"use client";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useI18n } from "@/lib/i18n/client";
import { apiFetch, ApiError } from "@/components/api-client";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";

/** A local "YYYY-MM-DDTHH:mm" an hour ago, the value format of datetime-local inputs. */
function anHourAgo(): string {
  const d = new Date(Date.now() - 3_600_000);
  d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
  return d.toISOString().slice(0, 16);
}

/** "Replay all since <datetime>": every delivery created since then is sent again. */
export function ReplayDialog({
  open,
  onOpenChange,
  onDone,
}: {
  open: boolean;
  onOpenChange: (o: boolean) => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const toast = useToast();
  const [error, setError] = useState<string>();
  const replay = useMutation({
    mutationFn: (since: string) =>
      apiFetch<{ replayed: number }>("/api/v1/callbacks/replay", { method: "POST", body: { since } }),
    onSuccess: ({ replayed }) => {
      onOpenChange(false);
      toast.success(t("callbacks.log.replayed", { count: replayed }));
      onDone();
    },
    onError: (err) => setError(err instanceof ApiError ? err.message : t("common.error")),
  });

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setError(undefined);
    const value = String(new FormData(e.currentTarget).get("since") ?? "");
    const since = new Date(value);
    if (!value || Number.isNaN(since.getTime())) return setError(t("common.error"));
    replay.mutate(since.toISOString());
  }

  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title={t("callbacks.log.replayTitle")}
      description={t("callbacks.log.replayBody")}
      size="sm"
      footer={
        <>
          <Button variant="secondary" onClick={() => onOpenChange(false)}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" form="replay-since" loading={replay.isPending}>
            {t("callbacks.log.replayConfirm")}
          </Button>
        </>
      }
    >
      {open && (
        <form id="replay-since" onSubmit={onSubmit}>
          <Field label={t("callbacks.log.replaySince")} error={error} required>
            <Input name="since" type="datetime-local" defaultValue={anHourAgo()} />
          </Field>
        </form>
      )}
    </Dialog>
  );
}
