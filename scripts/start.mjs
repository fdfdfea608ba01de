#!/usr/bin/env node
// `npm start`: migrate, seed, build if needed, start the Stripe emulator (when no Stripe key is
// set) and the app. With no configuration it runs the seeded demo on embedded PostgreSQL (PGlite).
import { bin, buildIsStale, demoSecrets, log, root, run, startChild, waitForHttp } from "./lib.mjs";
import { migrate } from "./migrate.mjs";

const args = new Set(process.argv.slice(2));
const port = process.env.PORT ?? "3000";
const appUrl = process.env.APP_URL ?? `http://localhost:${port}`;
const useEmulator = !process.env.STRIPE_SECRET_KEY || process.env.STRIPE_EMULATOR === "1";
const emulatorPort = process.env.STRIPE_EMULATOR_PORT ?? "12111";
// Outside production, PIX gateways without their own base URL talk to the local simulator.
const usePixSimulator = !process.env.PIX_SIMULATOR_URL && process.env.APP_ENV !== "production";
const pixSimulatorPort = process.env.PIX_SIMULATOR_PORT ?? "12120";

if (useEmulator && process.env.APP_ENV === "production") {
  log("APP_ENV=production needs STRIPE_SECRET_KEY: the Stripe emulator is for demos and tests only.");
  process.exit(1);
}

const secrets = process.env.APP_ENV === "production" ? {} : demoSecrets();
const env = {
  ...process.env,
  ...Object.fromEntries(Object.entries(secrets).filter(([k]) => !process.env[k])),
  APP_URL: appUrl,
  NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? appUrl,
  NEXT_TELEMETRY_DISABLED: "1",
};
// The demo store and test receivers live on this machine: let callbacks reach localhost there.
if (process.env.APP_ENV !== "production") env.CALLBACK_ALLOWED_HOSTS ??= "localhost,127.0.0.1";
if (useEmulator) {
  env.STRIPE_EMULATOR = "1";
  env.STRIPE_EMULATOR_URL = process.env.STRIPE_EMULATOR_URL ?? `http://127.0.0.1:${emulatorPort}`;
  env.STRIPE_EMULATOR_PORT = emulatorPort;
  env.STRIPE_EMULATOR_WEBHOOK_URL ??= `${appUrl}/api/webhooks/stripe`;
  env.STRIPE_EMULATOR_CONNECT_WEBHOOK_URL ??= `${appUrl}/api/webhooks/stripe/connect`;
  env.STRIPE_EMULATOR_SNAPSHOT ??= `${root}/.data/stripe-emulator.json`;
}
if (usePixSimulator) {
  env.PIX_SIMULATOR_PORT = pixSimulatorPort;
  env.PIX_SIMULATOR_URL = `http://127.0.0.1:${pixSimulatorPort}`;
}

log(env.DATABASE_URL ? "database: PostgreSQL (DATABASE_URL)" : `database: embedded PostgreSQL (PGlite) in ${env.PGLITE_DIR ?? ".data/pglite"}`);
// Migrations and seed run before the server: PGlite allows one process per directory.
migrate(env);
if (!args.has("--no-seed")) run(bin("tsx"), ["--conditions=react-server", "prisma/seed.ts"], env);
if (args.has("--rebuild") || (!args.has("--no-build") && buildIsStale())) {
  log("building the app (first run or sources changed)…");
  run(bin("next"), ["build"], env);
}
if (useEmulator) {
  log(`Stripe: local emulator on ${env.STRIPE_EMULATOR_URL} (no STRIPE_SECRET_KEY set)`);
  startChild("stripe emulator", bin("tsx"), ["sandbox/stripe/cli.ts", "serve"], env);
  await waitForHttp(`${env.STRIPE_EMULATOR_URL}/v1/balance`, 30_000);
}
if (usePixSimulator) {
  startChild("pix simulator", bin("tsx"), ["sandbox/pix/cli.ts", "serve"], env);
  await waitForHttp(`${env.PIX_SIMULATOR_URL}/_sim/charges`, 30_000);
}
startChild("next", bin("next"), ["start", "-p", port, "-H", process.env.HOST ?? "0.0.0.0"], env);
await waitForHttp(`http://127.0.0.1:${port}/api/health`, 90_000);
log(`ready on ${appUrl}`);
if (usePixSimulator) log(`PIX simulator: ${env.PIX_SIMULATOR_URL}/ (mark charges paid, expired or refunded)`);
log("demo logins: admin@vitrine.local / admin12345!  ·  ana@vitrine.local / demo12345!  ·  bruno@vitrine.local / demo12345!");
