import "server-only";
import { parseServerEnv, type ServerEnv } from "./schema";

let cached: ServerEnv | undefined;

/** The validated server environment. Throws an EnvError naming each bad variable. */
export function env(): ServerEnv {
  cached ??= parseServerEnv(process.env);
  return cached;
}

/** For tests that change process.env between cases. */
export function resetEnvCache() {
  cached = undefined;
}
