// Shared helpers for the run and test scripts (plain Node, no dependencies).
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
export const bin = (name) => path.join(root, "node_modules", ".bin", name);

export function log(msg) {
  process.stdout.write(`\x1b[36m[vitrine]\x1b[0m ${msg}\n`);
}

/** Runs a command to completion, inheriting output; exits the process on failure. */
export function run(cmd, args, env = process.env) {
  const res = spawnSync(cmd, args, { cwd: root, env, stdio: "inherit" });
  if (res.status !== 0) {
    log(`${path.basename(cmd)} ${args.join(" ")} failed (exit ${res.status ?? res.signal})`);
    process.exit(res.status ?? 1);
  }
}

/** Secrets for the keyless demo, generated once and kept under .data/ so sessions survive restarts. */
export function demoSecrets() {
  const file = path.join(root, ".data", "demo-secrets.json");
  mkdirSync(path.dirname(file), { recursive: true });
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8"));
  const secrets = {
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    STRIPE_WEBHOOK_SECRET: `whsec_${randomBytes(24).toString("base64url")}`,
    STRIPE_CONNECT_WEBHOOK_SECRET: `whsec_${randomBytes(24).toString("base64url")}`,
    METRICS_TOKEN: randomBytes(24).toString("base64url"),
  };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

const SOURCE_DIRS = ["app", "components", "lib", "public", "generated"];
const SOURCE_FILES = ["next.config.ts", "package.json", "postcss.config.mjs", "tsconfig.json", "instrumentation.ts"];

function newestMtime(p) {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

/** True when there is no production build or a source file changed after it. */
export function buildIsStale() {
  const buildId = path.join(root, process.env.NEXT_DIST_DIR || ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  return [...SOURCE_DIRS, ...SOURCE_FILES].some((p) => newestMtime(path.join(root, p)) > built);
}

/**
 * Starts a long-running child. If it exits while the launcher is not shutting down, everything
 * stops. Children stay in the launcher's process group, so a supervisor that kills the group
 * (Playwright, systemd) takes them too; shutdown() also stops what they spawned (next-server).
 */
export function startChild(name, cmd, args, env) {
  watchParent();
  const child = spawn(cmd, args, { cwd: root, env, stdio: "inherit" });
  child.on("exit", (code, signal) => {
    if (!shuttingDown) {
      log(`${name} exited (${code ?? signal}); stopping`);
      void shutdown(code || 1);
    }
  });
  children.push(child);
  return child;
}

const children = [];
let shuttingDown = false;

// `kill <npm pid>` ends npm without passing the signal on, leaving the launcher re-parented: a
// launcher whose parent is gone stops its children instead of running on unsupervised.
const initialParent = process.ppid;
let watchingParent = false;
function watchParent() {
  if (watchingParent) return;
  watchingParent = true;
  setInterval(() => {
    if (process.ppid === initialParent) return;
    log("the parent process exited; stopping");
    void shutdown(0);
  }, 1_000).unref();
}

/** Parent of every live process, from /proc (Linux) or `ps` (elsewhere). */
function parentsByPid() {
  const parents = new Map();
  try {
    for (const entry of readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        // "pid (comm) state ppid …": comm may hold spaces, so read after the last ")".
        const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
        parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
      } catch {
        /* exited meanwhile */
      }
    }
    if (parents.size) return parents;
  } catch {
    /* no /proc */
  }
  const ps = spawnSync("ps", ["-A", "-o", "pid=,ppid="], { encoding: "utf8" });
  for (const line of (ps.stdout ?? "").split("\n")) {
    const [pid, ppid] = line.trim().split(/\s+/).map(Number);
    if (pid) parents.set(pid, ppid);
  }
  return parents;
}

/** Every live process started by the launcher's children, children included. */
function processTree() {
  const parents = parentsByPid();
  const tree = new Set(children.filter((c) => c.pid).map((c) => c.pid));
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, ppid] of parents) if (tree.has(ppid) && !tree.has(pid)) tree.add(pid), (grew = true);
  }
  return [...tree].filter((pid) => parents.has(pid));
}

function signalAll(pids, signal) {
  for (const pid of pids) {
    try {
      process.kill(pid, signal);
    } catch {
      /* already gone */
    }
  }
}

/** Stops every child and everything it spawned (SIGTERM, SIGKILL after 5 s), then exits with `code`. */
export async function shutdown(code = 0) {
  if (shuttingDown) return;
  shuttingDown = true;
  // Take the tree before signalling: a grandchild re-parented to init would be lost afterwards.
  const tree = processTree();
  signalAll(tree, "SIGTERM");
  const deadline = Date.now() + 5_000;
  const alive = () =>
    tree.filter((pid) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    });
  while (alive().length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  signalAll(alive(), "SIGKILL");
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));
process.on("SIGHUP", () => void shutdown(0));
// Last resort (process.exit elsewhere, an uncaught error): never leave a child running.
process.on("exit", () => {
  if (!shuttingDown) signalAll(processTree(), "SIGKILL");
});

export async function waitForHttp(url, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      if (res.status < 500) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`Timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${url}`);
}

/** Applies the .env files to process.env (lib/env/load.ts, @next/env) and says which were read. */
export async function loadEnv() {
  const { tsImport } = await import("tsx/esm/api");
  const { loadEnvFiles } = await tsImport("../lib/env/load.ts", import.meta.url);
  const loaded = loadEnvFiles();
  const relative = path.relative(root, loaded.dir);
  const where = relative.startsWith("..") ? loaded.dir : relative || ".";
  if (loaded.inherited) return loaded;
  log(
    loaded.files.length
      ? `configuration: ${loaded.files.join(", ")} in ${where} (the process environment wins)`
      : `configuration: the process environment (no .env files in ${where})`,
  );
  return loaded;
}

/**
 * Loads .env files exactly as every other process does (lib/env/load.ts, @next/env) and validates
 * the result with the one schema (lib/env/schema.ts). Returns the parsed configuration, or prints
 * every missing or bad variable and exits 1. Runs the TypeScript modules through tsx in process.
 */
export async function loadConfig() {
  const loaded = await loadEnv();
  const { tsImport } = await import("tsx/esm/api");
  const { parseServerEnv, EnvError } = await tsImport("../lib/env/schema.ts", import.meta.url);
  try {
    return { config: parseServerEnv(process.env), envDir: loaded.dir };
  } catch (err) {
    if (!(err instanceof EnvError)) throw err;
    log(`refusing to start: ${err.issues.length} variable(s) missing or invalid`);
    for (const issue of err.issues) process.stderr.write(`  - ${issue}\n`);
    process.stderr.write("See .env.example and docs/operations.md (Production checklist).\n");
    process.exit(1);
  }
}
