// Seller gateway configurations: add, edit, verify (live call), activate, order, remove. Credentials
// are encrypted at rest bound to the row id and only ever leave this module masked.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { appendAudit, type AuditContext } from "@/lib/audit/log";
import { prisma, type Tx } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { checkCallbackUrl } from "@/lib/callbacks/ssrf";
import { maskCredentials, mergeCredentialUpdate } from "@/lib/pix/credentials";
import { getPixGatewayDefinition, isPixGatewayId, listPixGateways } from "@/lib/pix/registry";
import type { CredentialField } from "@/lib/pix/credentials";
import { ownAccountOf, splitProblem, splitToOwnAccount } from "@/lib/pix/split";
import type {
  AmountUnit,
  PixAccountReadBudget,
  PixCapabilities,
  PixCustomerRequirements,
  PixGatewayId,
  PixSplitLimits,
  PixSplitRule,
} from "@/lib/pix/types";
import { describeGatewayError } from "./errors";
import { gatewayReason, sanitizeReason, verifyCode, type VerifyOutcome } from "./verify-outcome";
import { gatewayFor, keyIdOf, newEndpointToken, openCredentials, sealCredentials, webhookUrlFor } from "./runtime";
import { SplitInput, type CreateConfigInput, type UpdateConfigInput } from "./schemas";

export type GatewayType = {
  id: PixGatewayId;
  displayName: string;
  capabilities: PixCapabilities;
  minimumCentavos: number;
  amountUnit: AmountUnit;
  fields: CredentialField[];
  statusReadIntervalMs: number;
  accountReadBudget: PixAccountReadBudget | null;
  customer: PixCustomerRequirements;
  splitLimits: PixSplitLimits | null;
};

export function listGatewayTypes(): GatewayType[] {
  return listPixGateways().map((g) => ({
    id: g.id,
    displayName: g.name,
    capabilities: g.capabilities,
    minimumCentavos: g.minimumCentavos,
    amountUnit: g.amountUnit,
    fields: g.credentialFields,
    statusReadIntervalMs: g.statusReadIntervalMs,
    accountReadBudget: g.accountReadBudget,
    customer: g.customer,
    splitLimits: g.splitLimits,
  }));
}

const CONFIG_SELECT = {
  id: true,
  storeId: true,
  gateway: true,
  label: true,
  active: true,
  priority: true,
  baseUrl: true,
  maskedCredentials: true,
  endpointToken: true,
  split: true,
  lastVerifiedAt: true,
  lastVerifyOk: true,
  lastError: true,
  lastErrorCode: true,
  lastErrorAt: true,
  createdAt: true,
  updatedAt: true,
} as const;

type ConfigRow = Prisma.PixGatewayConfigGetPayload<{ select: typeof CONFIG_SELECT }>;
export type ConfigStats = { total: number; paid: number; conversion: number; paidCentavos: number };

export type PixGatewayConfigView = {
  id: string;
  gateway: string;
  displayName: string;
  label: string;
  active: boolean;
  priority: number;
  baseUrl: string | null;
  maskedCredentials: Record<string, string | null>;
  webhookUrl: string | null;
  lastVerifiedAt: Date | null;
  lastVerifyOk: boolean | null;
  lastError: string | null;
  /** Set when lastError came from a check: a VerifyErrorCode the dashboard words in the seller's language. */
  lastErrorCode: string | null;
  lastErrorAt: Date | null;
  createdAt: Date;
  stats: ConfigStats;
  split: PixSplitRule[];
  /** Active and verified: only such configs are offered charges. */
  chargeable: boolean;
};

/** A config takes charges only once the gateway has accepted its credentials (and until they change). */
export const isChargeable = (row: { active: boolean; lastVerifyOk: boolean | null }) =>
  row.active && row.lastVerifyOk === true;

export function storedSplit(value: unknown): PixSplitRule[] {
  const parsed = SplitInput.safeParse(value ?? []);
  return parsed.success ? parsed.data : [];
}

const PAID_LIKE = ["paid", "refunded", "disputed"];

