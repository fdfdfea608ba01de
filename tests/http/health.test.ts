// Health endpoints: /api/health is "ok" only over a database that holds the app's schema;
// /api/health/ready says only ready / not_ready to anyone, and why (pending migrations, missing
// schema, unreachable database) only to an operator (METRICS_TOKEN or an admin session).
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/db";
import { useStripeEmulator } from "../support/stripe";
import { sellerWithStore } from "../support/seller";
import { appRequest, sessionCookie } from "../support/session";
import { prisma } from "@/lib/db/client";
import { GET as healthRoute } from "@/app/api/health/route";
import { GET as readyRoute } from "@/app/api/health/ready/route";
import { startJobRunner, stopJobRunner } from "@/lib/jobs/runner";
import { afterAll } from "vitest";

const TOKEN = "metrics-token-for-health-0123";

describe("health endpoints", () => {
  const { db } = useTestDatabase();
  useStripeEmulator();
  let adminCookie: string;
  let sellerCookie: string;
  const ready = async (headers: Record<string, string> = {}) => {
    const res = await readyRoute(appRequest("/api/health/ready", { headers }));
    return { status: res.status, json: await res.json() };
  };
  const operator = { authorization: `Bearer ${TOKEN}` };

  beforeAll(async () => {
    process.env.METRICS_TOKEN = TOKEN;
    const seller = await sellerWithStore({ tag: "health" });
    const admin = await sellerWithStore({ tag: "health-admin" });
    await prisma.user.update({ where: { id: admin.user.id }, data: { role: "ADMIN" } });
    sellerCookie = await sessionCookie(seller.user.id);
    adminCookie = await sessionCookie(admin.user.id);
    // The job queue readiness checks: created by the runner when an instance starts.
    await startJobRunner([], { db: db() });
  });
  afterAll(async () => {
    await stopJobRunner();
  });

  it("is live and ready over a migrated database; only an operator sees the details", async () => {
    const health = await healthRoute();
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: "ok" });
    expect(await ready()).toEqual({ status: 200, json: { status: "ready" } });
    expect(await ready({ cookie: sellerCookie })).toEqual({ status: 200, json: { status: "ready" } });
    expect(await ready({ authorization: "Bearer wrong-token-wrong-token-00" })).toEqual({
      status: 200,
      json: { status: "ready" },
    });
    const details = await ready(operator);
    expect(details.status).toBe(200);
    expect(details.json).toMatchObject({
      status: "ready",
      database: db().kind,
      pendingMigrations: [],
      queue: { ok: true, waiting: expect.any(Number) },
      callbacks: { ok: true, due: 0, oldestDueSeconds: null },
      stripe: { ok: true, mode: "emulator" },
      warnings: [],
    });
    expect((await ready({ cookie: adminCookie })).json).toMatchObject({ pendingMigrations: [] });
  });

  it("reports callback lag and a stalled queue as warnings without leaving rotation", async () => {
    const seller = await sellerWithStore({ tag: "health-lag" });
    const endpoint = await prisma.callbackEndpoint.create({
      data: { storeId: seller.store.id, url: "https://store.example/cb", secretEnc: "unused", secretPrefix: "whsec_x" },
    });
    {
      await prisma.callbackDelivery.create({
        data: {
          storeId: seller.store.id,
          endpointId: endpoint.id,
          eventId: "evt_health_lag",
          eventType: "payment.succeeded",
          payload: {},
          nextAttemptAt: new Date(Date.now() - 10 * 60_000),
        },
      });
      const lagging = await ready(operator);
      expect(lagging.status).toBe(200);
      expect(lagging.json.callbacks).toMatchObject({ ok: true, due: 1 });
      expect(lagging.json.callbacks.oldestDueSeconds).toBeGreaterThanOrEqual(590);
      expect(lagging.json.warnings).toContain("callbacks_lagging");
      await prisma.callbackDelivery.deleteMany({ where: { eventId: "evt_health_lag" } });
    }
    expect((await ready()).status).toBe(200);
  });

  it("is not ready when the job queue is gone, and ready again when it is back", async () => {
    await db().sql.exec(`ALTER TABLE pgboss.job RENAME TO job_away`);
    try {
      expect(await ready()).toEqual({ status: 503, json: { status: "not_ready" } });
      expect((await ready(operator)).json).toMatchObject({
        status: "not_ready",
        reason: "queue_missing",
        queue: { ok: false, reason: "queue_missing" },
      });
    } finally {
      await db().sql.exec(`ALTER TABLE pgboss.job_away RENAME TO job`);
    }
    expect((await ready()).status).toBe(200);
  });

  it("is not ready with a migration pending, naming it only to an operator", async () => {
    const [last] = await db().sql.query<{ migration_name: string }>(
      `SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name DESC LIMIT 1`,
    );
    await db().sql.query(`UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = $1`, [
      last!.migration_name,
    ]);
    try {
      const anonymous = await ready();
      expect(anonymous).toEqual({ status: 503, json: { status: "not_ready" } });
      expect(JSON.stringify(anonymous.json)).not.toContain(last!.migration_name);
      expect(await ready(operator)).toMatchObject({
        status: 503,
        json: {
          status: "not_ready",
          database: db().kind,
          reason: "migrations_pending",
          pendingMigrations: [last!.migration_name],
        },
      });
      expect((await healthRoute()).status).toBe(200);
    } finally {
      await db().sql.query(`UPDATE "_prisma_migrations" SET rolled_back_at = NULL WHERE migration_name = $1`, [
        last!.migration_name,
      ]);
    }
    expect((await ready()).status).toBe(200);
  });

  it("is neither live nor ready when the schema is missing (it used to say ok)", async () => {
    await db().sql.exec(`DROP SCHEMA public CASCADE; CREATE SCHEMA public;`);
    const health = await healthRoute();
    expect(health.status).toBe(503);
    expect(await health.json()).toEqual({ status: "unavailable" });
    expect(await ready()).toEqual({ status: 503, json: { status: "not_ready" } });
    // The admin's session cannot be checked without the users table; the token still works.
    expect(await ready(operator)).toMatchObject({
      status: 503,
      json: { status: "not_ready", database: db().kind, reason: "schema_missing" },
    });
  });
});
