import "server-only";
import { parseServerEnv, ServerEnvShape, type ServerEnv } from "./schema";

const NAMES = Object.keys(ServerEnvShape);
let cached: { signature: string; env: ServerEnv } | undefined;

/**
 * The validated server environment. Throws an EnvError naming each bad variable. Re-parsed only
 * when one of the declared variables changed (tests and the bench set them at run time), so a read
 * costs one string join.
 */
export function env(): ServerEnv {
  const signature = NAMES.map((name) => process.env[name] ?? "").join("\u0000");
  if (cached?.signature !== signature) cached = { signature, env: parseServerEnv(process.env) };
  return cached.env;
}

/** For tests that change process.env between cases. */
export function resetEnvCache() {
  cached = undefined;
}