function toView(row: ConfigRow, stats: ConfigStats): PixGatewayConfigView {
  return {
    id: row.id,
    gateway: row.gateway,
    displayName: isPixGatewayId(row.gateway) ? getPixGatewayDefinition(row.gateway).displayName : row.gateway,
    label: row.label,
    active: row.active,
    priority: row.priority,
    baseUrl: row.baseUrl,
    maskedCredentials: (row.maskedCredentials ?? {}) as Record<string, string | null>,
    webhookUrl: webhookUrlFor(row),
    lastVerifiedAt: row.lastVerifiedAt,
    lastVerifyOk: row.lastVerifyOk,
    lastError: row.lastError,
    lastErrorCode: row.lastErrorCode,
    lastErrorAt: row.lastErrorAt,
    createdAt: row.createdAt,
    stats,
    split: storedSplit(row.split),
    chargeable: isChargeable(row),
  };
}

async function statsFor(storeId: string, configIds: string[]): Promise<Map<string, ConfigStats>> {
  const groups = await prisma.pixCharge.groupBy({
    by: ["gatewayConfigId", "status"],
    where: { storeId, gatewayConfigId: { in: configIds } },
    _count: { _all: true },
    _sum: { paidAmountCentavos: true },
  });
  const out = new Map<string, ConfigStats>(
    configIds.map((id) => [id, { total: 0, paid: 0, conversion: 0, paidCentavos: 0 }]),
  );
  for (const g of groups) {
    const s = out.get(g.gatewayConfigId ?? "");
    if (!s) continue;
    s.total += g._count._all;
    if (PAID_LIKE.includes(g.status)) {
      s.paid += g._count._all;
      s.paidCentavos += g._sum.paidAmountCentavos ?? 0;
    }
  }
  for (const s of out.values()) s.conversion = s.total ? s.paid / s.total : 0;
  return out;
}

export async function listGatewayConfigs(storeId: string): Promise<PixGatewayConfigView[]> {
  const rows = await prisma.pixGatewayConfig.findMany({
    where: { storeId },
    select: CONFIG_SELECT,
    orderBy: [{ priority: "asc" }, { createdAt: "asc" }],
  });
  const stats = await statsFor(
    storeId,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toView(r, stats.get(r.id)!));
}

export async function getGatewayConfig(storeId: string, id: string): Promise<PixGatewayConfigView> {
  const row = await prisma.pixGatewayConfig.findFirst({ where: { id, storeId }, select: CONFIG_SELECT });
  if (!row) throw notFound("PIX gateway configuration");
  return toView(row, (await statsFor(storeId, [id])).get(id)!);
}

function validateCredentials(gateway: string, credentials: Record<string, unknown>): Record<string, unknown> {
  const def = getPixGatewayDefinition(gateway);
  const parsed = def.credentials.schema.safeParse(credentials);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = String(issue.path[0] ?? "credentials");
    throw new AppError("validation_failed", `credentials.${field}: ${issue.message}`, {
      param: `credentials.${field}`,
    });
  }
  return parsed.data as Record<string, unknown>;
}

async function checkBaseUrl(baseUrl: string | null | undefined): Promise<string | null | undefined> {
  if (!baseUrl) return baseUrl === undefined ? undefined : null;
  const check = await checkCallbackUrl(baseUrl);
  if (!check.ok)
    throw new AppError("url_not_allowed", `The gateway base URL must be a public http(s) address: ${check.reason}.`, {
      param: "baseUrl",
    });
  return check.url.toString().replace(/\/+$/, "");
}

/**
 * Split settings checked against the gateway's own limits before they are saved (the
 * amount-dependent rules wait for the charge). `credentials`: the config's (non-secret fields
 * suffice), for a gateway that refuses a split to the receiving account itself (WiinPay): that
 * account must be named, and no share may go to it.
 */
