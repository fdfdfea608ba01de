// Every variable the code reads is declared in the one schema (lib/env/schema.ts) and documented in
// .env.example, and every declared variable is documented: a new `process.env.X` without both
// fails here.
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ClientEnv, ServerEnvShape } from "@/lib/env/schema";

const root = path.resolve(import.meta.dirname, "../..");
const SCANNED = ["app", "lib", "components", "prisma", "scripts", "instrumentation.ts"];
const SOURCE = /\.(ts|tsx|mts|mjs|js)$/;
const SKIP_DIRS = new Set(["node_modules", "generated", "migrations"]);

/**
 * Read by code but deliberately outside the schema: set by Node/Next.js themselves or only by the
 * test and benchmark tooling, never by an operator.
 */
const NOT_CONFIGURATION = new Set([
  "NODE_ENV", // Node/Next.js mode
  "NEXT_RUNTIME", // set by Next.js (nodejs | edge)
  "NEXT_PHASE", // set by Next.js during a build
  "NEXT_DIST_DIR", // build directory of a side-by-side build (next.config.ts, the test runner)
  "CHROMIUM_PATH", // browser for the e2e tests
  "TEST_DATABASE_URL", // the PostgreSQL the integration tests use
]);
const NOT_CONFIGURATION_PREFIXES = ["BENCH_", "DRILL_", "E2E_"]; // npm run bench, npm run drill, Playwright runs

function sourceFiles(p: string): string[] {
  const full = path.join(root, p);
  if (!statSync(full).isDirectory()) return SOURCE.test(p) ? [p] : [];
  return readdirSync(full).flatMap((entry) =>
    SKIP_DIRS.has(entry) || entry.startsWith(".") ? [] : sourceFiles(path.join(p, entry)),
  );
}

/** Every `process.env.X`, `process.env["X"]` and `{ X } = process.env` in the scanned code, with where it is read. */
function readsInCode(): Map<string, string[]> {
  const reads = new Map<string, string[]>();
  for (const file of SCANNED.flatMap(sourceFiles)) {
    if (/\.test\.tsx?$/.test(file)) continue;
    const text = readFileSync(path.join(root, file), "utf8");
    for (const m of text.matchAll(
      /process\.env(?:\.([A-Za-z_][A-Za-z0-9_]*)|\[\s*["'`]([A-Za-z_][A-Za-z0-9_]*)["'`]\s*\])/g,
    )) {
      const name = m[1] ?? m[2];
      reads.set(name, [...(reads.get(name) ?? []), file]);
    }
    // const { A, B: b, C = "x" } = process.env
    for (const m of text.matchAll(/\{([^{}]*)\}\s*=\s*process\.env\b/g)) {
      for (const part of m[1].split(",")) {
        const name = part.trim().split(/[\s:=]/)[0];
        if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) reads.set(name, [...(reads.get(name) ?? []), file]);
      }
    }
  }
  return reads;
}

function documented(): Set<string> {
  const text = readFileSync(path.join(root, ".env.example"), "utf8");
  return new Set([...text.matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]));
}

const declared = new Set([...Object.keys(ServerEnvShape), ...Object.keys(ClientEnv.shape)]);
const isConfiguration = (name: string) =>
  !NOT_CONFIGURATION.has(name) &&
  !NOT_CONFIGURATION_PREFIXES.some((p) => name.startsWith(p)) &&
  !name.startsWith("__NEXT");

describe("environment variables", () => {
  const reads = readsInCode();

  it("finds the reads it is meant to police (the scan itself works)", () => {
    expect(reads.get("NEXT_RUNTIME")).toContain("instrumentation.ts");
    expect(reads.has("APP_URL")).toBe(true);
    expect(reads.size).toBeGreaterThan(10);
  });

  it("declares every variable the code reads in lib/env/schema.ts", () => {
    const undeclared = [...reads]
      .filter(([name]) => isConfiguration(name) && !declared.has(name))
      .map(([name, files]) => `${name} (${[...new Set(files)].join(", ")})`);
    expect(undeclared, "add these to lib/env/schema.ts and .env.example").toEqual([]);
  });

  it("documents every variable the code reads in .env.example", () => {
    const docs = documented();
    const missing = [...reads.keys()].filter((name) => isConfiguration(name) && !docs.has(name));
    expect(missing, "add these to .env.example").toEqual([]);
  });

  it("documents every declared variable in .env.example", () => {
    const docs = documented();
    expect(
      [...declared].filter((name) => !docs.has(name)),
      "add these to .env.example",
    ).toEqual([]);
  });

  it("keeps the allow-list out of the schema", () => {
    expect([...NOT_CONFIGURATION].filter((name) => declared.has(name))).toEqual([]);
  });
});
