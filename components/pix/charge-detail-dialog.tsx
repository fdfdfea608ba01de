"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent, type ReactNode } from "react";
import { useI18n } from "@/lib/i18n/client";
import { amountToInput } from "@/lib/money";
import type { MessageKey } from "@/lib/i18n/translate";
import { apiFetch, ApiError, newIdempotencyKey } from "@/components/api-client";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { CheckCircleIcon, RefreshIcon, XCircleIcon } from "@/components/ui/icons";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { useToast } from "@/components/ui/toast";
import { ChargeStatusBadge } from "./charge-status-badge";
import { PixDisputeSection, type PixDisputeRow } from "./dispute-section";
import {
  CHARGES_KEY,
  chargeKey,
  CONFIGS_KEY,
  gatewayName,
  objectOf,
  parseReais,
  type GatewayType,
  type PixChargeDetail,
} from "./types";

type Props = { chargeId: string | null; onClose: () => void; types: GatewayType[] };

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-ink-subtle">{label}</dt>
      <dd className="min-w-0 text-right break-words sm:text-left">{children}</dd>
    </>
  );
}

function Section({ title, hint, children }: { title: string; hint?: string; children: ReactNode }) {
  return (
    <section className="flex flex-col gap-2">
      <div>
        <h3 className="text-sm font-semibold text-ink">{title}</h3>
        {hint && <p className="text-[13px] text-ink-subtle">{hint}</p>}
      </div>
      {children}
    </section>
  );
}

