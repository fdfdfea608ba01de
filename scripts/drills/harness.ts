// Shared by every drill: a throwaway PostgreSQL database (migrated), the app's production build,
// `next start` instances through scripts/server.mjs with the job runner on, the Stripe emulator and
// a store receiver — all on loopback, every child killed and the database dropped on exit or Ctrl-C.
import "../bench/resolve";
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, openSync } from "node:fs";
import { createServer, type IncomingMessage, type Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";

export const root = path.resolve(__dirname, "..", "..");
const base = Number(process.env.DRILL_PORT_BASE ?? 3430);
/** Loopback ports: two app instances, the Stripe emulator, the PIX simulator, the store receiver. */
export const PORTS = { apps: [base, base + 1], emulator: base + 2, pix: base + 3, receiver: base + 4 } as const;
export const SECRETS = {
  platform: "whsec_drill_platform_secret",
  connect: "whsec_drill_connect_secret",
  internal: randomBytes(24).toString("hex"),
};

const children = new Set<ChildProcess>();
const cleanups: Array<() => Promise<void>> = [];

function killAll(signal: NodeJS.Signals) {
  for (const child of children) {
    try {
      if (child.pid) process.kill(-child.pid, signal);
    } catch {
      /* already gone */
    }
  }
}
let finishing = false;
/** Stops every child, runs the cleanups (drop the database), exits with `code`. */
export async function finish(code: number): Promise<never> {
  if (!finishing) {
    finishing = true;
    killAll("SIGTERM");
    await sleep(500);
    killAll("SIGKILL");
    // Each cleanup gets 10 s: a step stuck behind work still in flight must not keep the drill alive.
    for (const c of cleanups.reverse())
      await Promise.race([c(), sleep(10_000)]).catch((err) => console.error(`cleanup: ${String(err)}`));
  }
  process.exit(code);
}
process.on("SIGINT", () => void finish(130));
process.on("SIGTERM", () => void finish(143));
process.on("exit", () => killAll("SIGKILL"));

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function waitFor<T>(what: string, fn: () => Promise<T | null | false>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}`);
    await sleep(250);
  }
}

/**
 * A fresh database on DRILL_DATABASE_URL's server (default the local 127.0.0.1:5432), migrated
 * with the committed migrations, set as DATABASE_URL. Unreachable: prints a note and exits 0.
 */
export async function throwawayDatabase(drill: string): Promise<string> {
  const admin = process.env.DRILL_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const host = new URL(admin).hostname;
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host)) {
    console.log(`drill ${drill}: DRILL_DATABASE_URL must be on loopback (got ${host}); nothing was run.`);
    process.exit(0);
  }
  const client = new pg.Client({ connectionString: admin });
  try {
    await client.connect();
  } catch (err) {
    console.log(
      `drill ${drill}: PostgreSQL at ${new URL(admin).host} is not reachable (${(err as Error).message}); skipped.`,
    );
    process.exit(0);
  }
  const name = `vitrine_drill_${drill.replace(/\W/g, "_")}_${randomBytes(4).toString("hex")}`;
  await client.query(`CREATE DATABASE "${name}"`);
  cleanups.push(async () => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.end();
  });
  const url = Object.assign(new URL(admin), { pathname: `/${name}` }).toString();
  process.env.DATABASE_URL = url;
  const { getDatabase } = await import("../../lib/db/client");
  const { applyMigrations } = await import("../../lib/db/migrations");
  await applyMigrations(getDatabase().sql);
  cleanups.push(async () => {
    await getDatabase().prisma.$disconnect();
  });
  return url;
}

/** Redis for shared rate limits when one answers on 127.0.0.1:6379 (or DRILL_REDIS_URL). */
async function redisUrl(): Promise<string | undefined> {
  const url = process.env.DRILL_REDIS_URL ?? "redis://127.0.0.1:6379";
  const { port, hostname } = new URL(url);
  const net = await import("node:net");
  const up = await new Promise<boolean>((resolve) => {
    const s = net.connect(Number(port || 6379), hostname, () => {
      s.end();
      resolve(true);
    });
    s.on("error", () => resolve(false));
    s.setTimeout(1000, () => {
      s.destroy();
      resolve(false);
    });
  });
  return up ? url : undefined;
}

/** The environment shared by this process (seeding, checks) and the app instances. */
export async function drillEnv(extra: Record<string, string> = {}): Promise<Record<string, string>> {
  const env: Record<string, string> = {
    APP_ENV: "development",
    LOG_LEVEL: "warn",
    NEXT_TELEMETRY_DISABLED: "1",
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    // One key for this process and the instances: both encrypt and read the callback secrets.
    ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    STRIPE_EMULATOR: "1",
    STRIPE_EMULATOR_URL: `http://127.0.0.1:${PORTS.emulator}`,
    STRIPE_WEBHOOK_SECRET: SECRETS.platform,
    STRIPE_CONNECT_WEBHOOK_SECRET: SECRETS.connect,
    INTERNAL_API_TOKEN: SECRETS.internal,
    CALLBACK_ALLOWED_HOSTS: "127.0.0.1",
    RATE_LIMIT_WEBHOOK: "10000000/minute",
    RATE_LIMIT_CHECKOUT: "10000000/minute",
    // The drills run the recovery sync themselves; the 15-minute schedule would blur "lost".
    WEBHOOK_SYNC_ENABLED: "0",
    PIX_SIMULATOR_URL: `http://127.0.0.1:${PORTS.pix}`,
    ...extra,
  };
  const redis = await redisUrl();
  if (redis) env.REDIS_URL = redis;
  for (const k of ["STRIPE_SECRET_KEY", "STRIPE_PUBLISHABLE_KEY", "SMTP_URL"]) delete process.env[k];
  Object.assign(process.env, env);
  return env;
}

