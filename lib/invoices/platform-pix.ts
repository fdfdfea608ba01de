// Platform invoices paid by PIX at the platform's own gateway (PLATFORM_PIX_GATEWAY): an open BRL
// platform invoice gets a dynamic charge for its exact amount (PlatformPixCharge); the gateway's
// webhook — on the same URL shape as the stores', /api/webhooks/pix/<gateway>/<token> — and the
// reconciler re-read the charge at the gateway, move it with lib/pix's transition table, and a paid
// charge marks the invoice paid once and tells Stripe it was paid out of band (which ends a dunning
// case). Not a store's PixCharge: the money is Vitrine's, so no store callback, no seller refund,
// no place in the seller's PIX list. Without a platform gateway, ./pix.ts keeps the static key code.
import "server-only";
import { timingSafeEqual } from "node:crypto";
import type { Invoice, PlatformPixCharge } from "@/generated/prisma/client";
import { appendAudit, type AuditContext } from "@/lib/audit/log";
import { prisma } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { appUrl } from "@/lib/env/app-url";
import { env } from "@/lib/env/server";
import { readBodyText } from "@/lib/http/body";
import { logger } from "@/lib/log/logger";
import { isPixGatewayError } from "@/lib/pix/errors";
import { brCodeToPngDataUrl } from "@/lib/pix/qr";
import { newPixReference } from "@/lib/pix/reference";
import { createGateway } from "@/lib/pix/registry";
import { nextCheckAfter } from "@/lib/pix/service/failover";
import { resolveBaseUrl } from "@/lib/pix/service/runtime";
import type { PixChargeState, PixStatus } from "@/lib/pix/status";
import { transition } from "@/lib/pix/transition";
import type { PixCustomer, PixGateway, PixGatewayId } from "@/lib/pix/types";
import { partyOf } from "./parties";
import { markPlatformInvoicePaidByPixTx, tellStripePaidOutOfBand } from "./platform-pix-settle";

export type PlatformPixSettings = {
  gateway: PixGatewayId;
  credentials: Record<string, unknown>;
  baseUrl: string | undefined;
  webhookToken: string;
};

/** Longest the code stays payable (the PIX API's maximum for an immediate charge we use): a week. */
const CHARGE_SECONDS = 7 * 86_400;
/** A gateway may report a payment a little after expiry: we wait this long before calling it expired. */
const EXPIRY_GRACE_MS = 60_000;
const MAX_WEBHOOK_BYTES = 64 * 1024;
const SYSTEM: AuditContext = { actor: { type: "system", id: "invoices" } };
const gatewayAudit = (gateway: string): AuditContext => ({ actor: { type: "gateway", id: `platform:${gateway}` } });

let warnedMisconfigured = false;

/** The platform's gateway, or null when none is configured (then the static key code is used). */
export function platformPixSettings(): PlatformPixSettings | null {
  const e = env();
  if (!e.PLATFORM_PIX_GATEWAY) return null;
  if (!e.PLATFORM_PIX_GATEWAY_CREDENTIALS || !e.PLATFORM_PIX_WEBHOOK_TOKEN) {
    if (!warnedMisconfigured)
      logger.warn(
        "PLATFORM_PIX_GATEWAY is set without PLATFORM_PIX_GATEWAY_CREDENTIALS or PLATFORM_PIX_WEBHOOK_TOKEN: platform invoices get no PIX code",
      );
    warnedMisconfigured = true;
    return null;
  }
  return {
    gateway: e.PLATFORM_PIX_GATEWAY,
    credentials: JSON.parse(e.PLATFORM_PIX_GATEWAY_CREDENTIALS) as Record<string, unknown>,
    baseUrl: e.PLATFORM_PIX_GATEWAY_URL ?? resolveBaseUrl(e.PLATFORM_PIX_GATEWAY, null),
    webhookToken: e.PLATFORM_PIX_WEBHOOK_TOKEN,
  };
}

function gatewayOf(settings: PlatformPixSettings): PixGateway {
  // The operator's configuration, not a seller's input: no address guard (like the simulator default).
  return createGateway(settings.gateway, settings.credentials, { baseUrl: settings.baseUrl });
}

export function platformWebhookUrl(settings: PlatformPixSettings): string {
  return `${appUrl()}/api/webhooks/pix/${settings.gateway}/${settings.webhookToken}`;
}

/** Whether /api/webhooks/pix/<gateway>/<token> is the platform's own endpoint (constant-time on the token). */
export function isPlatformPixEndpoint(gateway: string, token: string): boolean {
  const settings = platformPixSettings();
  if (!settings || gateway !== settings.gateway) return false;
  const a = Buffer.from(token);
  const b = Buffer.from(settings.webhookToken);
  return a.length === b.length && timingSafeEqual(a, b);
}

