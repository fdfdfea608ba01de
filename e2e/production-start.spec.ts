// The real launcher (`npm start` = scripts/start.mjs) configured ONLY by a .env file, as an operator
// would: production on a throwaway PostgreSQL database with a Stripe test key. The .env lives in a
// temporary directory the launcher is pointed at with VITRINE_ENV_DIR (the repository's own .env
// files are never touched); the launcher passes that configuration on to everything it starts.
// Needs a production build (`next build`, or NEXT_DIST_DIR for a side-by-side one) and PostgreSQL
// (TEST_DATABASE_URL or the local server); only an unreachable PostgreSQL skips, with the reason.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import pg from "pg";
import Stripe from "stripe";

const root = path.resolve(__dirname, "..");
const distDir = process.env.NEXT_DIST_DIR || ".next";
const adminUrl = process.env.TEST_DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
const PORT = 3290;
const EMULATOR_PORT = 12191;
const PIX_PORT = 12192;
const MAIL_PORT = 12193;

test.describe.configure({ mode: "serial" });

type Launcher = { child: ChildProcess; output: () => string; exited: Promise<number | null>; envDir: string };

/** Starts the launcher with nothing but the pointer to its .env directory (and the build location). */
function launch(dotenv: Record<string, string>, args: string[] = ["--no-build"]): Launcher {
  const envDir = mkdtempSync(path.join(tmpdir(), "vitrine-env-"));
  writeFileSync(
    path.join(envDir, ".env"),
    Object.entries(dotenv)
      .map(([k, v]) => `${k}=${v}`)
      .join("\n") + "\n",
    { mode: 0o600 },
  );
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: process.env.HOME ?? tmpdir(),
    VITRINE_ENV_DIR: envDir,
  };
  if (process.env.NEXT_DIST_DIR) env.NEXT_DIST_DIR = process.env.NEXT_DIST_DIR;
  const child = spawn(process.execPath, ["scripts/start.mjs", ...args], {
    cwd: root,
    env: env as NodeJS.ProcessEnv,
    stdio: "pipe",
  });
  let out = "";
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  // biome-ignore lint/suspicious/noControlCharactersInRegex: strips the launcher's ANSI colours
  return { child, output: () => out.replace(/\x1b\[[0-9;]*m/g, ""), exited, envDir };
}

/** Every live process that inherited this launcher's environment (its children and theirs). */
function processesOf(launcher: Launcher): Array<{ pid: number; cmd: string }> {
  const marker = `VITRINE_ENV_DIR=${launcher.envDir}`;
  const found: Array<{ pid: number; cmd: string }> = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry) || Number(entry) === launcher.child.pid) continue;
    try {
      if (!readFileSync(`/proc/${entry}/environ`, "utf8").split("\0").includes(marker)) continue;
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      if (stat.slice(stat.lastIndexOf(")") + 2).startsWith("Z")) continue; // exited, not yet reaped
      found.push({
        pid: Number(entry),
        cmd: readFileSync(`/proc/${entry}/cmdline`, "utf8").replace(/\0/g, " ").trim(),
      });
    } catch {
      /* gone, or not ours */
    }
  }
  return found;
}

async function listening(port: number, host = "127.0.0.1"): Promise<boolean> {
  try {
    await fetch(`http://${host}:${port}/`, { signal: AbortSignal.timeout(2_000) });
    return true;
  } catch (err) {
    return !/ECONNREFUSED/.test(String((err as { cause?: unknown }).cause ?? err));
  }
}

