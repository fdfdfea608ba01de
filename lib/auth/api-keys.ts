import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { appendAudit, type AuditContext } from "@/lib/audit/log";
import { AppError, notFound } from "@/lib/errors";

export const API_KEY_PREFIX = "vt_sk_";
const VISIBLE_CHARS = API_KEY_PREFIX.length + 6;
const LAST_USED_RESOLUTION_MS = 60_000;

export const CreateApiKeyInput = z.strictObject({ name: z.string().trim().min(1, "Name is required.").max(60) });

export function hashApiKey(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

const PUBLIC_FIELDS = {
  id: true,
  name: true,
  prefix: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
} as const;

/** Creates a key for one store. The secret is returned once; only its hash and a prefix are stored. */
export async function createApiKey(
  storeId: string,
  userId: string,
  input: z.infer<typeof CreateApiKeyInput>,
  ctx: AuditContext,
) {
  const secret = `${API_KEY_PREFIX}${randomBytes(24).toString("base64url")}`;
  const prefix = secret.slice(0, VISIBLE_CHARS);
  const apiKey = await prisma.$transaction(async (tx) => {
    const created = await tx.apiKey.create({
      data: { storeId, createdById: userId, name: input.name, prefix, hash: hashApiKey(secret) },
      select: PUBLIC_FIELDS,
    });
    await appendAudit(tx, ctx, {
      action: "api_key.created",
      storeId,
      target: { type: "api_key", id: created.id },
      after: { name: created.name, prefix },
    });
    return created;
  });
  return { apiKey, secret };
}

export function listApiKeys(storeId: string) {
  return prisma.apiKey.findMany({ where: { storeId }, select: PUBLIC_FIELDS, orderBy: { createdAt: "desc" } });
}

export function countActiveApiKeys(storeId: string) {
  return prisma.apiKey.count({ where: { storeId, revokedAt: null } });
}

/** Revokes a key of this store; another store's key is a 404. Revoking twice is harmless. */
export async function revokeApiKey(storeId: string, keyId: string, ctx: AuditContext) {
  return prisma.$transaction(async (tx) => {
    const key = await tx.apiKey.findFirst({ where: { id: keyId, storeId }, select: PUBLIC_FIELDS });
    if (!key) throw notFound("API key");
    if (key.revokedAt) return key;
    const revoked = await tx.apiKey.update({
      where: { id: key.id },
      data: { revokedAt: new Date() },
      select: PUBLIC_FIELDS,
    });
    await appendAudit(tx, ctx, {
      action: "api_key.revoked",
      storeId,
      target: { type: "api_key", id: key.id },
      before: { revokedAt: null },
      after: { name: key.name, prefix: key.prefix, revokedAt: revoked.revokedAt?.toISOString() },
    });
    return revoked;
  });
}

export type ApiKeyPrincipal = {
  apiKeyId: string;
  storeId: string;
  store: { id: string; name: string; slug: string; storeDomain: string | null; currency: string };
  ownerId: string;
};

/** Resolves `Authorization: Bearer vt_sk_…` to its store. Unknown and revoked keys are 401; a suspended owner or store, 403. */
export async function authenticateApiKey(authorization: string | null): Promise<ApiKeyPrincipal> {
  const match = authorization ? /^Bearer\s+(\S+)$/i.exec(authorization) : null;
  if (!match || !match[1]!.startsWith(API_KEY_PREFIX))
    throw new AppError("invalid_api_key", "Missing or malformed API key. Send Authorization: Bearer vt_sk_…");
  const key = await prisma.apiKey.findUnique({
    where: { hash: hashApiKey(match[1]!) },
    select: {
      id: true,
      storeId: true,
      revokedAt: true,
      lastUsedAt: true,
      store: {
        select: {
          id: true,
          name: true,
          slug: true,
          storeDomain: true,
          currency: true,
          reviewStatus: true,
          owner: { select: { id: true, status: true } },
        },
      },
    },
  });
  if (!key || key.revokedAt) throw new AppError("invalid_api_key", "This API key is invalid or has been revoked.");
  if (key.store.owner.status !== "ACTIVE")
    throw new AppError("account_suspended", "The account that owns this key is suspended.");
  // A store the platform suspended: its keys stop working (a pending store's keys work, to set up;
  // its payments are refused where they start, lib/tenancy/review.ts).
  if (key.store.reviewStatus === "SUSPENDED")
    throw new AppError("store_suspended", "This store is suspended by the platform; its API keys are refused.");
  const now = Date.now();
  if (!key.lastUsedAt || now - key.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await prisma.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: new Date(now) } });
  }
  const { owner, reviewStatus: _review, ...store } = key.store;
  return { apiKeyId: key.id, storeId: key.storeId, store, ownerId: owner.id };
}