function validateSplit(
  gateway: string,
  split: PixSplitRule[] | undefined,
  credentials: Record<string, unknown> | null,
): Prisma.InputJsonValue | undefined {
  if (split === undefined) return undefined;
  const def = getPixGatewayDefinition(gateway);
  if (split.length && !def.capabilities.split)
    throw new AppError("validation_failed", `split: ${def.displayName} does not take split payments.`, {
      param: "split",
    });
  const problem = splitProblem(def.splitLimits, split);
  if (problem) throw new AppError("validation_failed", `split: ${def.displayName} ${problem}.`, { param: "split" });
  const ownField = def.splitLimits?.ownAccountCredential;
  if (split.length && ownField) {
    const own = ownAccountOf(def.splitLimits, credentials);
    if (!own)
      throw new AppError(
        "validation_failed",
        `credentials.${ownField}: ${def.displayName} refuses a split to your own account; enter your own account id so Vitrine can check it.`,
        { param: `credentials.${ownField}`, details: { reason: "own_account_required" } },
      );
    const toSelf = splitToOwnAccount(split, own);
    if (toSelf)
      throw new AppError(
        "split_to_own_account",
        `split: recipient ${toSelf.recipientId} is your own ${def.displayName} account; a split must pay someone else.`,
        { param: "split" },
      );
  }
  return split as unknown as Prisma.InputJsonValue;
}

function maskedOf(gateway: string, credentials: Record<string, unknown>) {
  return maskCredentials(getPixGatewayDefinition(gateway).credentials as never, credentials) as Prisma.InputJsonValue;
}

async function findOwned(tx: Tx, storeId: string, id: string) {
  const row = await tx.pixGatewayConfig.findFirst({ where: { id, storeId } });
  if (!row) throw notFound("PIX gateway configuration");
  return row;
}

/** Saves a new (inactive) configuration; the seller verifies and activates it next. */
export async function createGatewayConfig(
  storeId: string,
  actor: AuditContext,
  input: CreateConfigInput,
): Promise<PixGatewayConfigView> {
  if (!isPixGatewayId(input.gateway))
    throw new AppError("validation_failed", `gateway: Unknown PIX gateway "${input.gateway.slice(0, 40)}".`, {
      param: "gateway",
    });
  const credentials = validateCredentials(input.gateway, input.credentials);
  const baseUrl = input.gateway === "direct_key" ? null : await checkBaseUrl(input.baseUrl);
  const split = validateSplit(input.gateway, input.split, credentials);
  const def = getPixGatewayDefinition(input.gateway);
  const id = await prisma.$transaction(async (tx) => {
    const last = await tx.pixGatewayConfig.aggregate({ where: { storeId }, _max: { priority: true } });
    const row = await tx.pixGatewayConfig.create({
      data: {
        storeId,
        gateway: input.gateway,
        label: input.label ?? def.displayName,
        credentials: "",
        credentialsKeyId: "",
        maskedCredentials: maskedOf(input.gateway, credentials),
        baseUrl: baseUrl ?? null,
        active: false,
        priority: (last._max.priority ?? -1) + 1,
        endpointToken: newEndpointToken(),
        ...(split !== undefined ? { split } : {}),
      },
      select: { id: true },
    });
    // The ciphertext is bound to the row id, which exists only now.
    const sealed = sealCredentials(row.id, credentials);
    await tx.pixGatewayConfig.update({
      where: { id: row.id },
      data: { credentials: sealed, credentialsKeyId: keyIdOf(sealed) },
    });
    await appendAudit(tx, actor, {
      action: "pix_gateway.created",
      storeId,
      target: { type: "pix_gateway_config", id: row.id },
      after: { gateway: input.gateway, label: input.label ?? def.displayName, baseUrl },
    });
    return row.id;
  });
  return getGatewayConfig(storeId, id);
}