async function waitFor(what: string, check: () => boolean, launcher: Launcher, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (launcher.child.exitCode !== null)
      throw new Error(`launcher exited (${launcher.child.exitCode}) before ${what}:\n${launcher.output()}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}:\n${launcher.output()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function stop(launcher: Launcher) {
  if (launcher.child.exitCode === null) launcher.child.kill("SIGTERM");
  await launcher.exited;
  rmSync(launcher.envDir, { recursive: true, force: true });
}

async function postgresReachable(): Promise<string | null> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return null;
  } catch (err) {
    return (err as Error).message;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const secrets = {
  NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
  ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  STRIPE_WEBHOOK_SECRET: `whsec_${randomBytes(24).toString("base64url")}`,
  STRIPE_CONNECT_WEBHOOK_SECRET: `whsec_${randomBytes(24).toString("base64url")}`,
  METRICS_TOKEN: randomBytes(24).toString("base64url"),
};

test("a half-configured production .env: the launcher exits 1 naming every missing variable, before migrating", async () => {
  test.setTimeout(60_000);
  const launcher = launch({
    APP_ENV: "production",
    APP_URL: "http://pay.example.com",
    STRIPE_SECRET_KEY: "sk_test_51Fake",
    PORT: String(PORT),
  });
  const code = await launcher.exited;
  const out = launcher.output();
  rmSync(launcher.envDir, { recursive: true, force: true });
  expect(code, out).toBe(1);
  expect(out).toContain("configuration: .env");
  for (const name of [
    "NEXTAUTH_SECRET",
    "ENCRYPTION_KEY",
    "DATABASE_URL",
    "STRIPE_PUBLISHABLE_KEY",
    "STRIPE_WEBHOOK_SECRET",
    "STRIPE_CONNECT_WEBHOOK_SECRET",
    "METRICS_TOKEN",
  ])
    expect(out).toContain(`- ${name}: is required when APP_ENV=production`);
  expect(out).toMatch(/- APP_URL: must be an https:\/\/ URL/);
  // Refused before deciding anything: no migration, no emulator, no server.
  expect(out).not.toMatch(/database:|migration|emulator|ready on/i);
});

test.describe("production configured only by .env", () => {
  let dbName = "";
  let launcher: Launcher | undefined;

  test.afterAll(async () => {
    if (launcher) await stop(launcher);
    if (dbName) {
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
      await admin.end();
    }
  });

  test("migrates that database, seeds no demo account, starts no emulator or simulator, verifies webhooks with the configured secret", async () => {
    test.setTimeout(240_000);
    const unreachable = await postgresReachable();
    test.skip(
      unreachable !== null,
      `PostgreSQL not reachable at ${new URL(adminUrl).host} (${unreachable}); set TEST_DATABASE_URL`,
    );
    // A production start serves a production build; a missing one is a failure, not a skip.
    expect(
      existsSync(path.join(root, distDir, "BUILD_ID")),
      `no production build in ${distDir}: run \`next build\` first (or set NEXT_DIST_DIR)`,
    ).toBe(true);

    dbName = `vitrine_prodstart_${randomBytes(5).toString("hex")}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${dbName}"`);
    await admin.end();
    const dbUrl = new URL(adminUrl);
    dbUrl.pathname = `/${dbName}`;

    launcher = launch({
      APP_ENV: "production",
      APP_URL: "https://pay.example.com",
      PORT: String(PORT),
      HOST: "127.0.0.1",
      DATABASE_URL: dbUrl.toString(),
      STRIPE_SECRET_KEY: "sk_test_51ProductionStartFakeKey",
      STRIPE_PUBLISHABLE_KEY: "pk_test_51ProductionStartFakeKey",
      SMTP_URL: "smtp://smtp.example.com:587",
      // If the launcher wrongly started them, they would listen here.
      STRIPE_EMULATOR_PORT: String(EMULATOR_PORT),
      PIX_SIMULATOR_PORT: String(PIX_PORT),
      MAIL_CATCHER_PORT: String(MAIL_PORT),
      // The fake key cannot reach Stripe: keep the recovery sync from trying.
      WEBHOOK_SYNC_ENABLED: "0",
      LOG_LEVEL: "warn",
      ...secrets,
    });
    const l = launcher;
    await waitFor("the app to be ready", () => l.output().includes("ready on https://pay.example.com"), l, 180_000);
    const out = l.output();

    // Migrations are recorded in the configured database.
    const db = new pg.Client({ connectionString: dbUrl.toString() });
    await db.connect();
    try {
      const migrations = readdirSync(path.join(root, "prisma/migrations"), { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort();
      const applied = await db.query<{ migration_name: string }>(
        `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
      );
      expect(applied.rows.map((r) => r.migration_name)).toEqual(migrations);
      // No demo data: no account at all until admin:create, but the plans an admin edits are there.
      expect((await db.query(`SELECT email FROM "User" WHERE email LIKE '%@vitrine.local'`)).rows).toEqual([]);
      expect(Number((await db.query(`SELECT count(*) FROM "User"`)).rows[0].count)).toBe(0);
      expect(Number((await db.query(`SELECT count(*) FROM "PlatformPlan"`)).rows[0].count)).toBeGreaterThan(0);

      // No emulator, no simulator: nothing on their ports, none among the launcher's processes.
      expect(await listening(EMULATOR_PORT)).toBe(false);
      expect(await listening(PIX_PORT)).toBe(false);
      expect(await listening(MAIL_PORT)).toBe(false);
      const processes = processesOf(l);
      expect(processes.length, out).toBeGreaterThan(0);
      expect(processes.filter((p) => /sandbox\//.test(p.cmd))).toEqual([]);
      expect(out).not.toMatch(/emulator on|PIX simulator:/);

      // The log names the configuration it used and never a secret or a demo password.
      expect(out).toContain("configuration: .env");
      expect(out).toContain("mode: production");
      for (const value of Object.values(secrets)) expect(out).not.toContain(value);
      expect(out).not.toMatch(/admin12345!|demo12345!|FIXED DEMO KEY/);
      expect(out).toContain("npm run admin:create");

      // The configured webhook secret verifies a Stripe-signed event; another secret does not.
      const event = {
        id: `evt_${randomBytes(12).toString("hex")}`,
        object: "event",
        api_version: "2025-01-27",
        created: Math.floor(Date.now() / 1000),
        livemode: false,
        pending_webhooks: 1,
        request: { id: null, idempotency_key: null },
        type: "customer.created",
        data: { object: { id: `cus_${randomBytes(7).toString("hex")}`, object: "customer" } },
      };
      const payload = JSON.stringify(event);
      const stripe = new Stripe("sk_test_signing_only");
      const post = (secret: string) =>
        fetch(`http://127.0.0.1:${PORT}/api/webhooks/stripe`, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "stripe-signature": stripe.webhooks.generateTestHeaderString({ payload, secret }),
          },
          body: payload,
        });
      const wrong = await post(`whsec_${randomBytes(24).toString("base64url")}`);
      expect(wrong.status).toBe(400);
      const signed = await post(secrets.STRIPE_WEBHOOK_SECRET);
      expect(signed.status, await signed.clone().text()).toBe(200);
      expect((await db.query(`SELECT id FROM "StripeEvent" WHERE id = $1`, [event.id])).rows).toHaveLength(1);
    } finally {
      await db.end();
    }

    // Stopping the launcher stops everything it started.
    await stop(l);
    launcher = undefined;
    await expect.poll(() => processesOf(l).map((p) => p.cmd), { timeout: 10_000 }).toEqual([]);
    expect(await listening(PORT)).toBe(false);
  });
});

