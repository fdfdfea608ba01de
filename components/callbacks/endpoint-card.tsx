"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { useI18n } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import { apiFetch, ApiError, newIdempotencyKey } from "@/components/api-client";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardFooter } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/dialog";
import { RefreshIcon, ZapIcon } from "@/components/ui/icons";
import { Switch } from "@/components/ui/switch";
import { useToast } from "@/components/ui/toast";
import { EndpointFormDialog } from "./endpoint-form-dialog";
import { DELIVERIES_KEY, ENDPOINTS_KEY, eventLabelKey, type EndpointRow } from "./types";

type Props = { endpoint: EndpointRow; disableAfter: number; onSecret: (secret: string) => void };

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <dt className="text-xs font-medium text-ink-subtle">{label}</dt>
      <dd className="min-w-0 text-sm text-ink">{children}</dd>
    </div>
  );
}

/** One endpoint: its URL, on/off, event filter, secret prefix, health and actions. */
export function EndpointCard({ endpoint, disableAfter, onSecret }: Props) {
  const { t, dateTime } = useI18n();
  const toast = useToast();
  const qc = useQueryClient();
  const [confirm, setConfirm] = useState<"rotate" | "delete" | null>(null);
  const [editing, setEditing] = useState(false);
  const refresh = () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: ENDPOINTS_KEY }),
      qc.invalidateQueries({ queryKey: DELIVERIES_KEY }),
    ]);
  const fail = (err: unknown) => toast.error(err instanceof ApiError ? err.message : t("common.error"));
  const base = `/api/v1/callbacks/endpoints/${endpoint.id}`;

  const toggle = useMutation({
    mutationFn: (enabled: boolean) => apiFetch<EndpointRow>(base, { method: "PATCH", body: { enabled } }),
    onSuccess: (row) => {
      if (row.enabled && endpoint.disabledReason) toast.success(t("callbacks.reenabled"));
      void refresh();
    },
    onError: fail,
  });
  const test = useMutation({
    mutationFn: () =>
      apiFetch("/api/v1/callbacks/test", {
        method: "POST",
        body: { endpointId: endpoint.id },
        idempotencyKey: newIdempotencyKey(),
      }),
    onSuccess: () => {
      toast.success(t("callbacks.testSent"), { description: t("callbacks.testSentBody") });
      void refresh();
    },
    onError: fail,
  });

  const reason = endpoint.disabledReason as "manual" | "gone" | "failing" | null;
  const status = endpoint.enabled ? (
    <Badge tone="success" dot>
      {t("callbacks.statusActive")}
    </Badge>
  ) : reason === "manual" || !reason ? (
    <Badge tone="neutral" dot>
      {t("callbacks.statusPaused")}
    </Badge>
  ) : (
    <Badge tone="danger" dot>
      {t("callbacks.statusStopped")}
    </Badge>
  );

  return (
    <Card data-testid="endpoint-card">
      <div className="flex flex-col gap-3 px-5 pt-5 pb-3 sm:flex-row sm:items-start sm:justify-between sm:px-6">
        <div className="flex min-w-0 flex-col gap-1.5">
          <div className="flex flex-wrap items-center gap-2">{status}</div>
          <p className="font-mono text-sm font-medium break-all text-ink" data-testid="endpoint-url">
            {endpoint.url}
          </p>
        </div>
        <Switch
          label={t("callbacks.enabled")}
          checked={endpoint.enabled}
          disabled={toggle.isPending}
          onChange={(e) => toggle.mutate(e.currentTarget.checked)}
          className="shrink-0"
        />
      </div>

      {!endpoint.enabled && reason && (
        <div className="px-5 sm:px-6">
          <Alert
            tone={reason === "manual" ? "neutral" : "danger"}
            title={t("callbacks.disabledTitle")}
            actions={
              <Button
                size="sm"
                variant={reason === "manual" ? "secondary" : "primary"}
                loading={toggle.isPending}
                onClick={() => toggle.mutate(true)}
              >
                {t("callbacks.reenable")}
              </Button>
            }
          >
            {t(`callbacks.disabledReason.${reason}` as MessageKey, { count: endpoint.consecutiveFailures })}
          </Alert>
        </div>
      )}
      {endpoint.enabled && endpoint.consecutiveFailures > 0 && (
        <div className="px-5 sm:px-6">
          <Alert tone="warning">
            {t("callbacks.failingWarning", { count: endpoint.consecutiveFailures, limit: disableAfter })}
          </Alert>
        </div>
      )}

      <CardContent>
        <dl className="grid gap-x-6 gap-y-4 sm:grid-cols-2 lg:grid-cols-3">
          <Detail label={t("callbacks.eventTypes")}>
            {endpoint.eventTypes.length === 0 ? (
              t("callbacks.allEvents")
            ) : (
              <span className="flex flex-wrap gap-1.5">
                {endpoint.eventTypes.map((type) => (
                  <Badge key={type} tone="brand">
                    {t(eventLabelKey(type))}
                  </Badge>
                ))}
              </span>
            )}
          </Detail>
          <Detail label={t("callbacks.signingSecret")}>
            <code className="font-mono text-xs" data-testid="secret-prefix">
              {endpoint.secretPrefix}…
            </code>
            {endpoint.previousSecretExpiresAt && new Date(endpoint.previousSecretExpiresAt) > new Date() && (
              <span className="mt-1 block text-[13px] text-ink-subtle">
                {t("callbacks.rotatingUntil", { date: dateTime(endpoint.previousSecretExpiresAt) })}
              </span>
            )}
          </Detail>
          <Detail label={t("callbacks.health")}>
            <span className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-[13px]">
              <span className="text-ink-subtle">{t("callbacks.lastSuccess")}</span>
              <span>{endpoint.lastSuccessAt ? dateTime(endpoint.lastSuccessAt) : t("callbacks.never")}</span>
              <span className="text-ink-subtle">{t("callbacks.lastFailure")}</span>
              <span>{endpoint.lastFailureAt ? dateTime(endpoint.lastFailureAt) : t("callbacks.never")}</span>
              <span className="text-ink-subtle">{t("callbacks.consecutiveFailures")}</span>
              <span className="tabular-nums">{endpoint.consecutiveFailures}</span>
            </span>
          </Detail>
        </dl>
      </CardContent>

      <CardFooter className="flex-col-reverse items-stretch sm:flex-row sm:items-center sm:justify-between">
        <Button
          variant="ghost"
          size="sm"
          className="text-danger-ink hover:text-danger-ink"
          onClick={() => setConfirm("delete")}
        >
          {t("callbacks.remove")}
        </Button>
        <div className="grid grid-cols-2 gap-2 sm:flex sm:flex-wrap sm:justify-end">
          <Button
            size="sm"
            className="col-span-2 sm:order-last"
            disabled={!endpoint.enabled}
            loading={test.isPending}
            onClick={() => test.mutate()}
          >
            <ZapIcon aria-hidden />
            {t("callbacks.sendTest")}
          </Button>
          <Button variant="secondary" size="sm" onClick={() => setEditing(true)}>
            {t("callbacks.edit")}
          </Button>
          <Button variant="secondary" size="sm" onClick={() => setConfirm("rotate")}>
            <RefreshIcon aria-hidden />
            {t("callbacks.rotate")}
          </Button>
        </div>
      </CardFooter>

      <EndpointFormDialog open={editing} onOpenChange={setEditing} endpoint={endpoint} defaultUrl={null} />
      <ConfirmDialog
        open={confirm === "rotate"}
        onOpenChange={(o) => !o && setConfirm(null)}
        title={t("callbacks.rotateTitle")}
        description={t("callbacks.rotateBody")}
        confirmLabel={t("callbacks.rotateConfirm")}
        onConfirm={async () => {
          try {
            const row = await apiFetch<EndpointRow & { secret: string }>(`${base}/rotate`, {
              method: "POST",
              body: { overlapHours: 24 },
            });
            onSecret(row.secret);
            void refresh();
          } catch (err) {
            fail(err);
            throw err;
          }
        }}
      />
      <ConfirmDialog
        open={confirm === "delete"}
        onOpenChange={(o) => !o && setConfirm(null)}
        title={t("callbacks.removeTitle")}
        description={t("callbacks.removeBody", { url: endpoint.url })}
        confirmLabel={t("callbacks.remove")}
        tone="danger"
        onConfirm={async () => {
          try {
            await apiFetch(base, { method: "DELETE" });
            toast.success(t("callbacks.removed"));
            void refresh();
          } catch (err) {
            fail(err);
            throw err;
          }
        }}
      />
    </Card>
  );
}