type PayableInvoice = Pick<Invoice, "id" | "status" | "currency" | "amountDue" | "displayNumber" | "customerDetails">;

export type PlatformChargeCode = {
  brCode: string;
  qrPngDataUrl: string;
  amountMinor: number;
  chargeId: string;
  expiresAt: Date | null;
};

function customerOf(invoice: PayableInvoice): PixCustomer | undefined {
  const party = partyOf(invoice.customerDetails);
  const customer: PixCustomer = {};
  if (party.name && party.name.length >= 3) customer.name = party.name.slice(0, 120);
  if (party.email) customer.email = party.email;
  if (party.taxId && (party.taxIdType === "cpf" || party.taxIdType === "cnpj")) customer.document = party.taxId;
  return Object.keys(customer).length ? customer : undefined;
}

async function codeOf(charge: PlatformPixCharge): Promise<PlatformChargeCode> {
  return {
    brCode: charge.brCode!,
    qrPngDataUrl: charge.qrImage?.startsWith("data:image/") ? charge.qrImage : await brCodeToPngDataUrl(charge.brCode!),
    amountMinor: charge.amountCentavos,
    chargeId: charge.id,
    expiresAt: charge.expiresAt,
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The PIX code of an open BRL platform invoice at the platform's gateway: the latest charge while
 * it can still be paid for the amount due, else a new one (one per attempt number, so concurrent
 * callers share it). Null when the gateway refuses or fails; the reason is logged.
 */
export async function platformGatewayPix(
  invoice: PayableInvoice,
  settings: PlatformPixSettings,
  now = new Date(),
): Promise<PlatformChargeCode | null> {
  for (let round = 0; round < 20; round++) {
    const latest = await prisma.platformPixCharge.findFirst({
      where: { invoiceId: invoice.id },
      orderBy: { attempt: "desc" },
    });
    if (
      latest?.status === "pending" &&
      latest.brCode &&
      latest.gateway === settings.gateway &&
      latest.amountCentavos === invoice.amountDue &&
      (!latest.expiresAt || latest.expiresAt.getTime() > now.getTime() + 60_000)
    )
      return codeOf(latest);
    // Another request is creating this attempt's charge at the gateway right now: wait for its code.
    if (latest?.status === "pending" && !latest.brCode && now.getTime() - latest.createdAt.getTime() < 30_000) {
      await sleep(250);
      continue;
    }
    const attempt = (latest?.attempt ?? 0) + 1;
    let row: PlatformPixCharge;
    try {
      row = await prisma.platformPixCharge.create({
        data: {
          invoiceId: invoice.id,
          attempt,
          gateway: settings.gateway,
          reference: newPixReference(),
          amountCentavos: invoice.amountDue,
        },
      });
    } catch (err) {
      if (isUniqueViolation(err)) continue;
      throw err;
    }
    // The superseded charge stops being read; a late payment of it is still found by its webhook.
    if (latest?.status === "pending")
      await prisma.platformPixCharge.updateMany({
        where: { id: latest.id, status: "pending", brCode: null },
        data: { status: "failed", failureCode: "creation_abandoned", nextCheckAt: null },
      });
    try {
      const created = await gatewayOf(settings).createCharge({
        amountCentavos: invoice.amountDue,
        description: `Vitrine ${invoice.displayNumber ?? ""}`.trim(),
        reference: row.reference,
        customer: customerOf(invoice),
        webhookUrl: platformWebhookUrl(settings),
        expiresInSeconds: CHARGE_SECONDS,
      });
      row = await prisma.platformPixCharge.update({
        where: { id: row.id },
        data: {
          transactionId: created.transactionId,
          brCode: created.brCode,
          qrImage: created.qrImage ?? null,
          expiresAt: created.expiresAt ?? new Date(row.createdAt.getTime() + CHARGE_SECONDS * 1000),
          nextCheckAt: nextCheckAfter(row.createdAt, 0),
        },
      });
      return codeOf(row);
    } catch (err) {
      await prisma.platformPixCharge.update({
        where: { id: row.id },
        data: { status: "failed", failureCode: isPixGatewayError(err) ? err.code : "internal_error" },
      });
      logger.warn(
        { invoiceId: invoice.id, gateway: settings.gateway, code: isPixGatewayError(err) ? err.code : undefined },
        "invoice: the platform's PIX gateway gave no code for this open invoice",
      );
      return null;
    }
  }
  return null;
}

export type PlatformStatusReport = {
  status: PixStatus;
  amountCentavos?: number;
  endToEndId?: string;
  /** From re-reading the charge at the gateway (never a webhook body alone). */
  verified: boolean;
  source: "webhook" | "reconciler";
  failureCode?: string;
};

export type PlatformApplyResult = { charge: PlatformPixCharge; changed: boolean; invoicePaid: boolean };

/**
 * The one place a platform PIX charge changes status: row lock, lib/pix's transition table, the
 * amount check, and — when it becomes paid — the invoice marked paid in the same transaction
 * (once: the invoice's forward-only status). Stripe hears of it after the commit.
 */
export async function applyPlatformPixStatus(
  chargeId: string,
  report: PlatformStatusReport,
  audit: AuditContext,
): Promise<PlatformApplyResult> {
  const result = await prisma.$transaction(async (tx) => {
    await tx.$queryRawUnsafe(`SELECT id FROM "PlatformPixCharge" WHERE id = $1 FOR UPDATE`, chargeId);
    const charge = await tx.platformPixCharge.findUniqueOrThrow({ where: { id: chargeId } });
    const invoice = await tx.invoice.findUniqueOrThrow({
      where: { id: charge.invoiceId },
      select: { storeId: true, displayNumber: true },
    });
    const paidNow = charge.status === "pending" || charge.status === "failed";
    const paying = report.status === "paid" || report.status === "refunded" || report.status === "disputed";
    if (paidNow && paying && report.amountCentavos !== undefined && report.amountCentavos < charge.amountCentavos) {
      const updated = await tx.platformPixCharge.update({
        where: { id: charge.id },
        data: { paidAmountCentavos: report.amountCentavos, failureCode: "amount_mismatch" },
      });
      logger.warn(
        { chargeId, expected: charge.amountCentavos, paid: report.amountCentavos },
        "platform pix: paid amount below the invoice; not marked paid",
      );
      return { charge: updated, changed: false, paidInvoice: null };
    }
    const decision = transition(charge.status as PixChargeState, report.status, { verified: report.verified });
    if (!decision.apply) return { charge, changed: false, paidInvoice: null };
    const becamePaid = paidNow && decision.next !== "failed";
    const paidAt = charge.paidAt ?? new Date();
    const updated = await tx.platformPixCharge.update({
      where: { id: charge.id },
      data: {
        status: decision.next,
        nextCheckAt: null,
        ...(report.endToEndId && !charge.endToEndId ? { endToEndId: report.endToEndId } : {}),
        ...(becamePaid
          ? { paidAt, paidAmountCentavos: report.amountCentavos ?? charge.amountCentavos, failureCode: null }
          : {}),
        ...(decision.next === "failed" ? { failureCode: report.failureCode ?? "failed" } : {}),
      },
    });
    await appendAudit(tx, audit, {
      action: `platform_pix_charge.${decision.next}`,
      storeId: invoice.storeId,
      target: { type: "platform_pix_charge", id: charge.id },
      before: { status: charge.status },
      after: { status: decision.next, source: report.source, reason: decision.reason, invoice: invoice.displayNumber },
    });
    if (!becamePaid) return { charge: updated, changed: true, paidInvoice: null };
    const settled = await markPlatformInvoicePaidByPixTx(
      tx,
      charge.invoiceId,
      { amountMinor: charge.amountCentavos, paidAt },
      audit,
      `platform_pix_charge:${charge.id}`,
    );
    return { charge: updated, changed: true, paidInvoice: settled.changed ? settled.invoice : null };
  });
  if (result.paidInvoice) await tellStripePaidOutOfBand(result.paidInvoice);
  return { charge: result.charge, changed: result.changed, invoicePaid: !!result.paidInvoice };
}

async function rereadAndApply(
  gw: PixGateway,
  charge: PlatformPixCharge,
  source: PlatformStatusReport["source"],
  fallback?: PlatformStatusReport,
): Promise<PlatformApplyResult | null> {
  if (gw.capabilities.statusQuery && charge.transactionId) {
    const s = await gw.getStatus({ transactionId: charge.transactionId });
    return applyPlatformPixStatus(
      charge.id,
      { status: s.status, amountCentavos: s.amountCentavos, endToEndId: s.endToEndId, verified: true, source },
      gatewayAudit(gw.id),
    );
  }
  // A gateway without a status query: its webhook is all there is (never the case for a charge we
  // matched by amount alone — we only match by the gateway's id or our reference).
  return fallback ? applyPlatformPixStatus(charge.id, fallback, gatewayAudit(gw.id)) : null;
}

export type PlatformWebhookResult = { status: number; body: { received: boolean; outcome: string; events: number } };

/**
 * The platform endpoint's webhook: the body is a hint; the charge is matched by the gateway's
 * transaction id or our reference (never by amount: many sellers may owe the same amount), re-read
 * at the gateway, and only the gateway's answer moves it. 400 unreadable body; 503 when we failed
 * (the gateway retries); else 200, matched or not.
 */
export async function handlePlatformPixWebhook(req: Request): Promise<PlatformWebhookResult> {
  const settings = platformPixSettings()!;
  const gw = gatewayOf(settings);
  const body = await readBodyText(req, MAX_WEBHOOK_BYTES);
  let events;
  try {
    events = gw.parseWebhook({ body, headers: req.headers });
  } catch (err) {
    logger.warn({ gateway: settings.gateway }, "platform pix: webhook body could not be read");
    if (isPixGatewayError(err)) return { status: 400, body: { received: false, outcome: "rejected", events: 0 } };
    throw err;
  }
  let accepted = 0;
  let failed = false;
  for (const event of events) {
    const or: object[] = [];
    if (event.transactionId) or.push({ transactionId: event.transactionId });
    if (event.reference) or.push({ reference: event.reference });
    const charge = or.length
      ? await prisma.platformPixCharge.findFirst({ where: { gateway: settings.gateway, OR: or } })
      : null;
    if (!charge) {
      logger.info({ gateway: settings.gateway }, "platform pix: webhook for no charge of ours");
      continue;
    }
    try {
      const result = await rereadAndApply(gw, charge, "webhook", {
        status: event.status,
        amountCentavos: event.amountCentavos,
        verified: false,
        source: "webhook",
      });
      if (result?.changed) accepted++;
    } catch (err) {
      if (!isPixGatewayError(err)) failed = true;
      // The gateway could not confirm now: the reconciler reads the charge on its next run.
      await prisma.platformPixCharge.updateMany({
        where: { id: charge.id, status: "pending" },
        data: { nextCheckAt: new Date() },
      });
      logger.warn(
        { chargeId: charge.id, code: isPixGatewayError(err) ? err.code : "internal" },
        "platform pix: webhook not confirmed at the gateway; re-check scheduled",
      );
    }
  }
  if (failed) return { status: 503, body: { received: false, outcome: "error", events: events.length } };
  return {
    status: 200,
    body: { received: true, outcome: accepted ? "accepted" : "ignored", events: events.length },
  };
}

export type PlatformReconcileReport = { checked: number; paid: number; expired: number; errors: number };

/**
 * Pending platform charges are re-read at the gateway on lib/pix's schedule (~2, 5, 15 minutes,
 * then every 15) so a dropped webhook never leaves an invoice unpaid; past expiry (and a last read)
 * they fail as expired.
 */
export async function reconcilePlatformPixCharges(
  options: { now?: Date; limit?: number } = {},
): Promise<PlatformReconcileReport> {
  const report: PlatformReconcileReport = { checked: 0, paid: 0, expired: 0, errors: 0 };
  const settings = platformPixSettings();
  if (!settings) return report;
  const now = options.now ?? new Date();
  const due = await prisma.platformPixCharge.findMany({
    where: {
      status: "pending",
      transactionId: { not: null },
      gateway: settings.gateway,
      OR: [{ nextCheckAt: { lte: now } }, { expiresAt: { lt: new Date(now.getTime() - EXPIRY_GRACE_MS) } }],
    },
    orderBy: { nextCheckAt: "asc" },
    take: options.limit ?? 200,
  });
  const gw = gatewayOf(settings);
  for (const charge of due) {
    const checkCount = charge.checkCount + 1;
    // Claim this round: another runner that read the same row skips it.
    const { count } = await prisma.platformPixCharge.updateMany({
      where: { id: charge.id, checkCount: charge.checkCount },
      data: { checkCount, lastCheckedAt: now, nextCheckAt: nextCheckAfter(charge.createdAt, checkCount) },
    });
    if (count === 0) continue;
    report.checked++;
    try {
      const result = await rereadAndApply(gw, charge, "reconciler");
      if (result?.charge.status === "paid" && result.changed) report.paid++;
      if (result?.charge.status !== "pending") continue;
    } catch (err) {
      report.errors++;
      logger.warn(
        { chargeId: charge.id, code: isPixGatewayError(err) ? err.code : "internal" },
        "platform pix reconciler: status re-read failed; will try again",
      );
      if (!isPixGatewayError(err, "not_found")) continue;
    }
    if (charge.expiresAt && charge.expiresAt.getTime() + EXPIRY_GRACE_MS < now.getTime()) {
      const r = await applyPlatformPixStatus(
        charge.id,
        { status: "failed", failureCode: "expired", verified: true, source: "reconciler" },
        SYSTEM,
      );
      if (r.changed) report.expired++;
    }
  }
  if (report.checked) logger.info(report, "platform pix reconciler run");
  return report;
}
