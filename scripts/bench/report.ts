// Figures as stable `key=value` lines (issue #19): one line per figure with its ratio to the bare
// baseline measured in the same run and the machine's load, appended to .data/bench-history.log;
// at the end the run is compared with the previous one in that file.
//   bench run=2026-12-05T21:40:00Z figure=stripe.handler.per_s value=690 ratio=0.61 base=1131 tx_per_op=0.74 stmts_per_op=0.80 load1=2.10 cores=2
// Round trips are counted in this process by wrapping node-postgres (every query a client sends,
// BEGIN and COMMIT included, is one statement; a transaction is a BEGIN…COMMIT or an autocommit
// statement), so the figures need no server statistics and do not depend on the load.
import { appendFileSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

const HISTORY = path.join(process.cwd(), ".data", "bench-history.log");
const RUN = new Date().toISOString().replace(/\.\d+Z$/, "Z");
const lines: string[] = [];

export type RoundTrips = { statements: number; transactions: number; planned: number };
const totals: RoundTrips = { statements: 0, transactions: 0, planned: 0 };

// Prisma model queries planned by the query compiler (wasm, on the event loop: ~1 ms of CPU each
// with engineType "client"); raw statements skip it. BENCH_ORM_TRACE=1 prints the most planned
// model.action pairs at the end.
const planned = new Map<string, number>();
const QUERY_COMPILER = "@prisma/client/runtime/query_compiler_bg.postgresql.mjs"; // the module the generated client loads
void import(QUERY_COMPILER).then((mod) => {
  const qc = (mod as unknown as { QueryCompiler: { prototype: { compile: (q: string) => unknown } } }).QueryCompiler;
  const compile = qc.prototype.compile;
  qc.prototype.compile = function (this: unknown, query: string) {
    totals.planned++;
    if (process.env.BENCH_ORM_TRACE) {
      const m = /"modelName":"(\w+)","action":"(\w+)"/.exec(query) ?? /"action":"(\w+)"/.exec(query);
      const key = m ? m.slice(1).join(".") : query.slice(0, 60);
      planned.set(key, (planned.get(key) ?? 0) + 1);
    }
    return compile.call(this, query);
  };
});

/** BENCH_ORM_TRACE=1: the model queries planned so far, most first. */
export function printPlannedQueries() {
  if (!process.env.BENCH_ORM_TRACE) return;
  for (const [key, n] of [...planned].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`  planned ${n}× ${key}`);
  planned.clear();
}
const inTx = new WeakSet<object>();

type QueryFn = (this: object, config: unknown, ...rest: unknown[]) => unknown;
const proto = pg.Client.prototype as unknown as { query: QueryFn };
const original = proto.query;
proto.query = function (this: object, config: unknown, ...rest: unknown[]) {
  const text = typeof config === "string" ? config : (config as { text?: unknown } | null)?.text;
  if (typeof text === "string") {
    totals.statements++;
    const head = text.trimStart().slice(0, 8).toUpperCase();
    if (head.startsWith("BEGIN") || head.startsWith("START")) {
      inTx.add(this);
      totals.transactions++;
    } else if (head.startsWith("COMMIT") || head.startsWith("ROLLBACK") || head.startsWith("END")) inTx.delete(this);
    else if (!inTx.has(this)) totals.transactions++;
  }
  return original.call(this, config, ...rest);
};

/**
 * Counts the PostgreSQL round trips of fn, the Prisma queries it had planned and this process's
 * CPU time (everything the bench runs in it: senders, route, simulator); returns them per operation.
 */
export async function countRoundTrips<T>(ops: number, fn: () => Promise<T>) {
  const before = { ...totals };
  const db0 = postgresCpuMs();
  const cpu = process.cpuUsage();
  const out = await fn();
  const used = process.cpuUsage(cpu);
  const db1 = postgresCpuMs();
  return {
    dbCpuMsPerOp: db0 !== null && db1 !== null ? (db1 - db0) / ops : null,
    out,
    txPerOp: (totals.transactions - before.transactions) / ops,
    stmtsPerOp: (totals.statements - before.statements) / ops,
    plannedPerOp: (totals.planned - before.planned) / ops,
    cpuMsPerOp: (used.user + used.system) / 1000 / ops,
  };
}

/**
 * CPU time (ms) of every local PostgreSQL server process so far, from /proc (Linux, server on this
 * machine); null elsewhere. The bench's database shares the machine's cores with the app. A backend
 * that exits between two readings takes its CPU with it, so the figure suits a run on a kept pool
 * (as the bench's is), not one that opens a connection per operation.
 */
export function postgresCpuMs(): number | null {
  try {
    const tick = 100; // USER_HZ on Linux
    let total = 0;
    let seen = 0;
    for (const pid of readdirSync("/proc")) {
      if (!/^\d+$/.test(pid)) continue;
      let stat: string;
      try {
        stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      } catch {
        continue;
      }
      const name = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      if (!name.startsWith("postgres")) continue;
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      total += (Number(fields[11]) + Number(fields[12])) * (1000 / tick);
      seen++;
    }
    return seen > 0 ? total : null;
  } catch {
    return null;
  }
}

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(n >= 100 ? 0 : 2));