/** Edits label, base URL, priority, active or credentials (blank or masked secret fields keep the stored value). */
export async function updateGatewayConfig(
  storeId: string,
  actor: AuditContext,
  id: string,
  patch: UpdateConfigInput,
): Promise<PixGatewayConfigView> {
  const baseUrl = await checkBaseUrl(patch.baseUrl);
  const current = await prisma.pixGatewayConfig.findFirst({ where: { id, storeId } });
  if (!current) throw notFound("PIX gateway configuration");
  let credentialUpdate: Prisma.PixGatewayConfigUpdateInput = {};
  // The account ids a split is checked against are not secret: the masked copy holds them as typed.
  let credentials = (current.maskedCredentials ?? {}) as Record<string, unknown>;
  if (patch.credentials) {
    const def = getPixGatewayDefinition(current.gateway);
    const merged = mergeCredentialUpdate(def.credentials as never, openCredentials(current), patch.credentials);
    credentials = validateCredentials(current.gateway, merged);
    const sealed = sealCredentials(id, credentials);
    // New credentials are unverified until the seller verifies them again.
    credentialUpdate = {
      credentials: sealed,
      credentialsKeyId: keyIdOf(sealed),
      maskedCredentials: maskedOf(current.gateway, credentials),
      lastVerifyOk: null,
      lastVerifiedAt: null,
    };
  }
  // New split settings, or new credentials under the saved split (the own account id may have changed).
  validateSplit(
    current.gateway,
    patch.split ?? (patch.credentials ? storedSplit(current.split) : undefined),
    credentials,
  );
  const split = patch.split === undefined ? undefined : (patch.split as unknown as Prisma.InputJsonValue);
  await prisma.$transaction(async (tx) => {
    const before = await findOwned(tx, storeId, id);
    // Activation needs a successful verification (of the credentials being saved, if any change now).
    if (patch.active === true && !before.active && (patch.credentials || before.lastVerifyOk !== true))
      throw new AppError(
        "conflict",
        "Verify this gateway's credentials before activating it: a configuration takes charges only after the gateway accepted them.",
        { param: "active" },
      );
    const after = await tx.pixGatewayConfig.update({
      where: { id },
      data: {
        ...credentialUpdate,
        ...(patch.label !== undefined ? { label: patch.label } : {}),
        ...(baseUrl !== undefined && before.gateway !== "direct_key" ? { baseUrl } : {}),
        ...(patch.priority !== undefined ? { priority: patch.priority } : {}),
        ...(patch.active !== undefined ? { active: patch.active } : {}),
        ...(split !== undefined ? { split } : {}),
      },
    });
    await appendAudit(tx, actor, {
      action: "pix_gateway.updated",
      storeId,
      target: { type: "pix_gateway_config", id },
      before: { label: before.label, baseUrl: before.baseUrl, active: before.active, priority: before.priority },
      after: {
        label: after.label,
        baseUrl: after.baseUrl,
        active: after.active,
        priority: after.priority,
        credentialsChanged: !!patch.credentials,
        ...(split !== undefined ? { split: after.split } : {}),
      },
    });
  });
  if (patch.active === true && current.gateway === "bcb") await registerBcbWebhook(storeId, id);
  return getGatewayConfig(storeId, id);
}

/** A successful check clears the last error: what the card shows is the state of the credentials now. */
async function recordCheck(id: string, outcome: VerifyOutcome) {
  const now = new Date();
  await prisma.pixGatewayConfig.update({
    where: { id },
    data: outcome.ok
      ? { lastVerifiedAt: now, lastVerifyOk: true, lastError: null, lastErrorCode: null, lastErrorAt: null }
      : {
          lastVerifiedAt: now,
          lastVerifyOk: false,
          lastError: outcome.error,
          lastErrorCode: outcome.code,
          lastErrorAt: now,
        },
  });
}

async function registerBcbWebhook(storeId: string, id: string): Promise<VerifyOutcome> {
  const row = await prisma.pixGatewayConfig.findFirstOrThrow({ where: { id, storeId } });
  const credentials = openCredentials(row);
  try {
    await gatewayFor(row, credentials).registerWebhook(webhookUrlFor(row)!);
    return { ok: true };
  } catch (err) {
    const { message } = describeGatewayError(err);
    const outcome: VerifyOutcome = {
      ok: false,
      code: "webhook_registration_failed",
      reason: gatewayReason(err, Object.values(credentials)),
      error: `webhook registration: ${message}`,
    };
    await prisma.pixGatewayConfig.update({
      where: { id },
      data: { lastError: outcome.error, lastErrorCode: outcome.code, lastErrorAt: new Date() },
    });
    return outcome;
  }
}