/** The production build the instances run: DRILL_NEXT_DIST_DIR if given, else .next-drill (built once). */
export function ensureBuild(): string {
  const dist = process.env.DRILL_NEXT_DIST_DIR ?? ".next-drill";
  if (existsSync(path.join(root, dist, "BUILD_ID"))) return dist;
  console.log(`drill: no build in ${dist}; running next build (a few minutes)…`);
  const res = spawnSync(path.join(root, "node_modules", ".bin", "next"), ["build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NEXT_DIST_DIR: dist, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (res.status !== 0) throw new Error("next build failed");
  return dist;
}

export type Instance = { name: string; url: string; port: number; child: ChildProcess; log: string };
const envDir = mkdtempSync(path.join(tmpdir(), "vitrine-drill-env-"));

/** One `next start` instance (scripts/server.mjs, job runner on) in its own process group. */
export async function startInstance(env: Record<string, string>, dist: string, index: number): Promise<Instance> {
  const port = PORTS.apps[index]!;
  const url = `http://127.0.0.1:${port}`;
  const log = path.join(tmpdir(), `vitrine-drill-app-${index}-${process.pid}.log`);
  const out = openSync(log, "a");
  const child = spawn(process.execPath, ["scripts/server.mjs", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    detached: true,
    stdio: ["ignore", out, out],
    env: {
      ...process.env,
      ...env,
      NEXT_DIST_DIR: dist,
      APP_URL: url,
      NEXTAUTH_URL: url,
      JOBS_ENABLED: "1",
      // Children read no .env file of the checkout: the drill's environment is the whole configuration.
      VITRINE_ENV_DIR: envDir,
      __NEXT_PROCESSED_ENV: "true",
    },
  });
  children.add(child);
  child.on("exit", () => children.delete(child));
  await waitFor(
    `instance ${index} health (log: ${log})`,
    async () => {
      if (child.exitCode !== null) throw new Error(`instance ${index} exited ${child.exitCode}; see ${log}`);
      const res = await fetch(`${url}/api/health/ready`).catch(() => null);
      return res?.status === 200;
    },
    120_000,
  );
  return { name: `app${index}`, url, port, child, log };
}

/** kill -9 of the instance's whole process group, as a host crash would. */
export function crash(instance: Instance) {
  if (instance.child.pid) process.kill(-instance.child.pid, "SIGKILL");
}

/** The Stripe emulator in this process, state in memory, delivering no webhooks itself. */
export async function startStripeEmulator() {
  const { startEmulator } = await import("../../sandbox/stripe/index");
  const emulator = await startEmulator({ port: PORTS.emulator, host: "127.0.0.1", log: () => {} });
  cleanups.push(() => emulator.close());
  const Stripe = (await import("stripe")).default;
  const stripe = new Stripe("sk_test_drill", {
    host: "127.0.0.1",
    port: PORTS.emulator,
    protocol: "http",
    maxNetworkRetries: 2,
  });
  return { emulator, stripe };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
  });
}

export type Receiver = {
  /** Base URL; endpoints are `${url}/<name>/`. */
  url: string;
  /** While true every delivery gets 503, as a store that is down. */
  down: boolean;
  /** Successful deliveries by `<endpoint>|<event id>`. */
  counts: Map<string, number>;
  refused: number;
  types: Map<string, string>;
};

/** A store's callback receiver: counts each (endpoint, event id) it accepted. */
export async function startReceiver(): Promise<Receiver> {
  const state: Receiver = {
    url: `http://127.0.0.1:${PORTS.receiver}`,
    down: false,
    counts: new Map(),
    refused: 0,
    types: new Map(),
  };
  const server: Server = createServer(async (req, res) => {
    const raw = await readBody(req);
    if (state.down) {
      state.refused++;
      res.writeHead(503).end("down");
      return;
    }
    const event = JSON.parse(raw) as { id: string; type: string };
    const key = `${(req.url ?? "/").split("/")[1]}|${event.id}`;
    state.counts.set(key, (state.counts.get(key) ?? 0) + 1);
    state.types.set(event.id, event.type);
    res.writeHead(200).end("ok");
  });
  await new Promise<void>((r) => server.listen(PORTS.receiver, "127.0.0.1", () => r()));
  cleanups.push(
    () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  );
  return state;
}

/** Runs `fn(i)` for i in [0, n) with `concurrency` workers. */
export async function runConcurrent(n: number, concurrency: number, fn: (i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, concurrency) }, async () => {
      for (;;) {
        const i = next++;
        if (i >= n) return;
        await fn(i);
      }
    }),
  );
}

export function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** `drill <name>: <figure>` and the exit code: 0 when every check held, 1 when one did not. */
export async function report(drill: string, started: number, figure: string, failures: string[]): Promise<never> {
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  for (const f of failures) console.error(`  FAILED: ${f}`);
  console.log(`drill ${drill}: ${figure.replace("{s}", `${seconds} s`)}${failures.length ? " — FAILED" : ""}`);
  return finish(failures.length ? 1 : 0);
}
