// The configuration audit: every setting of the env schema is listed by group, secrets never
// appear (a test feeds known secrets and greps the whole answer), production rules mark what is
// missing, and live checks answer for the database, queue, Stripe (the emulator), SMTP and Redis.
import { createServer } from "node:net";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/db";
import { sellerWithStore } from "../support/seller";
import { appRequest, sessionCookie } from "../support/session";
import { useStripeEmulator } from "../support/stripe";
import { GET as auditRoute } from "@/app/api/admin/config/audit/route";
import { auditConfiguration, auditSettings, maskSecret } from "@/lib/admin/config-audit";
import { prisma } from "@/lib/db/client";
import { ServerEnvShape } from "@/lib/env/schema";
import { startJobRunner, stopJobRunner } from "@/lib/jobs/runner";
import { afterAll } from "vitest";

const SECRETS = {
  STRIPE_SECRET_KEY: "sk_test_51SECRETabcdefghijklmnopqrstuv1234",
  STRIPE_WEBHOOK_SECRET: "whsec_platformsecretvalue0987654321wxyz",
  STRIPE_CONNECT_WEBHOOK_SECRET: "whsec_connectsecret11112222333344445555,whsec_oldconnect99998888777766665555",
  NEXTAUTH_SECRET: "nextauth-secret-that-is-long-enough-0123456789",
  METRICS_TOKEN: "metrics-token-secret-value-42",
  INTERNAL_API_TOKEN: "internal-token-secret-value-77",
  ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
  SLACK_WEBHOOK_URL: "https://hooks.slack.example/services/T000/B000/supersecretslackpath9876",
  PLATFORM_PIX_GATEWAY_CREDENTIALS: '{"token":"pix-gateway-credential-secret-31337"}',
  PLATFORM_PIX_WEBHOOK_TOKEN: "platform-pix-webhook-token-secret-4242",
};
const PASSWORDS = ["dbpassw0rd-secret", "smtp-passw0rd-secret", "redis-passw0rd-secret"];