test("an app that never becomes healthy: the launcher stops the app, the emulator and the PIX simulator and exits 1", async () => {
  test.setTimeout(180_000);
  expect(
    existsSync(path.join(root, distDir, "BUILD_ID")),
    `no production build in ${distDir}: run \`next build\` first (or set NEXT_DIST_DIR)`,
  ).toBe(true);
  const dataDir = mkdtempSync(path.join(tmpdir(), "vitrine-unhealthy-"));
  // The app listens on 127.0.0.2, the launcher's health check asks 127.0.0.1: it never answers.
  const launcher = launch(
    {
      PORT: String(PORT + 1),
      HOST: "127.0.0.2",
      PGLITE_DIR: path.join(dataDir, "pglite"),
      STRIPE_EMULATOR_PORT: String(EMULATOR_PORT),
      STRIPE_EMULATOR_SNAPSHOT: "",
      PIX_SIMULATOR_PORT: String(PIX_PORT),
      MAIL_CATCHER_PORT: String(MAIL_PORT),
      LOG_LEVEL: "warn",
    },
    ["--no-build", "--no-seed", "--health-timeout=25"],
  );
  try {
    // All three came up before the launcher gave up.
    await waitFor(
      "the emulator and the simulator",
      () =>
        /PIX simulator|emulator on/.test(launcher.output()) &&
        processesOf(launcher).some((p) => p.cmd.includes("sandbox/pix/cli.ts")),
      launcher,
      90_000,
    );
    await expect.poll(() => listening(PORT + 1, "127.0.0.2"), { timeout: 60_000 }).toBe(true);
    expect(await listening(EMULATOR_PORT)).toBe(true);
    const code = await launcher.exited;
    expect(code, launcher.output()).toBe(1);
    expect(launcher.output()).toContain("did not become healthy");
    expect(processesOf(launcher).map((p) => p.cmd)).toEqual([]);
    expect(await listening(EMULATOR_PORT)).toBe(false);
    expect(await listening(PIX_PORT)).toBe(false);
    expect(await listening(MAIL_PORT)).toBe(false);
    expect(await listening(PORT + 1, "127.0.0.2")).toBe(false);
  } finally {
    await stop(launcher);
    rmSync(dataDir, { recursive: true, force: true });
  }
});
