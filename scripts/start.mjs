#!/usr/bin/env node
// `npm start`: load the configuration (.env files, the process environment winning), refuse a
// half-configured production, migrate the database the app will use, seed, build if needed, start
// the Stripe emulator, the PIX simulator and the mail catcher (demo only) and the app. With no
// configuration it runs the seeded demo on embedded PostgreSQL (PGlite). Options: --no-seed,
// --no-build, --rebuild, --dev (Next's development server, no build; refused in production), --health-timeout=<seconds> (how long the app may take to answer
// /api/health; default 90).
import {
  bin,
  buildIsStale,
  demoSecrets,
  loadConfig,
  log,
  root,
  run,
  shutdown,
  startChild,
  waitForHttp,
} from "./lib.mjs";
import { migrate } from "./migrate.mjs";

const args = new Set(process.argv.slice(2));
const healthTimeoutSeconds = Number(process.argv.find((a) => a.startsWith("--health-timeout="))?.split("=")[1] ?? 90);
// Before anything is decided: .env files are applied to process.env and everything is validated
// (in production: every required variable, all named at once; see docs/operations.md).
const { config, envDir } = await loadConfig();
const production = config.APP_ENV === "production";
const port = String(config.PORT);
const appUrl = process.env.APP_URL || `http://localhost:${port}`;
// A configured key means real Stripe; STRIPE_EMULATOR=1 forces the emulator (refused in production).
const useEmulator = !production && (!config.STRIPE_SECRET_KEY || config.STRIPE_EMULATOR);
const emulatorPort = String(config.STRIPE_EMULATOR_PORT);
// Outside production, PIX gateways without their own base URL talk to the local simulator.
const usePixSimulator = !production && !config.PIX_SIMULATOR_URL;
const pixSimulatorPort = String(config.PIX_SIMULATOR_PORT);
// Outside production, mail goes to the local catcher unless SMTP_URL names a server: its page shows what was sent.
const useMailCatcher = !production && !config.SMTP_URL;
const mailCatcherPort = config.MAIL_CATCHER_PORT;

// Demo secrets fill only what is not configured (a .env value counts as configured); never in production.
const secrets = production ? {} : demoSecrets();
const env = {
  ...process.env,
  ...Object.fromEntries(Object.entries(secrets).filter(([k]) => !process.env[k])),
  APP_URL: appUrl,
  NEXTAUTH_URL: process.env.NEXTAUTH_URL || appUrl,
  NEXT_TELEMETRY_DISABLED: "1",
  // Children take this environment as it is: Next.js and lib/env/load.ts read no .env file again.
  __NEXT_PROCESSED_ENV: "true",
  VITRINE_ENV_DIR: envDir,
};
// The demo store and test receivers live on this machine: let callbacks reach localhost there.
if (!production) env.CALLBACK_ALLOWED_HOSTS ||= "localhost,127.0.0.1";
if (useEmulator) {
  env.STRIPE_EMULATOR = "1";
  env.STRIPE_EMULATOR_URL = process.env.STRIPE_EMULATOR_URL || `http://127.0.0.1:${emulatorPort}`;
  env.STRIPE_EMULATOR_PORT = emulatorPort;
  env.STRIPE_EMULATOR_WEBHOOK_URL ||= `${appUrl}/api/webhooks/stripe`;
  env.STRIPE_EMULATOR_CONNECT_WEBHOOK_URL ||= `${appUrl}/api/webhooks/stripe/connect`;
  env.STRIPE_EMULATOR_SNAPSHOT ??= `${root}/.data/stripe-emulator.json`;
}
if (usePixSimulator) {
  env.PIX_SIMULATOR_PORT = pixSimulatorPort;
  env.PIX_SIMULATOR_URL = `http://127.0.0.1:${pixSimulatorPort}`;
  // The platform's own gateway for its BRL invoices is the simulator's PushinPay in the demo (docs/invoices.md).
  if (!env.PLATFORM_PIX_GATEWAY) {
    env.PLATFORM_PIX_GATEWAY = "pushinpay";
    env.PLATFORM_PIX_GATEWAY_CREDENTIALS = JSON.stringify({ token: "sim_pushinpay_token_0001" });
    env.PLATFORM_PIX_WEBHOOK_TOKEN ||= "demo_platform_pix_webhook_0001";
  }
}
if (useMailCatcher) {
  env.MAIL_CATCHER_PORT = String(mailCatcherPort);
  env.SMTP_URL = `smtp://127.0.0.1:${mailCatcherPort}`;
}