describe("configuration audit", () => {
  const { db } = useTestDatabase();
  useStripeEmulator();
  let adminCookie: string;
  let sellerCookie: string;
  let saved: Record<string, string | undefined> = {};

  beforeAll(async () => {
    saved = { ...process.env };
    const admin = await sellerWithStore({ tag: "config-admin" });
    await prisma.user.update({ where: { id: admin.user.id }, data: { role: "ADMIN" } });
    adminCookie = await sessionCookie(admin.user.id);
    sellerCookie = await sessionCookie((await sellerWithStore({ tag: "config-seller" })).user.id);
    await startJobRunner([], { db: db() });
  });
  afterAll(async () => {
    await stopJobRunner();
  });
  afterEach(() => {
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
    Object.assign(process.env, saved);
  });

  it("lists every setting of the schema once, grouped, and masks every secret", () => {
    const source = {
      ...SECRETS,
      APP_ENV: "production",
      PLATFORM_PIX_GATEWAY: "pushinpay",
      DATABASE_URL: `postgresql://vitrine:${PASSWORDS[0]}@db.internal:5432/vitrine`,
      SMTP_URL: `smtps://mailer:${PASSWORDS[1]}@smtp.example.com:465`,
      REDIS_URL: `redis://:${PASSWORDS[2]}@cache.internal:6379`,
    };
    const rows = auditSettings(source);
    expect(rows.map((r) => r.key).sort()).toEqual(Object.keys(ServerEnvShape).sort());
    const text = JSON.stringify(rows);
    for (const secret of [...Object.values(SECRETS).flatMap((s) => s.split(",")), ...PASSWORDS])
      expect(text).not.toContain(secret);
    const row = (key: string) => rows.find((r) => r.key === key)!;
    expect(row("STRIPE_SECRET_KEY")).toMatchObject({
      group: "Stripe",
      secret: true,
      value: "sk_test_…1234",
      source: "set",
    });
    expect(row("STRIPE_CONNECT_WEBHOOK_SECRET").value).toBe("whsec_…5555, whsec_…5555");
    expect(row("DATABASE_URL").value).toBe("postgresql://vitrine:****@db.internal:5432/vitrine");
    expect(row("SMTP_URL").value).toContain("smtps://mailer:****@smtp.example.com:465");
    expect(row("ENCRYPTION_KEY").value).not.toContain(SECRETS.ENCRYPTION_KEY.slice(0, 12));
    expect(row("SLACK_WEBHOOK_URL").value).toBe("https://hooks.slack.example/…9876");
    expect(row("PLATFORM_FEE_PERCENT")).toMatchObject({ source: "default", value: "2.5", ok: true });
  });

  it("in production, names what is missing or wrong; in the demo, notes what production will need", () => {
    const prod = auditSettings({ APP_ENV: "production", STRIPE_EMULATOR: "1", APP_URL: "http://vitrine.example" });
    const bad = Object.fromEntries(prod.filter((r) => !r.ok).map((r) => [r.key, r.message]));
    expect(Object.keys(bad)).toEqual(
      expect.arrayContaining([
        "NEXTAUTH_SECRET",
        "DATABASE_URL",
        "STRIPE_SECRET_KEY",
        "STRIPE_WEBHOOK_SECRET",
        "SMTP_URL",
        "STRIPE_EMULATOR",
        "APP_URL",
      ]),
    );
    expect(bad.APP_URL).toMatch(/https/);
    expect(prod.find((r) => r.key === "DATABASE_URL")!.required).toBe(true);
    const demo = auditSettings({ APP_ENV: "development" });
    expect(demo.filter((r) => !r.ok)).toEqual([]);
    expect(demo.find((r) => r.key === "SMTP_URL")).toMatchObject({
      required: true,
      ok: true,
      message: "required in production",
    });
    expect(auditSettings({ BCRYPT_COST: "3" }).find((r) => r.key === "BCRYPT_COST")).toMatchObject({ ok: false });
  });

  it("masks short and rotated secrets without leaking their ends", () => {
    expect(maskSecret("METRICS_TOKEN", "short")).toBe("••••");
    expect(maskSecret("ENCRYPTION_KEYS", "k2:AAAAsecret=,k1:BBBBsecret=")).toBe("k2:…, k1:…");
  });

  it("checks live what can be checked: database, queue, Stripe, SMTP, Redis, keys", async () => {
    // An SMTP server that accepts connections and greets, for the reachability check.
    const smtp = createServer((socket) => {
      socket.write("220 test ESMTP\r\n");
      socket.on("data", (d) => {
        const line = d.toString();
        if (/^EHLO/i.test(line)) socket.write("250-test\r\n250 OK\r\n");
        else if (/^QUIT/i.test(line)) socket.end("221 bye\r\n");
        else socket.write("250 OK\r\n");
      });
    });
    await new Promise<void>((r) => smtp.listen(0, "127.0.0.1", r));
    const port = (smtp.address() as { port: number }).port;
    try {
      const audit = await auditConfiguration({
        ...process.env,
        SMTP_URL: `smtp://127.0.0.1:${port}`,
        REDIS_URL: "redis://127.0.0.1:1",
      });
      const check = Object.fromEntries(audit.checks.map((c) => [c.key, c]));
      expect(check.database!.status).toBe("ok");
      expect(check.queue!.status).toBe("ok");
      expect(check.stripe, check.stripe!.message).toMatchObject({ status: "ok" });
      expect(check.stripe!.message).toContain("emulator");
      expect(check.smtp).toMatchObject({ status: "ok" });
      expect(check.redis).toMatchObject({ status: "problem" });
      expect(check.encryption_keys!.status).toBe("ok");
      expect(audit.problems).toBeGreaterThanOrEqual(1);
    } finally {
      smtp.close();
    }
  });

  it("is for admins only, and its answer carries no secret", async () => {
    Object.assign(process.env, {
      STRIPE_WEBHOOK_SECRET: SECRETS.STRIPE_WEBHOOK_SECRET,
      METRICS_TOKEN: SECRETS.METRICS_TOKEN,
    });
    expect((await auditRoute(appRequest("/api/admin/config/audit"), { params: Promise.resolve({}) })).status).toBe(401);
    expect(
      (
        await auditRoute(appRequest("/api/admin/config/audit", { headers: { cookie: sellerCookie } }), {
          params: Promise.resolve({}),
        })
      ).status,
    ).toBe(403);
    const res = await auditRoute(appRequest("/api/admin/config/audit", { headers: { cookie: adminCookie } }), {
      params: Promise.resolve({}),
    });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toContain(SECRETS.STRIPE_WEBHOOK_SECRET);
    expect(text).not.toContain(SECRETS.METRICS_TOKEN);
    expect(JSON.parse(text).settings.find((r: { key: string }) => r.key === "METRICS_TOKEN").value).toBe("…e-42");
  });
});
