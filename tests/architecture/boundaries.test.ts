// Import boundaries (CONTRIBUTING.md "Boundaries"), read from the code so they hold in every test
// run whatever the editor or linter says:
// - app/ and components/ never import the database (lib/db) or the generated Prisma client: a page
//   or route calls a lib/<domain> function that takes the store id. Type-only imports are refused
//   too — an enum a page needs is re-exported by the domain that owns it, so the schema stays
//   behind lib/.
// - Only tests/, e2e/, scripts/ and sandbox/ itself import sandbox/ (the stand-ins for Stripe and
//   the PIX gateways). The app reaches them over HTTP through the one client switch
//   (lib/stripe/client.ts for Stripe, PIX_SIMULATOR_URL for the gateways), never by import.
// - lib/ imports next/* only at the edge: lib/http (route wrappers), lib/auth (session, NextAuth
//   route), lib/i18n (cookies and headers for the locale). Everything else stays framework-free.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SKIP = new Set(["node_modules", ".next", ".data", "generated", "test-results", "playwright-report", ".git"]);

/** Named exceptions, each with its reason. */
const SANDBOX_IMPORTERS_ALLOWED: Record<string, string> = {
  // The demo seed (run by the launcher, never in production) gives the demo stores gateways with
  // the simulator's credentials and starts the simulator when none is running.
  "prisma/seed.ts": "demo seed run by the launcher",
};
const NEXT_IN_LIB_ALLOWED = ["lib/http/", "lib/auth/", "lib/i18n/"];

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (SKIP.has(name) || name.startsWith(".next")) continue;
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.(ts|tsx|mts|mjs|js|cjs)$/.test(name) && !name.endsWith(".d.ts")) out.push(p);
  }
  return out;
}

const IMPORT_RE =
  /(?:^|[\s;])(?:import|export)\s(?:type\s)?[^'"]*?from\s*["']([^"']+)["']|(?:^|[\s;])import\s*["']([^"']+)["']|(?:import|require)\(\s*["']([^"']+)["']\s*\)/g;

/** Import specifiers of a source text, resolved to repository paths where they point into it. */
function importsOf(file: string, text: string): Array<{ spec: string; target: string | null }> {
  const out: Array<{ spec: string; target: string | null }> = [];
  for (const m of text.matchAll(IMPORT_RE)) {
    const spec = (m[1] ?? m[2] ?? m[3])!;
    let target: string | null = null;
    if (spec.startsWith("@/")) target = spec.slice(2);
    else if (spec.startsWith(".")) target = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
    out.push({ spec, target });
  }
  return out;
}

/** Every boundary broken by one file (path relative to the repository, with forward slashes). */
function violations(file: string, text: string): string[] {
  const found: string[] = [];
  const under = (dir: string) => file.startsWith(`${dir}/`);
  for (const { spec, target } of importsOf(file, text)) {
    if ((under("app") || under("components")) && target && /^(lib\/db|generated)(\/|$)/.test(target))
      found.push(`${file}: imports ${spec} (the database belongs behind lib/<domain>)`);
    if (
      target &&
      /^sandbox(\/|$)/.test(target) &&
      !["tests", "e2e", "scripts", "sandbox"].some(under) &&
      !(file in SANDBOX_IMPORTERS_ALLOWED)
    )
      found.push(`${file}: imports ${spec} (only tests, e2e, scripts and the seed use sandbox/)`);
    if (
      under("lib") &&
      (spec === "next" || spec.startsWith("next/")) &&
      !NEXT_IN_LIB_ALLOWED.some((d) => file.startsWith(d))
    )
      found.push(`${file}: imports ${spec} (next/* belongs to lib/http, lib/auth, lib/i18n)`);
  }
  return found;
}

describe("import boundaries", () => {
  it("hold across the tree", () => {
    const files = walk(ROOT).map((abs) => path.relative(ROOT, abs).split(path.sep).join("/"));
    expect(files.length).toBeGreaterThan(300);
    const found = files.flatMap((f) => violations(f, readFileSync(path.join(ROOT, f), "utf8")));
    expect(found).toEqual([]);
  });

  it("catch each kind of breach (the rules can fail)", () => {
    expect(violations("app/x/page.tsx", 'import { prisma } from "@/lib/db/client";')).toHaveLength(1);
    expect(violations("app/x/route.ts", 'import type { OrderStatus } from "@/generated/prisma/client";')).toHaveLength(
      1,
    );
    expect(violations("app/api/x/route.ts", 'const m = await import("../../../lib/db/client");')).toHaveLength(1);
    expect(violations("components/x/y.tsx", 'import { Prisma } from "@/generated/prisma/client";')).toHaveLength(1);
    expect(violations("lib/pix/x.ts", 'import { state } from "@/sandbox/pix/src/state";')).toHaveLength(1);
    expect(violations("app/page.tsx", 'import "../sandbox/stripe/server";')).toHaveLength(1);
    expect(violations("lib/pix/x.ts", 'import { headers } from "next/headers";')).toHaveLength(1);
    expect(violations("lib/checkout/x.ts", 'export { NextResponse } from "next/server";')).toHaveLength(1);
    // Allowed: the edge folders, tests, scripts, the seed, and lib/ itself using the database.
    expect(violations("lib/http/x.ts", 'import { NextResponse } from "next/server";')).toEqual([]);
    expect(violations("lib/catalog/x.ts", 'import { prisma } from "@/lib/db/client";')).toEqual([]);
    expect(violations("tests/pix/x.test.ts", 'import { state } from "@/sandbox/pix/src/state";')).toEqual([]);
    expect(violations("prisma/seed.ts", 'import { x } from "@/sandbox/pix/seed-support";')).toEqual([]);
    expect(violations("app/x/page.tsx", 'import Link from "next/link";')).toEqual([]);
  });
});
