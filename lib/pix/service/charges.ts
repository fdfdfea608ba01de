// PIX charges: create with failover over the store's active gateways (one attempt row per try),
// read for the seller and the buyer, refresh from the gateway, and the seller's manual
// confirmation of direct-key payments.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { appendAudit, type AuditContext } from "@/lib/audit/log";
import { prisma } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError, notFound } from "@/lib/http/errors";
import { logger } from "@/lib/log/logger";
import { formatReais } from "@/lib/pix/money";
import { newPixReference } from "@/lib/pix/reference";
import { getPixGatewayDefinition } from "@/lib/pix/registry";
import { applyPixStatus } from "./apply";
import { describeGatewayError, gatewayAppError } from "./errors";
import { checkChargeAtGateway } from "./refresh";
import { gatewayFor, webhookUrlFor } from "./runtime";
import type { CreateChargeInput, ListChargesQuery } from "./schemas";
import { gatewayName, qrOf, refundableOf, toChargeListItem, toChargeView, type PixChargeDetail, type PixChargeView, type PublicPixCharge } from "./views";

export const DEFAULT_EXPIRES_IN_SECONDS = 3600;
/** Reconciler schedule: minutes after creation, then every 15 minutes until expiry. */
export const CHECK_SCHEDULE_MINUTES = [2, 5, 15];
export const CHECK_EVERY_MINUTES = 15;

export function nextCheckAfter(createdAt: Date, checkCount: number): Date {
  const minutes = checkCount < CHECK_SCHEDULE_MINUTES.length ? CHECK_SCHEDULE_MINUTES[checkCount]! : CHECK_SCHEDULE_MINUTES.at(-1)! + (checkCount - CHECK_SCHEDULE_MINUTES.length + 1) * CHECK_EVERY_MINUTES;
  return new Date(createdAt.getTime() + minutes * 60_000);
}

function sameRequest(existing: { amountCentavos: number; description: string; externalOrderId: string | null }, input: CreateChargeInput) {
  return existing.amountCentavos === input.amountCentavos && existing.description === input.description && existing.externalOrderId === (input.orderId ?? null);
}

