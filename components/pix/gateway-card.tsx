"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { useI18n } from "@/lib/i18n/client";
import { apiFetch, ApiError } from "@/components/api-client";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardFooter } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { AlertTriangleIcon, CheckCircleIcon, ChevronDownIcon, InfoIcon, ShieldIcon } from "@/components/ui/icons";
import { Switch } from "@/components/ui/switch";
import { useToast } from "@/components/ui/toast";
import { GatewayFormDialog } from "./gateway-form-dialog";
import {
  CONFIGS_KEY,
  fieldLabel,
  gatewayName,
  verifyErrorText,
  type GatewayConfigRow,
  type GatewayType,
  type VerifyResult,
} from "./types";

type Props = {
  config: GatewayConfigRow;
  type: GatewayType | undefined;
  types: GatewayType[];
  position: number;
  count: number;
  onMove: (direction: -1 | 1) => void;
  moving: boolean;
};

function Detail({ label, children, className }: { label: string; children: ReactNode; className?: string }) {
  return (
    <div className={`flex min-w-0 flex-col gap-1.5 ${className ?? ""}`}>
      <dt className="text-xs font-medium text-ink-subtle">{label}</dt>
      <dd className="min-w-0 text-sm text-ink">{children}</dd>
    </div>
  );
}

function MiniStat({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="flex flex-col rounded-md bg-surface-sunken px-2.5 py-2">
      <span className="text-[11px] font-medium tracking-wide text-ink-subtle uppercase">{label}</span>
      <span className="text-sm font-semibold tabular-nums text-ink" data-testid={testId}>
        {value}
      </span>
    </div>
  );
}

