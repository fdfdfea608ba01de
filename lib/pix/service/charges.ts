// PIX charges: create with failover over the store's active gateways (one attempt row per try),
// read for the seller and the buyer, refresh from the gateway, and the seller's manual
// confirmation of direct-key payments.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { appendAudit, type AuditContext } from "@/lib/audit/log";
import { prisma } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError, notFound } from "@/lib/errors";
import { logger } from "@/lib/log/logger";
import { formatReais } from "@/lib/pix/money";
import {
  customerProblems,
  describeProblems,
  normaliseCustomer,
  requiredFields,
  type CustomerField,
} from "@/lib/pix/customer";
import { newPixReference } from "@/lib/pix/reference";
import { splitProblem } from "@/lib/pix/split";
import type { PixCustomer } from "@/lib/pix/types";
import { getPixGatewayDefinition } from "@/lib/pix/registry";
import { applyPixStatus } from "./apply";
import { isChargeable, storedSplit } from "./configs";
import { describeGatewayError, gatewayAppError } from "./errors";
import { readIntervalMs } from "./read-budget";
import { checkChargeAtGateway } from "./refresh";
import { gatewayFor, webhookUrlFor } from "./runtime";
import type { CreateChargeInput, ListChargesQuery } from "./schemas";
import {
  gatewayName,
  qrOf,
  refundableOf,
  toChargeListItem,
  toChargeView,
  type PixChargeDetail,
  type PixChargeView,
  type PublicPixCharge,
} from "./views";

export const DEFAULT_EXPIRES_IN_SECONDS = 3600;
/** Reconciler schedule: minutes after creation, then every 15 minutes until expiry. */
export const CHECK_SCHEDULE_MINUTES = [2, 5, 15];
export const CHECK_EVERY_MINUTES = 15;

export function nextCheckAfter(createdAt: Date, checkCount: number): Date {
  const minutes =
    checkCount < CHECK_SCHEDULE_MINUTES.length
      ? CHECK_SCHEDULE_MINUTES[checkCount]!
      : CHECK_SCHEDULE_MINUTES.at(-1)! + (checkCount - CHECK_SCHEDULE_MINUTES.length + 1) * CHECK_EVERY_MINUTES;
  return new Date(createdAt.getTime() + minutes * 60_000);
}

type Skip = { code: "customer_data_missing" | "invalid_split"; message: string; fields?: CustomerField[] };

/** Why this config cannot take this charge before we even call it (null: it can). */
function skipReason(
  config: { gateway: string; split: unknown },
  amountCentavos: number,
  customer: PixCustomer | undefined,
): Skip | null {
  const def = getPixGatewayDefinition(config.gateway);
  const split = storedSplit(config.split);
  const splitIssue = split.length
    ? splitProblem(def.capabilities.split ? def.splitLimits : null, split, amountCentavos)
    : null;
  if (splitIssue) return { code: "invalid_split", message: `${def.displayName} split settings: ${splitIssue}` };
  const problems = customerProblems(def.customer, customer);
  if (problems.length)
    return {
      code: "customer_data_missing",
      message: `${def.displayName} needs the buyer's data: ${describeProblems(problems, def.customer)}`,
      fields: problems.map((p) => p.field),
    };
  return null;
}

/** The 422 when no gateway can take the charge as asked: names what the first gateway by priority needs. */
function refusalOf(config: { gateway: string }, skip: Skip): AppError {
  if (skip.code === "customer_data_missing") {
    const field = skip.fields?.[0] ?? "name";
    return new AppError("validation_failed", `customer.${field}: ${skip.message}.`, {
      param: `customer.${field}`,
      details: {
        gateway: config.gateway,
        requiredFields: requiredFields(getPixGatewayDefinition(config.gateway).customer),
        missing: skip.fields,
      },
    });
  }
  return new AppError("validation_failed", `split: ${skip.message}.`, {
    param: "split",
    details: { gateway: config.gateway },
  });
}

function sameRequest(
  existing: { amountCentavos: number; description: string; externalOrderId: string | null },
  input: CreateChargeInput,
) {
  return (
    existing.amountCentavos === input.amountCentavos &&
    existing.description === input.description &&
    existing.externalOrderId === (input.orderId ?? null)
  );
}