/** Creates a charge at the first active gateway (by priority) that accepts it. */
export async function createPixCharge(storeId: string, actor: AuditContext, input: CreateChargeInput): Promise<PixChargeView> {
  if (input.idempotencyKey) {
    const existing = await prisma.pixCharge.findUnique({ where: { storeId_idempotencyKey: { storeId, idempotencyKey: input.idempotencyKey } } });
    if (existing) {
      if (!sameRequest(existing, input)) throw new AppError("idempotency_conflict", "This Idempotency-Key was used with a different charge.");
      // The first request is still talking to the gateway: say so instead of answering without a code.
      if (existing.status === "pending" && !existing.brCode) throw new AppError("request_in_progress", "A request with this Idempotency-Key is still being processed; retry in a moment.");
      return toChargeView(existing);
    }
  }
  const configs = await prisma.pixGatewayConfig.findMany({ where: { storeId, active: true }, orderBy: [{ priority: "asc" }, { createdAt: "asc" }] });
  if (configs.length === 0) throw new AppError("no_active_gateway", "Set up and activate a PIX gateway before creating charges.");
  const eligible = configs.filter((c) => getPixGatewayDefinition(c.gateway).minimumCentavos <= input.amountCentavos);
  if (eligible.length === 0) {
    const minimum = Math.min(...configs.map((c) => getPixGatewayDefinition(c.gateway).minimumCentavos));
    throw new AppError("amount_below_minimum", `amountCentavos: The minimum PIX charge for your gateways is ${formatReais(minimum)} (${minimum} centavos).`, { param: "amountCentavos" });
  }

  const expiresInSeconds = input.expiresInSeconds ?? DEFAULT_EXPIRES_IN_SECONDS;
  let charge;
  try {
    charge = await prisma.pixCharge.create({
      data: {
        storeId, reference: newPixReference(), amountCentavos: input.amountCentavos, description: input.description, externalOrderId: input.orderId ?? null,
        customer: (input.customer ?? undefined) as Prisma.InputJsonValue | undefined, idempotencyKey: input.idempotencyKey ?? null, status: "pending",
      },
    });
  } catch (err) {
    // A concurrent request with the same key won the race: answer with its charge.
    if (input.idempotencyKey && isUniqueViolation(err)) return createPixCharge(storeId, actor, input);
    throw err;
  }

  const errors: string[] = [];
  for (const config of eligible) {
    const started = performance.now();
    try {
      const created = await gatewayFor(config).createCharge({
        amountCentavos: input.amountCentavos, description: input.description, reference: charge.reference, customer: input.customer,
        webhookUrl: webhookUrlFor(config) ?? undefined, expiresInSeconds,
      });
      const now = new Date();
      const [, updated] = await prisma.$transaction(async (tx) => {
        const attempt = await tx.pixChargeAttempt.create({ data: { chargeId: charge.id, gatewayConfigId: config.id, gateway: config.gateway, ok: true, durationMs: Math.round(performance.now() - started) } });
        const row = await tx.pixCharge.update({
          where: { id: charge.id },
          data: {
            gatewayConfigId: config.id, gateway: config.gateway, transactionId: created.transactionId, hash: created.hash ?? null, producerHash: created.producerHash ?? null,
            brCode: created.brCode, qrImage: created.qrImage ?? null, expiresAt: created.expiresAt ?? new Date(now.getTime() + expiresInSeconds * 1000),
            nextCheckAt: config.gateway === "direct_key" ? null : nextCheckAfter(charge.createdAt, 0),
          },
        });
        // Átomo: the first charge tells us which producer account this token belongs to.
        if (created.producerHash && !config.producerHash) await tx.pixGatewayConfig.update({ where: { id: config.id }, data: { producerHash: created.producerHash } });
        await appendAudit(tx, actor, { action: "pix_charge.created", storeId, target: { type: "pix_charge", id: charge.id }, after: { amountCentavos: input.amountCentavos, gateway: config.gateway, orderId: input.orderId ?? null, attempts: errors.length + 1 } });
        return [attempt, row] as const;
      });
      return toChargeView(updated);
    } catch (err) {
      const { code, message } = describeGatewayError(err);
      errors.push(`${config.gateway}: ${code}`);
      logger.warn({ chargeId: charge.id, gateway: config.gateway, code }, "pix: gateway failed to create the charge; trying the next one");
      await prisma.pixChargeAttempt.create({ data: { chargeId: charge.id, gatewayConfigId: config.id, gateway: config.gateway, ok: false, errorCode: code, errorMessage: message, durationMs: Math.round(performance.now() - started) } });
      await prisma.pixGatewayConfig.update({ where: { id: config.id }, data: { lastError: `create charge: ${message}`, lastErrorAt: new Date() } });
    }
  }
  // Nothing worked: the charge stays as a failed record with its attempts; the key is freed so a retry can try again.
  await prisma.$transaction(async (tx) => {
    await tx.pixCharge.update({ where: { id: charge.id }, data: { status: "failed", failureCode: "all_gateways_failed", failureMessage: errors.join("; ").slice(0, 500), idempotencyKey: null } });
    await appendAudit(tx, actor, { action: "pix_charge.create_failed", storeId, target: { type: "pix_charge", id: charge.id }, after: { amountCentavos: input.amountCentavos, attempts: errors.length } });
  });
  throw new AppError("all_gateways_failed", `No PIX gateway could create the charge (${errors.join("; ")}).`);
}

