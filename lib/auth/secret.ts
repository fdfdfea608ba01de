// A fixed fallback keeps local development and the keyless demo signing sessions; production
// (APP_ENV=production) refuses to start without NEXTAUTH_SECRET (see lib/env/schema.ts).
import { env } from "@/lib/env/server";

const DEV_FALLBACK = "vitrine-development-secret-not-for-production-use";

export function authSecret(): string {
  const { NEXTAUTH_SECRET: secret, APP_ENV } = env();
  if (secret) return secret;
  if (APP_ENV === "production") throw new Error("NEXTAUTH_SECRET is required when APP_ENV=production");
  return DEV_FALLBACK;
}
