// No float arithmetic on money (docs/money.md). Money is integer minor units; the only code that
// converts to or from major units is lib/money, with string and BigInt maths. This test reads the
// source of app/, lib/, components/ and sandbox/pix and fails on the shapes float money takes:
// `x / 100` or `x * 100` (a hard-coded two-decimal currency), `10 ** digits`, `toFixed(`,
// `parseFloat(`, a money value times a decimal literal, Math.round/floor/ceil/trunc on a line about
// money, and Intl currency formatting outside formatMoney. A legitimate line goes in ALLOWED with
// its reason; an ALLOWED entry that no longer matches anything fails too, so the list stays short.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SCANNED = ["app", "lib", "components", "sandbox/pix"];
const SKIP_DIRS = new Set(["node_modules", ".next", "generated"]);
const MONEY_HOME = "lib/money/";

const MONEY_WORD = String.raw`\w*(?:amount|centavos|cents|minor|price|total|fee|value|reais|balance|refundable)\w*`;

const RULES: Array<{ name: string; re: RegExp }> = [
  { name: "divides or multiplies by 100", re: /[/*]\s*100\b(?!\s*\*)/ },
  { name: "computes a major unit (10 ** digits)", re: /\b10\s*\*\*/ },
  { name: "toFixed on a number", re: /\.toFixed\(/ },
  { name: "parseFloat", re: /\bparseFloat\(/ },
  {
    name: "money times a decimal literal",
    re: new RegExp(String.raw`\b${MONEY_WORD}\b[\w.\])]*\s*[*/]\s*\d*\.\d`, "i"),
  },
  {
    name: "rounds a money value",
    re: new RegExp(String.raw`Math\.(?:round|floor|ceil|trunc)\([^;]*\b${MONEY_WORD}\b`, "i"),
  },
  { name: "formats currency by hand (use formatMoney)", re: /style:\s*["']currency["']/ },
];

/**
 * Lines that match a rule and are not money, each with why. `file` is the path from the repository
 * root; `line` is a piece of the offending line, enough to name it.
 */
const ALLOWED: Array<{ file: string; line: string; why: string }> = [
  {
    file: "lib/checkout/installments.ts",
    line: "Math.floor(total / count)",
    why: "integer minor units split into installments, rounded down (the issuer adds the leftover cents to the first)",
  },
  {
    file: "components/credits/credit-uses.tsx",
    line: 'style: "currency",',
    why: "a price per credit can be a fraction of a minor unit (up to 4 decimals), which formatMoney cannot show",
  },
  {
    file: "lib/checkout/fees.ts",
    line: "rate.percentBps / 100",
    why: "basis points to Stripe's application_fee_percent (a rate, not an amount)",
  },
  {
    file: "lib/billing/fee-rate.ts",
    line: "Number(m[1]) * 100",
    why: "a configured percentage to basis points, on integers (a rate, not an amount)",
  },
];

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (SKIP_DIRS.has(name)) continue;
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.(ts|tsx|mts|mjs|js)$/.test(name) && !/\.test\.tsx?$/.test(name) && !name.endsWith(".d.ts")) out.push(p);
  }
  return out;
}

type Finding = { file: string; lineNo: number; text: string; rule: string };

/** Every float-money shape in one file's source (full-line comments are skipped: they may explain the bug). */
function floatMoneyFindings(file: string, source: string): Finding[] {
  if (file.startsWith(MONEY_HOME)) return [];
  const found: Finding[] = [];
  source.split("\n").forEach((text, i) => {
    const trimmed = text.trim();
    if (trimmed.startsWith("//") || trimmed.startsWith("*") || trimmed.startsWith("/*")) return;
    for (const rule of RULES)
      if (rule.re.test(text)) found.push({ file, lineNo: i + 1, text: trimmed, rule: rule.name });
  });
  return found;
}

const isAllowed = (f: Finding) => ALLOWED.some((a) => a.file === f.file && f.text.includes(a.line));

function scanTree(): Finding[] {
  const files = SCANNED.flatMap((dir) => walk(path.join(ROOT, dir)));
  return files.flatMap((abs) =>
    floatMoneyFindings(path.relative(ROOT, abs).split(path.sep).join("/"), readFileSync(abs, "utf8")),
  );
}

describe("no float arithmetic on money", () => {
  it("catches the shapes float money takes, and leaves timers and rates alone", () => {
    const flagged = (line: string, file = "components/pix/types.ts") => floatMoneyFindings(file, line).length > 0;
    expect(flagged("  const s = (centavos / 100).toFixed(2);")).toBe(true);
    expect(flagged("  const reais = amountCentavos / 100;")).toBe(true);
    expect(flagged("  return Math.round(price * 100);")).toBe(true);
    expect(flagged("  Math.floor((amountCentavos * percentage) / 100);")).toBe(true);
    expect(flagged("  const fee = amount * 0.025;")).toBe(true);
    expect(flagged("  const perMajor = 10 ** minorUnitDigits(currency);")).toBe(true);
    expect(flagged('  const v = parseFloat(form.get("amount"));')).toBe(true);
    expect(flagged("  const share = Math.floor(total * ratio);")).toBe(true);
    expect(flagged('  new Intl.NumberFormat(locale, { style: "currency", currency }).format(x)')).toBe(true);
    expect(flagged("  durationMs: Math.round(performance.now() - started),")).toBe(false);
    expect(flagged("  const seconds = Math.ceil(ms / 1000);")).toBe(false);
    expect(flagged("  // why: (centavos / 100).toFixed(2) drifts")).toBe(false);
    expect(flagged("  const s = (centavos / 100).toFixed(2);", "lib/money/format.ts")).toBe(false);
  });

  it("finds none in app/, lib/, components/ and sandbox/pix outside lib/money", () => {
    const findings = scanTree();
    const offending = findings.filter((f) => !isAllowed(f)).map((f) => `${f.file}:${f.lineNo} ${f.rule}: ${f.text}`);
    expect(offending, "convert with lib/money (docs/money.md), or add the line to ALLOWED with why").toEqual([]);
    const stale = ALLOWED.filter((a) => !findings.some((f) => f.file === a.file && f.text.includes(a.line)));
    expect(stale, "ALLOWED entries that match nothing any more: remove them").toEqual([]);
  });
});