export async function listPixCharges(storeId: string, query: Partial<ListChargesQuery> = {}) {
  const take = query.limit ?? 50;
  const rows = await prisma.pixCharge.findMany({
    where: { storeId, ...(query.status ? { status: query.status } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: take + 1,
    ...(query.cursor ? { cursor: { id: query.cursor }, skip: 1 } : {}),
  });
  return { data: rows.slice(0, take).map(toChargeListItem), nextCursor: rows.length > take ? rows[take - 1]!.id : null };
}

async function findOwnedCharge(storeId: string, id: string) {
  const charge = await prisma.pixCharge.findFirst({ where: { id, storeId } });
  if (!charge) throw notFound("PIX charge");
  return charge;
}

export async function getPixCharge(storeId: string, id: string): Promise<PixChargeDetail> {
  const charge = await prisma.pixCharge.findFirst({
    where: { id, storeId },
    include: { attempts: { orderBy: { createdAt: "asc" } }, refunds: { orderBy: { createdAt: "asc" } }, gatewayConfig: { select: { label: true } } },
  });
  if (!charge) throw notFound("PIX charge");
  const { attempts, refunds, gatewayConfig, ...row } = charge;
  const capabilities = row.gateway ? getPixGatewayDefinition(row.gateway).capabilities : null;
  return {
    ...(await toChargeView(row)),
    transactionId: row.transactionId, endToEndId: row.endToEndId, customer: row.customer, gatewayConfigId: row.gatewayConfigId, gatewayLabel: gatewayConfig?.label ?? null,
    canRefund: !!capabilities?.refund && refundableOf(row, refunds) > 0, refundableCentavos: capabilities?.refund ? refundableOf(row, refunds) : 0,
    manualConfirmation: row.gateway === "direct_key",
    attempts: attempts.map(({ id, gateway, gatewayConfigId, ok, errorCode, errorMessage, durationMs, createdAt }) => ({ id, gateway, gatewayConfigId, ok, errorCode, errorMessage, durationMs, createdAt })),
    refunds: refunds.map(({ id, amountCentavos, status, reason, failureMessage, createdAt }) => ({ id, amountCentavos, status, reason, failureMessage, createdAt })),
  };
}

/** The buyer page's view: no customer data, no gateway ids. */
export async function getPublicPixCharge(id: string): Promise<PublicPixCharge> {
  const charge = await prisma.pixCharge.findUnique({ where: { id }, include: { store: { select: { name: true } } } });
  if (!charge || !charge.gateway) throw notFound("PIX charge");
  const paid = charge.status !== "pending" && charge.status !== "failed";
  return {
    id: charge.id, status: charge.status, amountCentavos: charge.amountCentavos, description: charge.description, storeName: charge.store.name,
    // why: once settled the code is useless to the buyer and paying it again would be a mistake.
    brCode: paid ? null : charge.brCode, qrPngDataUrl: paid ? null : await qrOf(charge),
    expiresAt: charge.expiresAt, paidAt: charge.paidAt, gateway: charge.gateway, gatewayName: gatewayName(charge.gateway),
  };
}

/** Pending charges polled by the buyer page are re-read at most this often. */
export const PUBLIC_RECHECK_MS = 10_000;

/** The buyer page's polling: status only, with a throttled re-read at the gateway while pending. */
export async function getPublicPixStatus(id: string, now = new Date()) {
  let charge = await prisma.pixCharge.findUnique({ where: { id } });
  if (!charge || !charge.gateway) throw notFound("PIX charge");
  if (charge.status === "pending" && charge.gateway !== "direct_key") {
    // One poller per window wins the claim; the others answer from the database.
    const { count } = await prisma.pixCharge.updateMany({
      where: { id, status: "pending", OR: [{ lastCheckedAt: null }, { lastCheckedAt: { lt: new Date(now.getTime() - PUBLIC_RECHECK_MS) } }] },
      data: { lastCheckedAt: now },
    });
    if (count === 1) {
      try {
        const result = await checkChargeAtGateway(charge, "refresh", now);
        if (result) charge = result.charge;
      } catch (err) {
        logger.warn({ chargeId: id, code: describeGatewayError(err).code }, "pix: status re-read for the buyer page failed");
      }
    }
  }
  return { id: charge.id, status: charge.status, amountCentavos: charge.amountCentavos, expiresAt: charge.expiresAt, paidAt: charge.paidAt };
}

/** The seller's "check now": re-read at the gateway and apply. */
export async function refreshPixCharge(storeId: string, id: string): Promise<PixChargeDetail> {
  const charge = await findOwnedCharge(storeId, id);
  // A failed (expired) charge is re-read too: a late payment the gateway confirms still lands.
  if (charge.transactionId && (charge.status === "pending" || charge.status === "paid" || charge.status === "failed")) {
    try {
      await checkChargeAtGateway(charge, "refresh");
      await prisma.pixCharge.update({ where: { id }, data: { lastCheckedAt: new Date() } });
    } catch (err) {
      throw gatewayAppError(err);
    }
  }
  return getPixCharge(storeId, id);
}

/** Direct key: nobody tells us about the payment, so the seller confirms it after seeing it in their bank. */
export async function confirmDirectKeyCharge(storeId: string, actor: AuditContext, id: string): Promise<PixChargeDetail> {
  const charge = await findOwnedCharge(storeId, id);
  if (charge.gateway !== "direct_key") throw new AppError("conflict", "Only charges to a direct Pix key are confirmed by hand; this gateway confirms payments itself.");
  if (charge.status !== "pending" && charge.status !== "failed") throw new AppError("conflict", `This charge is already ${charge.status}.`);
  await applyPixStatus(id, { status: "paid", amountCentavos: charge.amountCentavos, verified: true, source: "seller" }, actor);
  return getPixCharge(storeId, id);
}
