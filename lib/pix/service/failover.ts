// Creating a charge at a gateway: the store's chargeable configs in priority order, skipping those
// the amount's split or the buyer's data rule out (without calling them), trying the rest until one
// creates the charge. Every skip and every try leaves a PixChargeAttempt. Used when a charge is
// created with what its gateway needs, and when the buyer gives the missing data on the payment page.
import "server-only";
import type { PixCharge, PixGatewayConfig } from "@/generated/prisma/client";
import { appendAudit, type AuditContext } from "@/lib/audit/log";
import { prisma } from "@/lib/db/client";
import { logger } from "@/lib/log/logger";
import { customerProblems, describeProblems, type CustomerField } from "@/lib/pix/customer";
import { getPixGatewayDefinition } from "@/lib/pix/registry";
import { ownAccountOf, splitProblem, splitToOwnAccount } from "@/lib/pix/split";
import type { PixCustomer } from "@/lib/pix/types";
import { isChargeable, storedSplit } from "./configs";
import { describeGatewayError } from "./errors";
import { gatewayFor, webhookUrlFor } from "./runtime";

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

export type Skip = {
  code: "customer_data_missing" | "invalid_split" | "split_to_own_account";
  message: string;
  fields?: CustomerField[];
};
export type FailoverPlan = Array<{ config: PixGatewayConfig; skip: Skip | null }>;

/** Why this config cannot take this charge before we even call it (null: it can). */
export function skipReason(
  config: Pick<PixGatewayConfig, "gateway" | "split" | "maskedCredentials">,
  amountCentavos: number,
  customer: PixCustomer | undefined,
): Skip | null {
  const def = getPixGatewayDefinition(config.gateway);
  const split = storedSplit(config.split);
  const splitIssue = split.length
    ? splitProblem(def.capabilities.split ? def.splitLimits : null, split, amountCentavos)
    : null;
  if (splitIssue) return { code: "invalid_split", message: `${def.displayName} split settings: ${splitIssue}` };
  // The own account id is not secret, so the masked credentials hold it as typed.
  const own = ownAccountOf(def.splitLimits, config.maskedCredentials as Record<string, unknown> | null);
  const toSelf = splitToOwnAccount(split, own);
  if (toSelf)
    return {
      code: "split_to_own_account",
      message: `${def.displayName} split settings: recipient ${toSelf.recipientId} is this account itself`,
    };
  const problems = customerProblems(def.customer, customer);
  if (problems.length)
    return {
      code: "customer_data_missing",
      message: `${def.displayName} needs the buyer's data: ${describeProblems(problems, def.customer)}`,
      fields: problems.map((p) => p.field),
    };
  return null;
}

/** The store's active configs, and those of them that take charges (verified), by priority. */
export async function storeGatewayConfigs(storeId: string) {
  const active = await prisma.pixGatewayConfig.findMany({
    where: { storeId, active: true },
    orderBy: [{ priority: "asc" }, { createdAt: "asc" }],
  });
  return { active, chargeable: active.filter(isChargeable) };
}

/** The configs whose minimum the amount meets, each with why it would be skipped (null: it can be tried). */
export function planFailover(
  configs: PixGatewayConfig[],
  amountCentavos: number,
  customer: PixCustomer | undefined,
): FailoverPlan {
  return configs
    .filter((c) => getPixGatewayDefinition(c.gateway).minimumCentavos <= amountCentavos)
    .map((config) => ({ config, skip: skipReason(config, amountCentavos, customer) }));
}

type FailoverInput = {
  customer: PixCustomer | undefined;
  /** Asked of the gateway; the gateway's own expiry wins when it reports one. */
  expiresInSeconds: number;
  /** Our expiry when the gateway reports none (default: now + expiresInSeconds). */
  expiresAt?: Date;
  /** Rows written in the transaction that records the created charge (e.g. the audit entry). */
  audit: AuditContext;
  auditAfter?: Record<string, unknown>;
};

export type FailoverResult = { charge: PixCharge; errors: string[] } | { charge: null; errors: string[] };

/**
 * Tries the plan's configs in order for an existing charge row (which must have no gateway charge
 * yet and be claimed by the caller, so no one else runs this for it). On success the row gets the
 * gateway's ids, BR Code and expiry, plus an audit entry `pix_charge.created`, in one transaction.
 * On failure nothing but the attempts (and each failing config's lastError) is written: the
 * caller decides what the charge becomes.
 */
export async function createAtFirstGateway(
  charge: Pick<
    PixCharge,
    "id" | "storeId" | "reference" | "amountCentavos" | "description" | "externalOrderId" | "createdAt"
  >,
  plan: FailoverPlan,
  input: FailoverInput,
): Promise<FailoverResult> {
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
        amountCentavos: charge.amountCentavos,
        description: charge.description,
        reference: charge.reference,
        customer: input.customer,
        webhookUrl: webhookUrlFor(config) ?? undefined,
        expiresInSeconds: input.expiresInSeconds,
        ...(split.length ? { split } : {}),
      });
      const now = new Date();
      const updated = await prisma.$transaction(async (tx) => {
        await tx.pixChargeAttempt.create({
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
            expiresAt: created.expiresAt ?? input.expiresAt ?? new Date(now.getTime() + input.expiresInSeconds * 1000),
            // The reconciler's schedule counts from the row (a charge that waited for the buyer catches up).
            nextCheckAt: config.gateway === "direct_key" ? null : nextCheckAfter(charge.createdAt, 0),
          },
        });
        // Átomo: the first charge tells us which producer account this token belongs to.
        if (created.producerHash && !config.producerHash)
          await tx.pixGatewayConfig.update({ where: { id: config.id }, data: { producerHash: created.producerHash } });
        await appendAudit(tx, input.audit, {
          action: "pix_charge.created",
          storeId: charge.storeId,
          target: { type: "pix_charge", id: charge.id },
          after: {
            amountCentavos: charge.amountCentavos,
            gateway: config.gateway,
            orderId: charge.externalOrderId,
            attempts: errors.length + 1,
            ...input.auditAfter,
          },
        });
        return row;
      });
      return { charge: updated, errors };
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
  return { charge: null, errors };
}