/** One charge: its facts, the gateway attempts (failover), refunds and the seller's actions. */
export function ChargeDetailDialog({ chargeId, onClose, types }: Props) {
  const { t, money, dateTime, locale } = useI18n();
  const toast = useToast();
  const qc = useQueryClient();
  const [panel, setPanel] = useState<"refund" | "confirm" | null>(null);
  const [refundError, setRefundError] = useState<string | null>(null);
  const [refundKey, setRefundKey] = useState(newIdempotencyKey);
  const query = useQuery({
    queryKey: chargeKey(chargeId ?? ""),
    queryFn: async () => objectOf<PixChargeDetail>(await apiFetch(`/api/v1/pix/charges/${chargeId}`), "charge"),
    enabled: !!chargeId,
    // Waiting for the payment, or for a devolução the PSP is still processing.
    refetchInterval: (q) =>
      q.state.data?.status === "pending" || q.state.data?.refunds?.some((r) => r.status === "pending") ? 3_000 : false,
  });
  const charge = query.data;
  const type = types.find((g) => g.id === charge?.gateway);
  const paid = charge?.paidAmountCentavos ?? charge?.amountCentavos ?? 0;
  const refunded = charge?.refundedCentavos ?? 0;
  const refundable = charge?.refundableCentavos ?? Math.max(0, paid - refunded);
  const fail = (err: unknown) => toast.error(err instanceof ApiError ? err.message : t("common.error"));
  const refreshAll = () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: chargeKey(chargeId ?? "") }),
      qc.invalidateQueries({ queryKey: CHARGES_KEY }),
      qc.invalidateQueries({ queryKey: CONFIGS_KEY }),
    ]);

  const close = () => {
    setPanel(null);
    setRefundError(null);
    onClose();
  };

  const refresh = useMutation({
    mutationFn: () => apiFetch(`/api/v1/pix/charges/${chargeId}/refresh`, { method: "POST" }),
    onSuccess: () => {
      toast.success(t("pix.detail.refreshed"));
      void refreshAll();
    },
    onError: fail,
  });
  const confirm = useMutation({
    mutationFn: () =>
      apiFetch(`/api/v1/pix/charges/${chargeId}/confirm`, { method: "POST", idempotencyKey: `confirm-${chargeId}` }),
    onSuccess: () => {
      toast.success(t("pix.detail.confirmed"));
      setPanel(null);
      void refreshAll();
    },
    onError: fail,
  });
  const refund = useMutation({
    mutationFn: (body: { amountCentavos: number; reason?: string }) =>
      apiFetch(`/api/v1/pix/charges/${chargeId}/refunds`, { method: "POST", body, idempotencyKey: refundKey }),
    onSuccess: () => {
      toast.success(t("pix.refund.done"));
      setPanel(null);
      setRefundKey(newIdempotencyKey());
      void refreshAll();
    },
    onError: (err) => setRefundError(err instanceof ApiError ? err.message : t("common.error")),
  });

  function onRefund(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const amount = parseReais(String(form.get("amount") ?? ""), locale);
    if (amount === null) return setRefundError(t("pix.refund.invalid"));
    if (amount > refundable) return setRefundError(t("pix.refund.tooMuch", { max: money(refundable, "BRL") }));
    setRefundError(null);
    const reason = String(form.get("reason") ?? "").trim();
    refund.mutate({ amountCentavos: amount, ...(reason ? { reason } : {}) });
  }

  const isDirect = charge?.manualConfirmation ?? charge?.gateway === "direct_key";
  const canConfirm = !!charge && isDirect && (charge.status === "pending" || charge.status === "failed");
  const canRefund =
    !!charge && charge.status === "paid" && (charge.canRefund ?? (refundable > 0 && !!type?.capabilities.refund));
  const canRefresh = !!charge && !isDirect && !!charge.gateway && (type?.capabilities.statusQuery ?? true);
  const payUrl = charge
    ? (charge.payUrl ?? `${typeof window === "undefined" ? "" : window.location.origin}/pay/pix/${charge.id}`)
    : "";

  return (
    <Dialog
      open={!!chargeId}
      onOpenChange={(o) => !o && close()}
      title={t("pix.detail.title")}
      size="lg"
      description={
        charge ? (
          <span className="flex flex-wrap items-center gap-2">
            <span className="text-base font-semibold text-ink tabular-nums">{money(charge.amountCentavos, "BRL")}</span>
            <ChargeStatusBadge charge={charge} />
          </span>
        ) : undefined
      }
      footer={
        charge ? (
          <>
            {canRefresh && (
              <Button variant="secondary" loading={refresh.isPending} onClick={() => refresh.mutate()}>
                <RefreshIcon aria-hidden />
                {t("pix.detail.refreshStatus")}
              </Button>
            )}
            {canRefund && panel !== "refund" && (
              <Button
                variant="secondary"
                onClick={() => {
                  setPanel("refund");
                  setRefundError(null);
                }}
              >
                {t("pix.detail.refund")}
              </Button>
            )}
            {canConfirm && panel !== "confirm" && (
              <Button onClick={() => setPanel("confirm")}>
                <CheckCircleIcon aria-hidden />
                {t("pix.detail.confirm")}
              </Button>
            )}
            {!canConfirm && (
              <Button variant="secondary" onClick={close}>
                {t("common.close")}
              </Button>
            )}
          </>
        ) : undefined
      }
    >
      {query.isError ? (
        <Alert tone="danger">{t("pix.detail.loadError")}</Alert>
      ) : !charge ? (
        <div className="flex flex-col gap-3 py-2">
          <Skeleton className="h-5 w-2/3" />
          <Skeleton className="h-5 w-1/2" />
          <Skeleton className="h-24 w-full" />
        </div>
      ) : (
        <div className="flex flex-col gap-6 pb-2" data-testid="pix-charge-detail" data-status={charge.status}>
          {panel === "confirm" && (
            <Alert
              tone="warning"
              title={t("pix.detail.confirmTitle")}
              actions={
                <>
                  <Button size="sm" variant="secondary" onClick={() => setPanel(null)}>
                    {t("common.cancel")}
                  </Button>
                  <Button size="sm" loading={confirm.isPending} onClick={() => confirm.mutate()}>
                    {t("pix.detail.confirm")}
                  </Button>
                </>
              }
            >
              {t("pix.detail.confirmBody", { amount: money(charge.amountCentavos, "BRL") })}
            </Alert>
          )}
          {panel === "refund" && (
            <form
              onSubmit={onRefund}
              className="flex flex-col gap-4 rounded-lg border border-line bg-surface-sunken p-4"
              noValidate
            >
              <h3 className="text-sm font-semibold">{t("pix.refund.title")}</h3>
              <div className="grid gap-4 sm:grid-cols-2">
                <Field
                  label={t("pix.refund.amount")}
                  hint={t("pix.refund.amountHint", { max: money(refundable, "BRL") })}
                  error={refundError ?? undefined}
                >
                  <Input
                    name="amount"
                    inputMode="decimal"
                    leading="R$"
                    defaultValue={amountToInput(refundable, "BRL", locale)}
                    autoComplete="off"
                    autoFocus
                  />
                </Field>
                <Field label={t("pix.refund.reason")}>
                  <Input name="reason" maxLength={140} autoComplete="off" />
                </Field>
              </div>
              <div className="flex justify-end gap-2">
                <Button size="sm" variant="secondary" onClick={() => setPanel(null)}>
                  {t("common.cancel")}
                </Button>
                <Button size="sm" variant="danger" type="submit" loading={refund.isPending}>
                  {t("pix.refund.submitPlain")}
                </Button>
              </div>
            </form>
          )}
          {isDirect && charge.status === "pending" && panel !== "confirm" && (
            <Alert tone="info">{t("pix.detail.directKeyHint")}</Alert>
          )}
          {charge.status === "paid" && !type?.capabilities.refund && charge.gateway && paid - refunded > 0 && (
            <p className="text-[13px] text-ink-subtle">
              {t("pix.detail.refundNotSupported", { gateway: gatewayName(t, charge.gateway) })}
            </p>
          )}

          <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-6 gap-y-2 text-sm sm:grid-cols-[10rem_minmax(0,1fr)]">
            <Row label={t("pix.detail.descriptionLabel")}>{charge.description}</Row>
            {charge.orderId && (
              <Row label={t("pix.detail.orderId")}>
                <code className="font-mono text-xs">{charge.orderId}</code>
              </Row>
            )}
            <Row label={t("pix.charges.gateway")}>{charge.gatewayLabel ?? gatewayName(t, charge.gateway)}</Row>
            <Row label={t("pix.detail.reference")}>
              <code className="font-mono text-xs" data-testid="pix-charge-reference">
                {charge.reference}
              </code>
            </Row>
            <Row label={t("pix.detail.created")}>{dateTime(charge.createdAt)}</Row>
            {charge.expiresAt && <Row label={t("pix.detail.expires")}>{dateTime(charge.expiresAt)}</Row>}
            {charge.paidAt && <Row label={t("pix.detail.paidAt")}>{dateTime(charge.paidAt)}</Row>}
            {charge.paidAmountCentavos != null && (
              <Row label={t("pix.detail.paidAmount")}>{money(charge.paidAmountCentavos, "BRL")}</Row>
            )}
            {refunded > 0 && <Row label={t("pix.detail.refunded")}>{money(refunded, "BRL")}</Row>}
            {charge.failureMessage && (
              <Row label={t("pix.detail.failure")}>
                <span className="text-danger-ink">{charge.failureMessage}</span>
              </Row>
            )}
          </dl>

          <Section title={t("pix.detail.buyerLink")}>
            <span className="flex items-center gap-1.5">
              <code
                className="min-w-0 flex-1 truncate rounded-md border border-line bg-surface-sunken px-2 py-1.5 font-mono text-xs"
                data-testid="pix-detail-pay-url"
              >
                {payUrl}
              </code>
              <CopyButton value={payUrl} iconOnly />
            </span>
          </Section>

          <Section title={t("pix.detail.attempts")} hint={t("pix.detail.attemptsHint")}>
            {charge.attempts?.length ? (
              <ol
                className="flex flex-col divide-y divide-line rounded-lg border border-line"
                data-testid="pix-attempts"
              >
                {charge.attempts.map((a, i) => (
                  <li key={a.id} className="flex items-start gap-3 px-3 py-2.5 text-[13px]">
                    <span className="mt-0.5 tabular-nums text-ink-subtle">{i + 1}.</span>
                    {a.ok ? (
                      <CheckCircleIcon size={16} className="mt-0.5 shrink-0 text-success" aria-hidden />
                    ) : (
                      <XCircleIcon size={16} className="mt-0.5 shrink-0 text-danger" aria-hidden />
                    )}
                    <span className="flex min-w-0 flex-1 flex-col">
                      <span className="font-medium text-ink">
                        {a.label ?? gatewayName(t, a.gateway)} ·{" "}
                        {a.ok ? t("pix.detail.attemptOk") : t("pix.detail.attemptFailed")}
                      </span>
                      {!a.ok && (a.errorMessage || a.errorCode) && (
                        <span className="break-words text-danger-ink">
                          {a.errorCode ? `${a.errorCode}: ` : ""}
                          {a.errorMessage}
                        </span>
                      )}
                    </span>
                    <span className="shrink-0 text-right text-ink-subtle tabular-nums">{a.durationMs} ms</span>
                  </li>
                ))}
              </ol>
            ) : (
              <p className="text-[13px] text-ink-subtle">{t("pix.detail.noAttempts")}</p>
            )}
          </Section>

          {(charge.refunds?.length ?? 0) > 0 && (
            <Section title={t("pix.detail.refunds")}>
              <ul
                className="flex flex-col divide-y divide-line rounded-lg border border-line"
                data-testid="pix-refunds"
              >
                {charge.refunds!.map((r) => (
                  <li key={r.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2.5 text-[13px]">
                    <span className="flex flex-col">
                      <span className="font-medium tabular-nums">{money(r.amountCentavos, "BRL")}</span>
                      <span className="text-ink-subtle">
                        {dateTime(r.createdAt)}
                        {r.reason ? ` · ${r.reason}` : ""}
                      </span>
                      {r.failureMessage && <span className="text-danger-ink">{r.failureMessage}</span>}
                    </span>
                    <Badge tone={r.status === "refunded" ? "info" : r.status === "failed" ? "danger" : "warning"} dot>
                      {t(`pix.detail.refundStatus.${r.status}` as MessageKey)}
                    </Badge>
                  </li>
                ))}
              </ul>
            </Section>
          )}

          <PixDisputeSection disputes={(charge as { disputes?: PixDisputeRow[] }).disputes ?? []} />
        </div>
      )}
    </Dialog>
  );
}
