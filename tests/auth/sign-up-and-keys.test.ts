import { describe, expect, it } from "vitest";
import { ctx, uniqueEmail, useTestDatabase } from "../support/db";
import { signUp, SignUpInput } from "@/lib/auth/sign-up";
import { authenticateApiKey, createApiKey, listApiKeys, revokeApiKey } from "@/lib/auth/api-keys";
import { AppError } from "@/lib/errors";
import { getOwnedStore } from "@/lib/tenancy/stores";
import { verifyAuditChain } from "@/lib/audit/log";

const actor = (id: string) => ({ ...ctx, actor: { type: "user" as const, id } });

async function newSeller(tag: string) {
  return signUp(
    SignUpInput.parse({ name: tag, email: uniqueEmail(tag), password: "correct-horse-9", storeName: `${tag} store` }),
    ctx,
  );
}

describe("sign-up", () => {
  const { db } = useTestDatabase();

  it("creates the seller, their first store and audit entries in one transaction", async () => {
    const { user, store } = await newSeller("ana");
    expect(user.role).toBe("SELLER");
    const saved = await db().prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(saved.passwordHash).toMatch(/^\$2[aby]\$1\d\$/);
    expect(saved.passwordHash).not.toContain("correct-horse-9");
    expect(await db().prisma.store.count({ where: { ownerId: user.id } })).toBe(1);
    const actions = (await db().prisma.auditLog.findMany({ where: { storeId: store.id }, orderBy: { id: "asc" } })).map(
      (a) => a.action,
    );
    expect(actions).toEqual(["user.signed_up", "store.created"]);
  });

  it("refuses an existing email with 409 email_taken and writes nothing", async () => {
    const email = uniqueEmail("dup");
    await signUp(SignUpInput.parse({ name: "A", email, password: "correct-horse-9", storeName: "First" }), ctx);
    const before = {
      users: await db().prisma.user.count(),
      stores: await db().prisma.store.count(),
      audit: await db().prisma.auditLog.count(),
    };
    const err = await signUp(
      SignUpInput.parse({ name: "B", email: email.toUpperCase(), password: "correct-horse-9", storeName: "Second" }),
      ctx,
    ).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: "email_taken", status: 409, param: "email" });
    expect({
      users: await db().prisma.user.count(),
      stores: await db().prisma.store.count(),
      audit: await db().prisma.auditLog.count(),
    }).toEqual(before);
  });

  it("rejects weak passwords, bad emails and unknown fields at the schema", () => {
    const base = { name: "A", email: "a@example.com", password: "correct-horse-9", storeName: "Store" };
    expect(SignUpInput.safeParse({ ...base, password: "short1" }).success).toBe(false);
    expect(SignUpInput.safeParse({ ...base, password: "onlyletterslong" }).success).toBe(false);
    expect(SignUpInput.safeParse({ ...base, password: "password123" }).success).toBe(false);
    expect(SignUpInput.safeParse({ ...base, email: "not-an-email" }).success).toBe(false);
    expect(SignUpInput.safeParse({ ...base, role: "ADMIN" }).success).toBe(false);
    expect(SignUpInput.parse({ ...base, email: "  MiXeD@Example.COM " }).email).toBe("mixed@example.com");
  });
});

describe("store API keys", () => {
  useTestDatabase();

  it("shows the secret once, stores only a hash, authenticates and records last use", async () => {
    const { user, store } = await newSeller("keys");
    const { apiKey, secret } = await createApiKey(store.id, user.id, { name: "server" }, actor(user.id));
    expect(secret).toMatch(/^vt_sk_[A-Za-z0-9_-]{32}$/);
    expect(secret.startsWith(apiKey.prefix)).toBe(true);
    const listed = await listApiKeys(store.id);
    expect(JSON.stringify(listed)).not.toContain(secret);
    const principal = await authenticateApiKey(`Bearer ${secret}`);
    expect(principal.storeId).toBe(store.id);
    expect((await listApiKeys(store.id))[0]!.lastUsedAt).not.toBeNull();
  });

  it("refuses malformed, unknown and revoked keys with 401 invalid_api_key", async () => {
    const { user, store } = await newSeller("revoke");
    const { apiKey, secret } = await createApiKey(store.id, user.id, { name: "old" }, actor(user.id));
    await expect(authenticateApiKey(null)).rejects.toMatchObject({ code: "invalid_api_key", status: 401 });
    await expect(authenticateApiKey("Basic abc")).rejects.toMatchObject({ code: "invalid_api_key" });
    await expect(authenticateApiKey(`Bearer ${secret}x`)).rejects.toMatchObject({ code: "invalid_api_key" });
    await revokeApiKey(store.id, apiKey.id, actor(user.id));
    await expect(authenticateApiKey(`Bearer ${secret}`)).rejects.toMatchObject({ code: "invalid_api_key" });
    // Revoking twice is harmless and writes one audit entry.
    await revokeApiKey(store.id, apiKey.id, actor(user.id));
    expect(await db_auditCount("api_key.revoked", apiKey.id)).toBe(1);
  });

  it("never lets one store touch another store's key or store (404)", async () => {
    const a = await newSeller("tenant-a");
    const b = await newSeller("tenant-b");
    const { apiKey } = await createApiKey(a.store.id, a.user.id, { name: "a-key" }, actor(a.user.id));
    await expect(revokeApiKey(b.store.id, apiKey.id, actor(b.user.id))).rejects.toMatchObject({
      code: "not_found",
      status: 404,
    });
    await expect(getOwnedStore(b.user.id, a.store.id)).rejects.toMatchObject({ code: "not_found" });
    expect(await listApiKeys(b.store.id)).toEqual([]);
    expect((await listApiKeys(a.store.id))[0]!.revokedAt).toBeNull();
  });

  it("stops working while the owner is suspended", async () => {
    const { user, store } = await newSeller("suspended");
    const { secret } = await createApiKey(store.id, user.id, { name: "k" }, actor(user.id));
    const { prisma } = await import("@/lib/db/client");
    await prisma.user.update({ where: { id: user.id }, data: { status: "SUSPENDED" } });
    await expect(authenticateApiKey(`Bearer ${secret}`)).rejects.toMatchObject({
      code: "account_suspended",
      status: 403,
    });
  });

  it("leaves an intact audit chain behind all of the above", async () => {
    const report = await verifyAuditChain();
    expect(report.ok).toBe(true);
    expect(report.checked).toBeGreaterThan(5);
  });
});

async function db_auditCount(action: string, targetId: string) {
  const { prisma } = await import("@/lib/db/client");
  return prisma.auditLog.count({ where: { action, targetId } });
}