/** Creates a charge at the first active gateway (by priority) that accepts it. */
export async function createPixCharge(
  storeId: string,
  actor: AuditContext,
  input: CreateChargeInput,
): Promise<PixChargeView> {
  if (input.idempotencyKey) {
    const existing = await prisma.pixCharge.findUnique({
      where: { storeId_idempotencyKey: { storeId, idempotencyKey: input.idempotencyKey } },
    });
    if (existing) {
      if (!sameRequest(existing, input))
        throw new AppError("idempotency_conflict", "This Idempotency-Key was used with a different charge.");
      // The first request is still talking to the gateway: say so instead of answering without a code.
      if (existing.status === "pending" && !existing.brCode)
        throw new AppError(
          "request_in_progress",
          "A request with this Idempotency-Key is still being processed; retry in a moment.",
        );
      return toChargeView(existing);
    }
  }
  const active = await prisma.pixGatewayConfig.findMany({
    where: { storeId, active: true },
    orderBy: [{ priority: "asc" }, { createdAt: "asc" }],
  });
  const configs = active.filter(isChargeable);
  if (configs.length === 0)
    throw new AppError(
      "no_active_gateway",
      active.length
        ? "Your active PIX gateways are not verified yet: verify their credentials before creating charges."
        : "Set up, verify and activate a PIX gateway before creating charges.",
    );
  const eligible = configs.filter((c) => getPixGatewayDefinition(c.gateway).minimumCentavos <= input.amountCentavos);
  if (eligible.length === 0) {
    const minimum = Math.min(...configs.map((c) => getPixGatewayDefinition(c.gateway).minimumCentavos));
    throw new AppError(
      "amount_below_minimum",
      `amountCentavos: The minimum PIX charge for your gateways is ${formatReais(minimum)} (${minimum} centavos).`,
      { param: "amountCentavos" },
    );
  }
  // Gateways the buyer's data (or the config's split) cannot satisfy are skipped, and say why.
  const customer = normaliseCustomer(input.customer);
  const plan = eligible.map((config) => ({ config, skip: skipReason(config, input.amountCentavos, customer) }));
  const usable = plan.filter((p) => !p.skip);
  if (usable.length === 0) throw refusalOf(plan[0]!.config, plan[0]!.skip!);

  const expiresInSeconds = input.expiresInSeconds ?? DEFAULT_EXPIRES_IN_SECONDS;
  let charge;
  try {
    charge = await prisma.pixCharge.create({
      data: {
        storeId,
        reference: newPixReference(),
        amountCentavos: input.amountCentavos,
        description: input.description,
        externalOrderId: input.orderId ?? null,
        customer: (customer ?? undefined) as Prisma.InputJsonValue | undefined,
        idempotencyKey: input.idempotencyKey ?? null,
        status: "pending",
      },
    });
  } catch (err) {
    // A concurrent request with the same key won the race: answer with its charge.
    if (input.idempotencyKey && isUniqueViolation(err)) return createPixCharge(storeId, actor, input);
    throw err;
  }

  const errors: string[] = [];
  for (const { config, skip } of plan) {
    if (skip) {
      errors.push(`${config.gateway}: ${skip.code}`);
      await prisma.pixChargeAttempt.create({
        data: {
          chargeId: charge.id,
          gatewayConfigId: config.id,
          gateway: config.gateway,
          ok: false,
          errorCode: skip.code,
          errorMessage: `skipped: ${skip.message}`.slice(0, 500),
          durationMs: 0,
        },
      });
      continue;
    }
    const started = performance.now();
    try {
      const split = storedSplit(config.split);
      const created = await gatewayFor(config).createCharge({
        amountCentavos: input.amountCentavos,
        description: input.description,
        reference: charge.reference,
        customer,
        webhookUrl: webhookUrlFor(config) ?? undefined,
        expiresInSeconds,
        ...(split.length ? { split } : {}),
      });
      const now = new Date();
      const [, updated] = await prisma.$transaction(async (tx) => {
        const attempt = await tx.pixChargeAttempt.create({
          data: {
            chargeId: charge.id,
            gatewayConfigId: config.id,
            gateway: config.gateway,
            ok: true,
            durationMs: Math.round(performance.now() - started),
          },
        });
        const row = await tx.pixCharge.update({
          where: { id: charge.id },
          data: {
            gatewayConfigId: config.id,
            gateway: config.gateway,
            transactionId: created.transactionId,
            hash: created.hash ?? null,
            producerHash: created.producerHash ?? null,
            brCode: created.brCode,
            qrImage: created.qrImage ?? null,
            expiresAt: created.expiresAt ?? new Date(now.getTime() + expiresInSeconds * 1000),
            nextCheckAt: config.gateway === "direct_key" ? null : nextCheckAfter(charge.createdAt, 0),
          },
        });
        // Átomo: the first charge tells us which producer account this token belongs to.
        if (created.producerHash && !config.producerHash)
          await tx.pixGatewayConfig.update({ where: { id: config.id }, data: { producerHash: created.producerHash } });
        await appendAudit(tx, actor, {
          action: "pix_charge.created",
          storeId,
          target: { type: "pix_charge", id: charge.id },
          after: {
            amountCentavos: input.amountCentavos,
            gateway: config.gateway,
            orderId: input.orderId ?? null,
            attempts: errors.length + 1,
          },
        });
        return [attempt, row] as const;
      });
      return toChargeView(updated);
    } catch (err) {
      const { code, message } = describeGatewayError(err);
      errors.push(`${config.gateway}: ${code}`);
      logger.warn(
        { chargeId: charge.id, gateway: config.gateway, code },
        "pix: gateway failed to create the charge; trying the next one",
      );
      await prisma.pixChargeAttempt.create({
        data: {
          chargeId: charge.id,
          gatewayConfigId: config.id,
          gateway: config.gateway,
          ok: false,
          errorCode: code,
          errorMessage: message,
          durationMs: Math.round(performance.now() - started),
        },
      });
      await prisma.pixGatewayConfig.update({
        where: { id: config.id },
        data: { lastError: `create charge: ${message}`, lastErrorAt: new Date() },
      });
    }
  }
  // Nothing worked: the charge stays as a failed record with its attempts; the key is freed so a retry can try again.
  await prisma.$transaction(async (tx) => {
    await tx.pixCharge.update({
      where: { id: charge.id },
      data: {
        status: "failed",
        failureCode: "all_gateways_failed",
        failureMessage: errors.join("; ").slice(0, 500),
        idempotencyKey: null,
      },
    });
    await appendAudit(tx, actor, {
      action: "pix_charge.create_failed",
      storeId,
      target: { type: "pix_charge", id: charge.id },
      after: { amountCentavos: input.amountCentavos, attempts: errors.length },
    });
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
  return {
    data: rows.slice(0, take).map(toChargeListItem),
    nextCursor: rows.length > take ? rows[take - 1]!.id : null,
  };
}

async function findOwnedCharge(storeId: string, id: string) {
  const charge = await prisma.pixCharge.findFirst({ where: { id, storeId } });
  if (!charge) throw notFound("PIX charge");
  return charge;
}

export async function getPixCharge(storeId: string, id: string): Promise<PixChargeDetail> {
  const charge = await prisma.pixCharge.findFirst({
    where: { id, storeId },
    include: {
      attempts: { orderBy: { createdAt: "asc" } },
      refunds: { orderBy: { createdAt: "asc" } },
      gatewayConfig: { select: { label: true } },
    },
  });
  if (!charge) throw notFound("PIX charge");
  const { attempts, refunds, gatewayConfig, ...row } = charge;
  const capabilities = row.gateway ? getPixGatewayDefinition(row.gateway).capabilities : null;
  return {
    ...(await toChargeView(row)),
    transactionId: row.transactionId,
    endToEndId: row.endToEndId,
    customer: row.customer,
    gatewayConfigId: row.gatewayConfigId,
    gatewayLabel: gatewayConfig?.label ?? null,
    canRefund: !!capabilities?.refund && refundableOf(row, refunds) > 0,
    refundableCentavos: capabilities?.refund ? refundableOf(row, refunds) : 0,
    manualConfirmation: row.gateway === "direct_key",
    attempts: attempts.map(({ id, gateway, gatewayConfigId, ok, errorCode, errorMessage, durationMs, createdAt }) => ({
      id,
      gateway,
      gatewayConfigId,
      ok,
      errorCode,
      errorMessage,
      durationMs,
      createdAt,
    })),
    refunds: refunds.map(({ id, amountCentavos, status, reason, failureMessage, createdAt }) => ({
      id,
      amountCentavos,
      status,
      reason,
      failureMessage,
      createdAt,
    })),
  };
}

/** The buyer page's view: no customer data, no gateway ids. */
export async function getPublicPixCharge(id: string): Promise<PublicPixCharge> {
  const charge = await prisma.pixCharge.findUnique({ where: { id }, include: { store: { select: { name: true } } } });
  if (!charge || !charge.gateway) throw notFound("PIX charge");
  const paid = charge.status !== "pending" && charge.status !== "failed";
  return {
    id: charge.id,
    status: charge.status,
    amountCentavos: charge.amountCentavos,
    description: charge.description,
    storeName: charge.store.name,
    // why: once settled the code is useless to the buyer and paying it again would be a mistake.
    brCode: paid ? null : charge.brCode,
    qrPngDataUrl: paid ? null : await qrOf(charge),
    expiresAt: charge.expiresAt,
    paidAt: charge.paidAt,
    gateway: charge.gateway,
    gatewayName: gatewayName(charge.gateway),
  };
}

/** The buyer page never polls faster than this, nor slower than the cap (a page left open still updates). */
export const BUYER_POLL_MIN_SECONDS = 3;
export const BUYER_POLL_MAX_SECONDS = 60;
/** Direct key: no gateway to ask; the seller confirms by hand. */
export const DIRECT_KEY_POLL_SECONDS = 10;

/**
 * The buyer page's polling: the status from our database, and — when the gateway's read budget
 * allows (lib/pix/service/read-budget.ts) — a re-read at the gateway. `pollAfterSeconds` tells the
 * page when to ask again: when the budget next lets Vitrine ask the gateway, so the page never polls
 * faster than the gateway may be read. Webhooks stay the primary signal.
 */
export async function getPublicPixStatus(id: string, now = new Date()) {
  let charge = await prisma.pixCharge.findUnique({ where: { id } });
  if (!charge || !charge.gateway) throw notFound("PIX charge");
  let pollAfterMs: number | null = null;
  if (charge.status === "pending") {
    if (charge.gateway === "direct_key") pollAfterMs = DIRECT_KEY_POLL_SECONDS * 1000;
    else {
      const interval = readIntervalMs(charge.gateway);
      // Webhooks first: during the charge's first interval the buyer's polling leaves the gateway
      // alone, so the read budget is there for the webhook's re-read when the payment arrives.
      const opensAt = new Date(charge.createdAt.getTime() + interval);
      let retryAt = opensAt > now ? opensAt : new Date(now.getTime() + interval);
      if (opensAt <= now) {
        try {
          const { applied, deferredUntil } = await checkChargeAtGateway(charge, "refresh", now);
          if (applied) charge = applied.charge;
          if (deferredUntil) retryAt = deferredUntil;
        } catch (err) {
          logger.warn(
            { chargeId: id, code: describeGatewayError(err).code },
            "pix: status re-read for the buyer page failed",
          );
        }
      }
      pollAfterMs = retryAt.getTime() - now.getTime();
    }
  }
  const pollAfterSeconds =
    pollAfterMs === null || charge.status !== "pending"
      ? null
      : Math.min(BUYER_POLL_MAX_SECONDS, Math.max(BUYER_POLL_MIN_SECONDS, Math.ceil(pollAfterMs / 1000)));
  return {
    id: charge.id,
    status: charge.status,
    amountCentavos: charge.amountCentavos,
    expiresAt: charge.expiresAt,
    paidAt: charge.paidAt,
    pollAfterSeconds,
  };
}

/** The seller's "check now": re-read at the gateway and apply. */
export async function refreshPixCharge(storeId: string, id: string): Promise<PixChargeDetail> {
  const charge = await findOwnedCharge(storeId, id);
  // A failed (expired) charge is re-read too: a late payment the gateway confirms still lands.
  if (charge.transactionId && (charge.status === "pending" || charge.status === "paid" || charge.status === "failed")) {
    let deferredUntil: Date | null;
    const now = new Date();
    try {
      ({ deferredUntil } = await checkChargeAtGateway(charge, "refresh", now));
      await prisma.pixCharge.update({ where: { id }, data: { lastCheckedAt: now } });
    } catch (err) {
      throw gatewayAppError(err);
    }
    if (deferredUntil) {
      const seconds = Math.max(1, Math.ceil((deferredUntil.getTime() - now.getTime()) / 1000));
      const every = Math.round(readIntervalMs(charge.gateway ?? "") / 1000);
      throw new AppError(
        "rate_limited",
        `${gatewayName(charge.gateway) ?? "The gateway"} allows one status check per charge every ${every} s; try again in ${seconds} s. Its webhook reports the payment as soon as it happens.`,
        { retryAfterSeconds: seconds },
      );
    }
  }
  return getPixCharge(storeId, id);
}

/** Direct key: nobody tells us about the payment, so the seller confirms it after seeing it in their bank. */
export async function confirmDirectKeyCharge(
  storeId: string,
  actor: AuditContext,
  id: string,
): Promise<PixChargeDetail> {
  const charge = await findOwnedCharge(storeId, id);
  if (charge.gateway !== "direct_key")
    throw new AppError(
      "conflict",
      "Only charges to a direct Pix key are confirmed by hand; this gateway confirms payments itself.",
    );
  if (charge.status !== "pending" && charge.status !== "failed")
    throw new AppError("conflict", `This charge is already ${charge.status}.`);
  await applyPixStatus(
    id,
    { status: "paid", amountCentavos: charge.amountCentavos, verified: true, source: "seller" },
    actor,
  );
  return getPixCharge(storeId, id);
}
