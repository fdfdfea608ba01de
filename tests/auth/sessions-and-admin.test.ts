import { describe, expect, it } from "vitest";
import { ctx, uniqueEmail, useTestDatabase } from "../support/db";
import { signUp, SignUpInput } from "@/lib/auth/sign-up";
import { loadActiveUser } from "@/lib/auth/session";
import { authOptions } from "@/lib/auth/options";
import { changePassword, updateProfile } from "@/lib/account/settings";
import { setUserStatus } from "@/lib/admin/users";
import { resetRateLimiters } from "@/lib/rate-limit/limiter";
import { resetEnvCache } from "@/lib/env/server";

type Authorize = (
  c: Record<string, string>,
  req: { headers: Record<string, string> },
) => Promise<{ id: string } | null>;
const authorize = (authOptions.providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize;

async function seller(password = "correct-horse-9") {
  const email = uniqueEmail("s");
  const { user } = await signUp(SignUpInput.parse({ name: "S", email, password, storeName: "Shop" }), ctx);
  return { user, email, password };
}

describe("sign-in, sessions and suspension", () => {
  const { db } = useTestDatabase();

  it("signs in with the right password only", async () => {
    const { email, password, user } = await seller();
    await expect(authorize({ email, password }, { headers: {} })).resolves.toMatchObject({ id: user.id });
    await expect(authorize({ email, password: "wrong-password-1" }, { headers: {} })).rejects.toThrow(
      "invalid_credentials",
    );
    await expect(authorize({ email: "nobody@example.com", password }, { headers: {} })).rejects.toThrow(
      "invalid_credentials",
    );
  });

  it("rate-limits repeated failed logins per client and email", async () => {
    process.env.RATE_LIMIT_LOGIN = "3/minute";
    resetEnvCache();
    resetRateLimiters();
    // The client address as scripts/server.mjs establishes it (tests/auth/login-limits.test.ts has the rest).
    const mark = Symbol.for("vitrine.server");
    (globalThis as Record<symbol, unknown>)[mark] = true;
    try {
      const { email, password } = await seller();
      const headers = { "x-vitrine-client-ip": "198.51.100.33" };
      for (let i = 0; i < 3; i++)
        await expect(authorize({ email, password: "wrong-password-1" }, { headers })).rejects.toThrow(
          "invalid_credentials",
        );
      await expect(authorize({ email, password }, { headers })).rejects.toThrow("rate_limited");
      // Another client is unaffected.
      await expect(
        authorize({ email, password }, { headers: { "x-vitrine-client-ip": "198.51.100.34" } }),
      ).resolves.toBeTruthy();
    } finally {
      delete (globalThis as Record<symbol, unknown>)[mark];
      delete process.env.RATE_LIMIT_LOGIN;
      resetEnvCache();
      resetRateLimiters();
    }
  });

  it("refuses a suspended seller at sign-in and ends their sessions; reactivation restores access", async () => {
    const admin = await db().prisma.user.create({
      data: { email: uniqueEmail("admin"), name: "Admin", passwordHash: "x", role: "ADMIN" },
    });
    const { user, email, password } = await seller();
    const adminCtx = { ...ctx, actor: { type: "user" as const, id: admin.id } };
    expect(await loadActiveUser(user.id, Date.now())).not.toBeNull();
    await setUserStatus(admin.id, user.id, { status: "SUSPENDED", reason: "chargebacks" }, adminCtx);
    await expect(authorize({ email, password }, { headers: {} })).rejects.toThrow("account_suspended");
    expect(await loadActiveUser(user.id, Date.now())).toBeNull();
    const audit = await db().prisma.auditLog.findFirstOrThrow({
      where: { action: "user.suspended", targetId: user.id },
    });
    expect(audit).toMatchObject({
      actorId: admin.id,
      before: { status: "ACTIVE" },
      after: { status: "SUSPENDED", reason: "chargebacks" },
    });
    await setUserStatus(admin.id, user.id, { status: "ACTIVE" }, adminCtx);
    await expect(authorize({ email, password }, { headers: {} })).resolves.toMatchObject({ id: user.id });
  });

  it("refuses to let an admin suspend themselves or another admin", async () => {
    const admin = await db().prisma.user.create({
      data: { email: uniqueEmail("admin"), name: "A", passwordHash: "x", role: "ADMIN" },
    });
    const other = await db().prisma.user.create({
      data: { email: uniqueEmail("admin"), name: "B", passwordHash: "x", role: "ADMIN" },
    });
    const adminCtx = { ...ctx, actor: { type: "user" as const, id: admin.id } };
    await expect(setUserStatus(admin.id, admin.id, { status: "SUSPENDED" }, adminCtx)).rejects.toMatchObject({
      status: 409,
    });
    await expect(setUserStatus(admin.id, other.id, { status: "SUSPENDED" }, adminCtx)).rejects.toMatchObject({
      status: 409,
    });
  });

  it("changing the password invalidates sessions issued before it and needs the current password", async () => {
    const { user, email, password } = await seller();
    const actor = { ...ctx, actor: { type: "user" as const, id: user.id } };
    const sessionStartedAt = Date.now() - 1000;
    await expect(
      changePassword(user.id, { currentPassword: "not-my-password-1", newPassword: "brand-new-pass-7" }, actor),
    ).rejects.toMatchObject({ code: "invalid_credentials", param: "currentPassword" });
    await changePassword(user.id, { currentPassword: password, newPassword: "brand-new-pass-7" }, actor);
    expect(await loadActiveUser(user.id, sessionStartedAt)).toBeNull();
    expect(await loadActiveUser(user.id, Date.now() + 1)).not.toBeNull();
    await expect(authorize({ email, password }, { headers: {} })).rejects.toThrow("invalid_credentials");
    await expect(authorize({ email, password: "brand-new-pass-7" }, { headers: {} })).resolves.toMatchObject({
      id: user.id,
    });
  });

  it("saves the chosen locale on the user", async () => {
    const { user } = await seller();
    await updateProfile(user.id, { locale: "en" }, { ...ctx, actor: { type: "user", id: user.id } });
    expect((await db().prisma.user.findUniqueOrThrow({ where: { id: user.id } })).locale).toBe("en");
  });
});