log(`mode: ${production ? "production" : `${config.APP_ENV} (demo)`}`);
log(
  env.DATABASE_URL
    ? `database: PostgreSQL (DATABASE_URL, ${redactUrl(env.DATABASE_URL)})`
    : `database: embedded PostgreSQL (PGlite) in ${env.PGLITE_DIR || ".data/pglite"}`,
);
// Migrations and seed run before the server, on the same database: PGlite allows one process per directory.
migrate(env);
if (!args.has("--no-seed")) run(bin("tsx"), ["--conditions=react-server", "prisma/seed.ts"], env);
const dev = args.has("--dev");
if (dev && production) {
  log("--dev is refused in production");
  process.exit(1);
}
if (!dev && (args.has("--rebuild") || (!args.has("--no-build") && buildIsStale()))) {
  log("building the app (first run or sources changed)…");
  run(bin("next"), ["build"], env);
}

try {
  if (useEmulator) {
    log(
      `Stripe: local emulator on ${env.STRIPE_EMULATOR_URL} (${config.STRIPE_SECRET_KEY ? "STRIPE_EMULATOR=1" : "no STRIPE_SECRET_KEY set"})`,
    );
    startChild("stripe emulator", bin("tsx"), ["sandbox/stripe/cli.ts", "serve"], env);
    await waitForHttp(`${env.STRIPE_EMULATOR_URL}/v1/balance`, 30_000);
  } else {
    log(`Stripe: ${config.STRIPE_SECRET_KEY?.slice(0, 8)}… (no emulator)`);
  }
  if (usePixSimulator) {
    startChild("pix simulator", bin("tsx"), ["sandbox/pix/cli.ts", "serve"], env);
    await waitForHttp(`${env.PIX_SIMULATOR_URL}/_sim/charges`, 30_000);
  }
  if (useMailCatcher) {
    // Caught mail is kept beside the embedded database, so each demo (and each e2e run) has its own.
    const pgliteDir = env.PGLITE_DIR || ".data/pglite";
    const file = pgliteDir.startsWith("memory://") ? [] : ["--file", `${pgliteDir.replace(/\/+$/, "")}-mail.jsonl`];
    startChild("mail catcher", bin("tsx"), ["sandbox/mail/cli.ts", "serve", ...file], env);
    await waitForHttp(`http://127.0.0.1:${mailCatcherPort + 1}/_mail/stats`, 30_000);
  }
  // ── The app server: the one place the app is spawned. ──
  startChild(
    "next",
    process.execPath,
    ["scripts/server.mjs", "-p", port, "-H", config.HOST, ...(dev ? ["--dev"] : [])],
    env,
  );
  await waitForHttp(`http://127.0.0.1:${port}/api/health`, healthTimeoutSeconds * 1000);
} catch (err) {
  log(`the app did not become healthy: ${err instanceof Error ? err.message : err}; stopping everything`);
  await shutdown(1);
}

log(`ready on ${appUrl}`);
if (usePixSimulator) log(`PIX simulator: ${env.PIX_SIMULATOR_URL}/ (mark charges paid, expired or refunded)`);
if (useMailCatcher) log(`mail catcher: http://127.0.0.1:${mailCatcherPort + 1}/ (every email the app sends)`);
if (production)
  log(
    'production: no demo data; create the first admin with `npm run admin:create -- --email you@example.com --name "Your Name"` (docs/operations.md)',
  );
else
  log(
    "demo logins: admin@vitrine.local / admin12345!  ·  ana@vitrine.local / demo12345!  ·  bruno@vitrine.local / demo12345!",
  );

/** postgresql://user:secret@host/db → postgresql://user:***@host/db */
function redactUrl(url) {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(unparseable URL)";
  }
}