/**
 * Prints and keeps one figure. `base`: the bare baseline's value for the same quantity in this run
 * (ratio = value / base); extra fields (p99_ms, tx_per_op …) follow in the order given.
 */
export function figure(
  key: string,
  value: number,
  opts: { base?: number; extra?: Record<string, number | string> } = {},
) {
  const fields: Record<string, string> = { value: fmt(value) };
  if (opts.base !== undefined && opts.base > 0) {
    fields.ratio = (value / opts.base).toFixed(2);
    fields.base = fmt(opts.base);
  }
  for (const [k, v] of Object.entries(opts.extra ?? {})) fields[k] = typeof v === "number" ? fmt(v) : v;
  fields.load1 = os.loadavg()[0]!.toFixed(2);
  fields.cores = String(os.availableParallelism());
  const line = `bench run=${RUN} figure=${key} ${Object.entries(fields)
    .map(([k, v]) => `${k}=${v}`)
    .join(" ")}`;
  lines.push(line);
  console.log(`  ${line}`);
}

function parse(line: string): Record<string, string> {
  return Object.fromEntries(
    line
      .split(" ")
      .slice(1)
      .map((kv) => kv.split("=", 2) as [string, string]),
  );
}

/**
 * Appends this run's figures to the history and prints each one's change since its last value
 * there (runs with BENCH_ONLY leave other figures alone, so "last" is per figure, not per run).
 */
export function finishReport() {
  if (lines.length === 0) return;
  const before = new Map<string, Record<string, string>>();
  try {
    for (const line of readFileSync(HISTORY, "utf8").split("\n")) {
      if (!line.startsWith("bench ")) continue;
      const f = parse(line);
      if (f.figure) before.set(f.figure, f);
    }
  } catch {
    // no history yet
  }
  mkdirSync(path.dirname(HISTORY), { recursive: true });
  appendFileSync(HISTORY, `${lines.join("\n")}\n`);
  console.log(`\n${lines.length} figures appended to ${path.relative(process.cwd(), HISTORY)}`);
  const now = lines.map(parse).filter((f) => before.has(f.figure!));
  if (now.length === 0) return;
  console.log(`Change since each figure's previous run (load1 now ${os.loadavg()[0]!.toFixed(2)}):`);
  for (const f of now) {
    const was = before.get(f.figure!)!;
    const a = Number(was.value);
    const b = Number(f.value);
    const pctChange = a === 0 ? "" : ` (${b >= a ? "+" : ""}${(((b - a) / a) * 100).toFixed(0)} %)`;
    const ratio = was.ratio && f.ratio ? `   ratio ${was.ratio} → ${f.ratio}` : "";
    console.log(
      `  delta figure=${f.figure} ${was.value} → ${f.value}${pctChange}${ratio}   (previous run=${was.run} load1=${was.load1})`,
    );
  }
}
