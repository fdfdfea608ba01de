// Loads .env files the way `next start` does (@next/env: .env.production.local, .env.local,
// .env.production, .env — or the .env.test* set when NODE_ENV=test), the process environment
// winning over every file. Every process that is not the Next.js server itself (the launcher,
// migrations, the seed, admin:create, the Prisma CLI) calls this before reading any variable.
import path from "node:path";
import { loadEnvConfig } from "@next/env";

/** Where the .env files are read: VITRINE_ENV_DIR when set, else the working (project) directory. */
export function envDir(): string {
  return path.resolve(process.env.VITRINE_ENV_DIR || process.cwd());
}

/**
 * Applies the .env files to process.env (never overriding a variable already set) and returns the
 * files read. A child of the launcher inherits the launcher's loaded environment (marked by
 * __NEXT_PROCESSED_ENV) and reads no file again.
 */
export function loadEnvFiles(): { dir: string; files: string[]; inherited: boolean } {
  const dir = envDir();
  const inherited = Boolean(process.env.__NEXT_PROCESSED_ENV);
  const { loadedEnvFiles } = loadEnvConfig(dir, false, {
    info: () => undefined,
    error: (...args: unknown[]) => console.error(...args),
  });
  return { dir, files: inherited ? [] : loadedEnvFiles.map((f) => f.path), inherited };
}
