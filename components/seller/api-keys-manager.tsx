"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useI18n } from "@/lib/i18n/client";
import { apiFetch, ApiError } from "@/components/api-client";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/table";
import { EmptyState } from "@/components/ui/empty-state";
import { Dialog, ConfirmDialog } from "@/components/ui/dialog";
import { CodeBlock } from "@/components/ui/code";
import { KeyIcon, PlusIcon } from "@/components/ui/icons";
import { useToast } from "@/components/ui/toast";

export type ApiKeyRow = {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

export function ApiKeysManager({ initial }: { initial: ApiKeyRow[] }) {
  const { t, dateTime } = useI18n();
  const toast = useToast();
  const qc = useQueryClient();
  const keys = useQuery({
    queryKey: ["api-keys"],
    queryFn: () => apiFetch<{ data: ApiKeyRow[] }>("/api/v1/api-keys").then((r) => r.data),
    initialData: initial,
  });
  const [createOpen, setCreateOpen] = useState(false);
  const [nameError, setNameError] = useState<string | undefined>();
  const [secret, setSecret] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<ApiKeyRow | null>(null);

  const create = useMutation({
    mutationFn: (name: string) =>
      apiFetch<ApiKeyRow & { secret: string }>("/api/v1/api-keys", { method: "POST", body: { name } }),
    onSuccess: (key) => {
      setCreateOpen(false);
      setSecret(key.secret);
      void qc.invalidateQueries({ queryKey: ["api-keys"] });
    },
    onError: (err) => setNameError(err instanceof ApiError ? err.message : t("common.error")),
  });
  const revoke = useMutation({
    mutationFn: (id: string) => apiFetch(`/api/v1/api-keys/${id}`, { method: "DELETE" }),
    onSuccess: () => {
      toast.success(t("apiKeys.revokedToast"));
      void qc.invalidateQueries({ queryKey: ["api-keys"] });
    },
  });

  function onCreate(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setNameError(undefined);
    create.mutate(String(new FormData(e.currentTarget).get("name") ?? ""));
  }

  const createButton = (
    <Button onClick={() => setCreateOpen(true)}>
      <PlusIcon className="size-4" aria-hidden />
      {t("apiKeys.create")}
    </Button>
  );

  return (
    <>
      <div className="flex justify-end">{createButton}</div>
      <Card className="overflow-hidden">
        <DataTable
          rows={keys.data}
          rowKey={(k) => k.id}
          caption={t("apiKeys.title")}
          empty={
            <EmptyState
              bare
              icon={<KeyIcon className="size-6" />}
              title={t("apiKeys.emptyTitle")}
              description={t("apiKeys.emptyBody")}
            />
          }
          columns={[
            { key: "name", header: t("apiKeys.name"), cell: (k) => <span className="font-medium">{k.name}</span> },
            {
              key: "prefix",
              header: t("apiKeys.prefix"),
              cell: (k) => <code className="font-mono text-xs">{k.prefix}…</code>,
            },
            { key: "created", header: t("apiKeys.created"), cell: (k) => dateTime(k.createdAt) },
            {
              key: "lastUsed",
              header: t("apiKeys.lastUsed"),
              cell: (k) =>
                k.lastUsedAt ? dateTime(k.lastUsedAt) : <span className="text-ink-subtle">{t("apiKeys.never")}</span>,
            },
            {
              key: "status",
              header: t("apiKeys.status"),
              cell: (k) =>
                k.revokedAt ? (
                  <Badge tone="neutral">{t("apiKeys.revoked")}</Badge>
                ) : (
                  <Badge tone="success" dot>
                    {t("apiKeys.active")}
                  </Badge>
                ),
            },
            {
              key: "actions",
              header: "",
              align: "right",
              cell: (k) =>
                k.revokedAt ? null : (
                  <Button variant="ghost" size="sm" onClick={() => setRevoking(k)}>
                    {t("apiKeys.revoke")}
                  </Button>
                ),
            },
          ]}
        />
      </Card>

      <Dialog
        open={createOpen}
        onOpenChange={setCreateOpen}
        title={t("apiKeys.create")}
        footer={
          <>
            <Button variant="secondary" onClick={() => setCreateOpen(false)}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" form="create-key" loading={create.isPending}>
              {t("apiKeys.create")}
            </Button>
          </>
        }
      >
        <form id="create-key" onSubmit={onCreate}>
          <Field label={t("apiKeys.name")} error={nameError} required>
            <Input name="name" placeholder={t("apiKeys.namePlaceholder")} maxLength={60} required autoFocus />
          </Field>
        </form>
      </Dialog>

      <Dialog
        open={secret !== null}
        onOpenChange={(o) => !o && setSecret(null)}
        title={t("apiKeys.secretTitle")}
        description={t("apiKeys.secretBody")}
        dismissible={false}
        footer={<Button onClick={() => setSecret(null)}>{t("apiKeys.done")}</Button>}
      >
        {secret && (
          <div data-testid="new-api-key">
            <CodeBlock value={secret} copyable nowrap />
          </div>
        )}
      </Dialog>

      <ConfirmDialog
        open={revoking !== null}
        onOpenChange={(o) => !o && setRevoking(null)}
        title={t("apiKeys.revokeTitle")}
        description={revoking ? t("apiKeys.revokeBody", { prefix: revoking.prefix }) : undefined}
        confirmLabel={t("apiKeys.revoke")}
        tone="danger"
        onConfirm={async () => {
          if (revoking) await revoke.mutateAsync(revoking.id);
        }}
      />
    </>
  );
}
