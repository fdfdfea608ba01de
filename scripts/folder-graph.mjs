#!/usr/bin/env node
// `npm run graph`: the import graph between lib/ folders, read from the code. Prints each folder's
// dependencies (with how many files import them), then the pairs that import each other (a
// knot: a rule with two homes). `--check` exits 1 when there is any such pair.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const lib = path.join(root, "lib");

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.(ts|tsx|mts)$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(p);
  }
  return out;
}

const folderOf = (file) => path.relative(lib, file).split(path.sep)[0];
const IMPORT_RE = /(?:^|\s)(?:import|export)\s[^'"]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

/** folder → (target folder → number of files importing it) */
const graph = new Map();
for (const file of walk(lib)) {
  const from = folderOf(file);
  if (from.includes(".")) continue;
  const targets = new Set();
  for (const m of readFileSync(file, "utf8").matchAll(IMPORT_RE)) {
    const spec = m[1] ?? m[2];
    let abs = null;
    if (spec.startsWith("@/lib/")) abs = path.join(lib, spec.slice("@/lib/".length));
    else if (spec.startsWith(".")) abs = path.resolve(path.dirname(file), spec);
    if (!abs || !abs.startsWith(lib + path.sep)) continue;
    const to = folderOf(abs);
    if (to !== from && !to.includes(".")) targets.add(to);
  }
  const row = graph.get(from) ?? new Map();
  for (const t of targets) row.set(t, (row.get(t) ?? 0) + 1);
  graph.set(from, row);
}

const knots = [];
for (const [a, row] of [...graph].sort()) {
  const deps = [...row].sort(([x], [y]) => x.localeCompare(y)).map(([t, n]) => `${t}(${n})`);
  console.log(`${a.padEnd(14)} → ${deps.join(" ") || "—"}`);
  for (const b of row.keys()) if (a < b && graph.get(b)?.has(a)) knots.push(`${a} <-> ${b}`);
}
console.log(
  knots.length ? `\nfolders importing each other:\n  ${knots.sort().join("\n  ")}` : "\nno folders import each other",
);
console.log(`${knots.length} mutual folder pairs`);
if (process.argv.includes("--check") && knots.length) process.exit(1);