/**
 * A live call to the gateway with the stored credentials; the outcome is kept on the config (a
 * success clears an earlier error). A failure carries a stable code and the gateway's reason,
 * sanitized: never a credential, even if the gateway echoed one.
 */
export async function verifyGatewayConfig(storeId: string, actor: AuditContext, id: string): Promise<VerifyOutcome> {
  const row = await prisma.pixGatewayConfig.findFirst({ where: { id, storeId } });
  if (!row) throw notFound("PIX gateway configuration");
  let result: VerifyOutcome;
  let secrets: unknown[] = [];
  try {
    const credentials = openCredentials(row);
    secrets = Object.values(credentials);
    await gatewayFor(row, credentials).verifyCredentials();
    result = { ok: true };
  } catch (err) {
    const { code, message } = describeGatewayError(err);
    const reason = gatewayReason(err, secrets);
    result = {
      ok: false,
      code: verifyCode(err),
      reason,
      error:
        code === "invalid_credentials"
          ? `The gateway refused these credentials${reason ? ` (${reason})` : ""}.`
          : (sanitizeReason(message, secrets) ?? "The check failed."),
    };
  }
  await recordCheck(id, result);
  if (result.ok && row.gateway === "bcb") result = await registerBcbWebhook(storeId, id);
  await prisma.$transaction((tx) =>
    appendAudit(tx, actor, {
      action: "pix_gateway.verified",
      storeId,
      target: { type: "pix_gateway_config", id },
      after: { ok: result.ok, error: result.ok ? null : result.error, code: result.ok ? null : result.code },
    }),
  );
  return result;
}

export function setGatewayActive(storeId: string, actor: AuditContext, id: string, active: boolean) {
  return updateGatewayConfig(storeId, actor, id, { active });
}

/** Sets priorities 0..n-1 in the order given; every id must be one of the store's configs. */
export async function reorderGatewayConfigs(
  storeId: string,
  actor: AuditContext,
  ids: string[],
): Promise<PixGatewayConfigView[]> {
  if (new Set(ids).size !== ids.length)
    throw new AppError("validation_failed", "ids: Each configuration may appear once.", { param: "ids" });
  await prisma.$transaction(async (tx) => {
    const owned = await tx.pixGatewayConfig.findMany({ where: { storeId, id: { in: ids } }, select: { id: true } });
    if (owned.length !== ids.length) throw notFound("PIX gateway configuration");
    for (const [priority, id] of ids.entries()) await tx.pixGatewayConfig.update({ where: { id }, data: { priority } });
    await appendAudit(tx, actor, {
      action: "pix_gateway.reordered",
      storeId,
      target: { type: "store", id: storeId },
      after: { order: ids },
    });
  });
  return listGatewayConfigs(storeId);
}

/** Removes a configuration that never created a charge; one with charges can only be deactivated (its history stays). */
export async function deleteGatewayConfig(storeId: string, actor: AuditContext, id: string) {
  return prisma.$transaction(async (tx) => {
    const before = await findOwned(tx, storeId, id);
    const used =
      (await tx.pixCharge.count({ where: { gatewayConfigId: id } })) +
      (await tx.pixChargeAttempt.count({ where: { gatewayConfigId: id } }));
    if (used > 0)
      throw new AppError("config_in_use", "This gateway already has charges; deactivate it instead of deleting it.");
    await tx.pixWebhookEvent.deleteMany({ where: { gatewayConfigId: id } });
    await tx.pixGatewayConfig.delete({ where: { id } });
    await appendAudit(tx, actor, {
      action: "pix_gateway.deleted",
      storeId,
      target: { type: "pix_gateway_config", id },
      before: { gateway: before.gateway, label: before.label },
    });
    return { id, deleted: true };
  });
}
