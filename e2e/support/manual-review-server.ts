// A second app server for the one journey the suite's server cannot show: it runs with
// TENANT_REVIEW=auto, so new stores are approved at once. This one starts with TENANT_REVIEW=manual
// on its own embedded database, emulator, simulator and mail catcher (E2E ports + 5), the way
// playwright.config.ts starts the main one, and is stopped with its whole process group.
import { type ChildProcess, spawn } from "node:child_process";
import { rmSync } from "node:fs";

const OFFSET = 5;
const port = Number(process.env.E2E_PORT ?? 3210) + OFFSET;
const emulatorPort = Number(process.env.E2E_STRIPE_EMULATOR_PORT ?? 12112) + OFFSET;
const pixPort = Number(process.env.E2E_PIX_SIMULATOR_PORT ?? 12122) + OFFSET;
const mailPort = Number(process.env.E2E_MAIL_CATCHER_PORT ?? 12132) + OFFSET;

export type ManualReviewServer = { baseURL: string; stop: () => Promise<void> };

async function waitReady(url: string, child: ChildProcess, output: () => string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`manual-review server exited ${child.exitCode}:\n${output()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`manual-review server not ready after ${timeoutMs} ms:\n${output()}`);
}

export async function startManualReviewServer(): Promise<ManualReviewServer> {
  const baseURL = `http://localhost:${port}`;
  const dataDir = `.data/e2e-manual-review-${Date.now()}`;
  const child = spawn(process.execPath, ["scripts/start.mjs", "--no-build"], {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      TENANT_REVIEW: "manual",
      PORT: String(port),
      APP_URL: baseURL,
      NEXTAUTH_URL: baseURL,
      PGLITE_DIR: `${dataDir}/pglite`,
      DATABASE_URL: "",
      STRIPE_EMULATOR_PORT: String(emulatorPort),
      STRIPE_EMULATOR_URL: `http://127.0.0.1:${emulatorPort}`,
      STRIPE_EMULATOR_SNAPSHOT: "",
      PIX_SIMULATOR_PORT: String(pixPort),
      PIX_SIMULATOR_URL: "",
      MAIL_CATCHER_PORT: String(mailPort),
      SMTP_URL: "",
      LOG_LEVEL: "warn",
      CALLBACK_ALLOWED_HOSTS: "localhost,127.0.0.1",
    },
  });
  let out = "";
  child.stdout?.on("data", (d) => (out = (out + d).slice(-4000)));
  child.stderr?.on("data", (d) => (out = (out + d).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      process.kill(-child.pid, "SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null) process.kill(-child.pid, "SIGKILL");
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitReady(`${baseURL}/api/health/ready`, child, () => out, 180_000);
  } catch (err) {
    await stop();
    throw err;
  }
  return { baseURL, stop };
}