/** One gateway configuration: on/off, order, masked credentials, webhook URL, verification and stats. */
export function GatewayCard({ config, type, types, position, count, onMove, moving }: Props) {
  const { t, money, dateTime, locale } = useI18n();
  const toast = useToast();
  const qc = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [removing, setRemoving] = useState(false);
  const base = `/api/v1/pix/configs/${config.id}`;
  const refresh = () => qc.invalidateQueries({ queryKey: CONFIGS_KEY });
  const fail = (err: unknown) => toast.error(err instanceof ApiError ? err.message : t("common.error"));

  const toggle = useMutation({
    mutationFn: (active: boolean) => apiFetch(base, { method: "PATCH", body: { active } }),
    onSuccess: (_row, active) => {
      toast.success(active ? t("pix.card.activated") : t("pix.card.deactivated"));
      void refresh();
    },
    onError: fail,
  });
  const verify = useMutation({
    mutationFn: () => apiFetch<VerifyResult>(`${base}/verify`, { method: "POST" }),
    onSuccess: (result) => {
      if (result.ok) toast.success(t("pix.card.verifyOk"));
      else
        toast.error(verifyErrorText(t, result.code), {
          description: result.reason ? t("pix.gatewaySaid", { reason: result.reason }) : undefined,
        });
      void refresh();
    },
    onError: (err) => {
      fail(err);
      void refresh();
    },
  });

  const fields =
    type?.fields ??
    Object.keys(config.maskedCredentials).map((name) => ({
      name,
      label: name,
      secret: false,
      required: false,
      multiline: false,
    }));
  // An error older than a later successful check is history, not a problem to fix now.
  const errorIsCurrent =
    config.lastVerifyOk === false ||
    (!!config.lastErrorAt && (!config.lastVerifiedAt || config.lastErrorAt > config.lastVerifiedAt));
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(
    config.stats.conversion,
  );
  const verification =
    config.lastVerifyOk === true ? (
      <span className="inline-flex items-center gap-1.5 font-medium text-success-ink">
        <CheckCircleIcon size={16} aria-hidden />
        {t("pix.card.verifiedOk")}
      </span>
    ) : config.lastVerifyOk === false ? (
      <span className="inline-flex items-center gap-1.5 font-medium text-danger-ink">
        <AlertTriangleIcon size={16} aria-hidden />
        {t("pix.card.verifiedFail")}
      </span>
    ) : (
      <span className="inline-flex items-center gap-1.5 text-ink-muted">
        <InfoIcon size={16} aria-hidden />
        {t("pix.card.neverVerified")}
      </span>
    );

  return (
    <Card data-testid="pix-gateway-card" data-gateway={config.gateway} data-active={config.active}>
      <div className="flex flex-col gap-3 px-5 pt-5 pb-3 sm:flex-row sm:items-start sm:justify-between sm:px-6">
        <div className="flex min-w-0 items-start gap-3">
          {/* biome-ignore lint/a11y/useSemanticElements: a group of two icon buttons; a fieldset would need a visible legend */}
          <div
            className="flex flex-col items-center"
            role="group"
            aria-label={t("pix.card.priority", { n: position + 1 })}
          >
            <Button
              variant="ghost"
              size="sm"
              iconOnly
              aria-label={t("pix.card.moveUp")}
              disabled={position === 0 || moving}
              onClick={() => onMove(-1)}
              className="h-6 rotate-180"
            >
              <ChevronDownIcon />
            </Button>
            <span
              className="flex size-6 items-center justify-center rounded-full bg-brand-50 text-xs font-semibold text-brand-800 ring-1 ring-brand-200 tabular-nums"
              data-testid="pix-gateway-priority"
            >
              {position + 1}
            </span>
            <Button
              variant="ghost"
              size="sm"
              iconOnly
              aria-label={t("pix.card.moveDown")}
              disabled={position === count - 1 || moving}
              onClick={() => onMove(1)}
              className="h-6"
            >
              <ChevronDownIcon />
            </Button>
          </div>
          <div className="flex min-w-0 flex-col gap-1 pt-1">
            <div className="flex flex-wrap items-center gap-2">
              {config.active ? (
                <Badge tone="success" dot>
                  {t("pix.card.active")}
                </Badge>
              ) : (
                <Badge tone="neutral" dot>
                  {t("pix.card.inactive")}
                </Badge>
              )}
              <span className="text-xs font-medium text-ink-subtle">{gatewayName(t, config.gateway)}</span>
            </div>
            <h3 className="truncate text-[15px] font-semibold text-ink" data-testid="pix-gateway-label">
              {config.label}
            </h3>
            {type && (
              <p className="flex flex-wrap gap-1.5 text-[12px] text-ink-subtle">
                {type.capabilities.refund && <Badge tone="brand">{t("pix.card.capRefund")}</Badge>}
                {type.capabilities.statusQuery && <Badge tone="brand">{t("pix.card.capStatus")}</Badge>}
                {type.capabilities.split && <Badge tone="brand">{t("pix.card.capSplit")}</Badge>}
                {type.minimumCentavos > 1 && (
                  <Badge>{t("pix.card.minimum", { amount: money(type.minimumCentavos, "BRL") })}</Badge>
                )}
              </p>
            )}
          </div>
        </div>
        <Switch
          label={t("pix.card.activeLabel")}
          checked={config.active}
          disabled={toggle.isPending || (!config.active && config.lastVerifyOk !== true)}
          title={!config.active && config.lastVerifyOk !== true ? t("pix.card.verifyFirst") : undefined}
          onChange={(e) => toggle.mutate(e.currentTarget.checked)}
          className="shrink-0 sm:pt-1"
        />
      </div>
      {config.lastVerifyOk !== true && (
        <div className="px-5 pb-3 sm:px-6" data-testid="pix-gateway-not-chargeable">
          <Alert tone={config.active ? "warning" : "info"}>
            {config.active ? t("pix.card.activeNotVerified") : t("pix.card.verifyFirst")}
          </Alert>
        </div>
      )}

      <CardContent>
        <dl className="grid gap-x-6 gap-y-5 md:grid-cols-2">
          <Detail label={t("pix.card.credentials")}>
            <span className="grid grid-cols-[minmax(0,9rem)_minmax(0,1fr)] gap-x-3 gap-y-1 text-[13px]">
              {fields.map((f) => (
                <span key={f.name} className="contents">
                  <span className="text-ink-subtle">{fieldLabel(t, f)}</span>
                  <code className="truncate font-mono text-xs leading-5 text-ink" data-testid={`pix-cred-${f.name}`}>
                    {config.maskedCredentials[f.name] ?? (
                      <span className="font-sans text-ink-subtle">{t("pix.card.notSet")}</span>
                    )}
                  </code>
                </span>
              ))}
              {config.baseUrl && (
                <span className="contents">
                  <span className="text-ink-subtle">{t("pix.card.baseUrl")}</span>
                  <code className="truncate font-mono text-xs leading-5">{config.baseUrl}</code>
                </span>
              )}
            </span>
          </Detail>
          <Detail label={t("pix.card.verification")}>
            <span
              className="flex flex-col gap-1 text-[13px]"
              data-testid="pix-gateway-verification"
              data-ok={String(config.lastVerifyOk)}
            >
              <span className="flex flex-wrap items-baseline gap-x-2">
                {verification}
                {config.lastVerifiedAt && (
                  <span className="text-ink-subtle">
                    {t("pix.card.checkedAt", { date: dateTime(config.lastVerifiedAt) })}
                  </span>
                )}
              </span>
              {config.lastError && (
                <span
                  className={
                    errorIsCurrent
                      ? "rounded-md border border-danger-line bg-danger-bg px-2.5 py-1.5 text-danger-ink"
                      : "rounded-md border border-line bg-surface-sunken px-2.5 py-1.5 text-ink-muted"
                  }
                  data-testid="pix-gateway-last-error"
                >
                  <span className="font-medium">
                    {t(errorIsCurrent ? "pix.card.lastError" : "pix.card.earlierError")}
                  </span>
                  {config.lastErrorAt && (
                    <span className="opacity-80">
                      {" "}
                      ({t("pix.card.lastErrorAt", { date: dateTime(config.lastErrorAt) })})
                    </span>
                  )}
                  :{" "}
                  {config.lastErrorCode ? (
                    <>
                      <span className="break-words" data-testid="pix-gateway-error-text">
                        {verifyErrorText(t, config.lastErrorCode)}
                      </span>
                      <details className="mt-1 text-xs opacity-90">
                        <summary className="cursor-pointer select-none">{t("pix.technicalDetails")}</summary>
                        <span className="break-words font-mono">{config.lastError}</span>
                      </details>
                    </>
                  ) : (
                    <span className="break-words">{config.lastError}</span>
                  )}
                </span>
              )}
            </span>
          </Detail>
          <Detail label={t("pix.card.webhookUrl")}>
            {config.webhookUrl ? (
              <span className="flex flex-col gap-1.5">
                <span className="flex items-center gap-1.5">
                  <code
                    className="min-w-0 flex-1 truncate rounded-md border border-line bg-surface-sunken px-2 py-1.5 font-mono text-xs"
                    title={config.webhookUrl}
                    data-testid="pix-webhook-url"
                  >
                    {config.webhookUrl}
                  </code>
                  <CopyButton value={config.webhookUrl} iconOnly />
                </span>
                <span className="text-[12px] text-ink-subtle">{t("pix.card.webhookHint")}</span>
              </span>
            ) : (
              <span className="text-[13px] text-ink-muted">{t("pix.card.webhookNone")}</span>
            )}
          </Detail>
          <Detail label={t("pix.card.stats")}>
            <span className="grid grid-cols-2 gap-1.5 sm:grid-cols-4">
              <MiniStat label={t("pix.card.total")} value={String(config.stats.total)} testId="pix-stat-total" />
              <MiniStat label={t("pix.card.paid")} value={String(config.stats.paid)} testId="pix-stat-paid" />
              <MiniStat label={t("pix.card.conversion")} value={percent} testId="pix-stat-conversion" />
              <MiniStat
                label={t("pix.card.paidAmount")}
                value={money(config.stats.paidCentavos, "BRL")}
                testId="pix-stat-amount"
              />
            </span>
          </Detail>
        </dl>
      </CardContent>

      <CardFooter className="flex-col-reverse items-stretch sm:flex-row sm:items-center sm:justify-between">
        <Button
          variant="ghost"
          size="sm"
          className="text-danger-ink hover:text-danger-ink"
          onClick={() => setRemoving(true)}
        >
          {t("pix.card.remove")}
        </Button>
        <div className="flex flex-col gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" size="sm" onClick={() => setEditing(true)}>
            {t("pix.card.edit")}
          </Button>
          <Button
            size="sm"
            variant={config.lastVerifyOk ? "secondary" : "primary"}
            loading={verify.isPending}
            onClick={() => verify.mutate()}
          >
            <ShieldIcon aria-hidden />
            {t("pix.card.verify")}
          </Button>
        </div>
      </CardFooter>

      <GatewayFormDialog open={editing} onOpenChange={setEditing} types={types} config={config} />
      <ConfirmDialog
        open={removing}
        onOpenChange={setRemoving}
        title={t("pix.card.removeTitle")}
        description={t("pix.card.removeBody", { label: config.label })}
        confirmLabel={t("pix.card.remove")}
        tone="danger"
        onConfirm={async () => {
          try {
            await apiFetch(base, { method: "DELETE" });
            toast.success(t("pix.card.removed"));
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
