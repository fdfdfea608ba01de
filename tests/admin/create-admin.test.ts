// The first admin of a production install (npm run admin:create): created once, audited, never a
// duplicate, password policy enforced, a reset only when asked, a seller never promoted; the CLI
// refuses a password on the command line.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { prisma } from "@/lib/db/client";
import { createAdmin } from "@/lib/admin/create-admin";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { uniqueEmail, useTestDatabase } from "@/tests/support/db";

useTestDatabase();
const ctx = { actor: { type: "system" as const, id: "admin:create" }, requestId: "cli:admin-create" };
const root = path.resolve(import.meta.dirname, "../..");

describe("admin:create", () => {
  it("creates an admin once, audited, and leaves it alone on a second run", async () => {
    const email = uniqueEmail("ops");
    const first = await createAdmin({ email: email.toUpperCase(), name: "Ops" }, "Correct-horse-42", ctx);
    expect(first.outcome).toBe("created");
    const user = await prisma.user.findUniqueOrThrow({ where: { email } });
    expect(user.role).toBe("ADMIN");
    expect(await verifyPassword("Correct-horse-42", user.passwordHash)).toBe(true);
    const audit = await prisma.auditLog.findMany({ where: { targetId: user.id } });
    expect(audit.map((a) => [a.action, a.actorType, a.actorId])).toEqual([
      ["user.admin_created", "system", "admin:create"],
    ]);

    const again = await createAdmin({ email, name: "Someone else" }, "Different-pass-77", ctx);
    expect(again).toEqual({ outcome: "unchanged", userId: user.id });
    expect(await prisma.user.count({ where: { email } })).toBe(1);
    const after = await prisma.user.findUniqueOrThrow({ where: { email } });
    expect(after.passwordHash).toBe(user.passwordHash);
    expect(after.name).toBe("Ops");
  });

  it("resets the password only when asked, ending existing sessions", async () => {
    const email = uniqueEmail("ops");
    await createAdmin({ email, name: "Ops" }, "Correct-horse-42", ctx);
    const before = await prisma.user.findUniqueOrThrow({ where: { email } });
    const reset = await createAdmin({ email, name: "Ops", resetPassword: true }, "New-password-99", ctx);
    expect(reset.outcome).toBe("password_reset");
    const after = await prisma.user.findUniqueOrThrow({ where: { email } });
    expect(await verifyPassword("New-password-99", after.passwordHash)).toBe(true);
    expect(after.passwordChangedAt.getTime()).toBeGreaterThan(before.passwordChangedAt.getTime());
    expect(
      (await prisma.auditLog.findMany({ where: { targetId: after.id }, orderBy: { id: "asc" } })).map((a) => a.action),
    ).toEqual(["user.admin_created", "user.password_reset"]);
  });

  it("enforces the password policy and writes nothing on a weak password", async () => {
    const email = uniqueEmail("ops");
    for (const weak of ["short1", "onlyletterspassword", "password123"])
      await expect(createAdmin({ email, name: "Ops" }, weak, ctx)).rejects.toBeInstanceOf(ZodError);
    expect(await prisma.user.count({ where: { email } })).toBe(0);
  });

  it("never promotes an existing seller", async () => {
    const email = uniqueEmail("seller");
    await prisma.user.create({
      data: { email, name: "Seller", role: "SELLER", passwordHash: await hashPassword("Seller-pass-123") },
    });
    const result = await createAdmin({ email, name: "Ops", resetPassword: true }, "Correct-horse-42", ctx);
    expect(result.outcome).toBe("not_an_admin");
    expect((await prisma.user.findUniqueOrThrow({ where: { email } })).role).toBe("SELLER");
  });

  it("the command refuses a password given on the command line", () => {
    const res = spawnSync(
      path.join(root, "node_modules/.bin/tsx"),
      [
        "--conditions=react-server",
        "scripts/create-admin.mts",
        "--email",
        "ops@example.com",
        "--password",
        "Correct-horse-42",
      ],
      { cwd: root, encoding: "utf8", env: { ...process.env, PGLITE_DIR: "memory://", DATABASE_URL: "" } },
    );
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(/never taken from the command line/);
  });
});
