#!/usr/bin/env node
// `npm test`: type check, unit + integration tests on embedded PostgreSQL (PGlite), the same
// integration tests on a real PostgreSQL when one is reachable, then the Playwright browser tests
// against a production build. Ends with one line: "N passed, N failed".
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { bin, buildIsStale, log, root } from "./lib.mjs";

const args = new Set(process.argv.slice(2));
const outDir = path.join(root, "test-results");
mkdirSync(outDir, { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];

function step(name, cmd, argv, env = {}) {
  log(`── ${name}`);
  const res = spawnSync(cmd, argv, {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
  });
  if (res.status !== 0) failures.push(name);
  return res.status === 0;
}

function countVitest(file) {
  if (!existsSync(file)) return failures.push(`${file} missing`);
  const r = JSON.parse(readFileSync(file, "utf8"));
  totals.passed += r.numPassedTests;
  totals.failed += r.numFailedTests;
  totals.skipped += r.numPendingTests + (r.numTodoTests ?? 0);
}

function countPlaywright(file) {
  if (!existsSync(file)) return failures.push(`${file} missing`);
  const r = JSON.parse(readFileSync(file, "utf8"));
  totals.passed += r.stats.expected + (r.stats.flaky ?? 0);
  totals.failed += r.stats.unexpected;
  totals.skipped += r.stats.skipped;
}

async function postgresUrl() {
  const url = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return url;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * The browser tests need Debian's Chromium (Playwright's own download cannot work offline). Check
 * before spending ten minutes on the other steps: install it when we can (root with apt, as
 * .ci/run does), else stop at once naming the command.
 */
function ensureChromium() {
  const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (existsSync(chromium)) return;
  const isRoot = process.getuid?.() === 0;
  const hasApt = spawnSync("sh", ["-c", "command -v apt-get"], { stdio: "ignore" }).status === 0;
  if (isRoot && hasApt && !process.env.CHROMIUM_PATH) {
    log("Chromium is missing: installing Debian's chromium with apt-get (about a minute)…");
    const quiet = {
      cwd: root,
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    };
    const ok =
      spawnSync("apt-get", ["update", "-qq"], quiet).status === 0 &&
      spawnSync("apt-get", ["install", "-y", "-qq", "chromium"], quiet).status === 0;
    if (ok && existsSync(chromium)) return log("Chromium installed");
  }
  console.error(
    `The browser tests need Chromium at ${chromium}: run \`sudo apt-get install -y chromium\` (or set CHROMIUM_PATH), or skip them with \`node scripts/test-all.mjs --no-e2e\`.`,
  );
  process.exit(1);
}

if (!args.has("--no-e2e")) ensureChromium();
// First and fast: format and lint (Biome), including the import boundaries in biome.json.
if (!args.has("--no-lint"))
  step("lint (Biome: format + rules + import boundaries)", bin("biome"), ["check", ".", "--error-on-warnings"]);
if (!args.has("--no-typecheck")) step("type check", bin("tsc"), ["--noEmit"]);

const embeddedJson = path.join(outDir, "vitest-embedded.json");
rmSync(embeddedJson, { force: true });
step(
  "unit + integration tests (embedded PostgreSQL / PGlite)",
  bin("vitest"),
  ["run", "--reporter=default", "--reporter=json", `--outputFile=${embeddedJson}`],
  { TEST_DATABASE_URL: "" },
);
countVitest(embeddedJson);

const pgUrl = await postgresUrl();
if (pgUrl) {
  const pgJson = path.join(outDir, "vitest-postgres.json");
  rmSync(pgJson, { force: true });
  step(
    `integration tests on PostgreSQL (${new URL(pgUrl).host}, throwaway database per file)`,
    bin("vitest"),
    ["run", "tests", "--reporter=default", "--reporter=json", `--outputFile=${pgJson}`],
    { TEST_DATABASE_URL: pgUrl },
  );
  countVitest(pgJson);
} else {
  log("PostgreSQL not reachable (set TEST_DATABASE_URL to run the integration tests on it) — skipped");
}

if (!args.has("--no-e2e")) {
  if (buildIsStale()) step("next build", bin("next"), ["build"]);
  const e2eJson = path.join(outDir, "playwright.json");
  rmSync(e2eJson, { force: true });
  step("browser tests (Playwright, Chromium)", bin("playwright"), ["test"], { PLAYWRIGHT_JSON_OUTPUT_NAME: e2eJson });
  countPlaywright(e2eJson);
}

log(failures.length ? `failed steps: ${failures.join(", ")}` : "all steps succeeded");
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failures.length || totals.failed ? 1 : 0);
