// APP_ENV=production refuses to start half-configured, naming every missing or bad variable in one
// error (the launcher and instrumentation.ts both go through parseServerEnv).
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { EnvError, parseServerEnv } from "@/lib/env/schema";

const complete = {
  APP_ENV: "production",
  APP_URL: "https://pay.example.com",
  NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
  ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  DATABASE_URL: "postgresql://vitrine@db.internal:5432/vitrine",
  STRIPE_SECRET_KEY: "sk_test_51Abc",
  STRIPE_PUBLISHABLE_KEY: "pk_test_51Abc",
  STRIPE_WEBHOOK_SECRET: "whsec_platform",
  STRIPE_CONNECT_WEBHOOK_SECRET: "whsec_connect",
  METRICS_TOKEN: "metrics-token-0123456789",
  SMTP_URL: "smtps://vitrine:mail-password@smtp.example.com:465",
};

const REQUIRED = [
  "APP_URL",
  "NEXTAUTH_SECRET",
  "ENCRYPTION_KEY",
  "DATABASE_URL",
  "STRIPE_SECRET_KEY",
  "STRIPE_PUBLISHABLE_KEY",
  "STRIPE_WEBHOOK_SECRET",
  "STRIPE_CONNECT_WEBHOOK_SECRET",
  "METRICS_TOKEN",
  "SMTP_URL",
] as const;

function issues(source: Record<string, string | undefined>): string[] {
  try {
    parseServerEnv(source);
  } catch (err) {
    expect(err).toBeInstanceOf(EnvError);
    return (err as EnvError).issues;
  }
  return [];
}
const named = (list: string[]) => list.map((i) => i.split(":")[0]);

describe("production configuration", () => {
  it("accepts a complete configuration", () => {
    const env = parseServerEnv(complete);
    expect(env.APP_ENV).toBe("production");
    expect(env.STRIPE_EMULATOR).toBe(false);
  });

  it("names every required variable at once when none is set", () => {
    expect(named(issues({ APP_ENV: "production" })).sort()).toEqual([...REQUIRED].sort());
  });

  it.each(REQUIRED)("names %s alone when only it is missing", (name) => {
    const list = issues({ ...complete, [name]: undefined });
    expect(named(list)).toEqual([name]);
    expect(list[0]).toMatch(/required when APP_ENV=production/);
  });

  it("treats an empty value (NAME= in a .env file) as missing", () => {
    expect(named(issues({ ...complete, STRIPE_WEBHOOK_SECRET: "", DATABASE_URL: "" })).sort()).toEqual([
      "DATABASE_URL",
      "STRIPE_WEBHOOK_SECRET",
    ]);
  });

  it("reports bad values together with missing ones", () => {
    const list = issues({
      ...complete,
      APP_URL: "http://pay.example.com",
      ENCRYPTION_KEY: "c2hvcnQ=",
      STRIPE_CONNECT_WEBHOOK_SECRET: undefined,
      STRIPE_WEBHOOK_SECRET: "not-a-stripe-secret",
    });
    expect(named(list).sort()).toEqual([
      "APP_URL",
      "ENCRYPTION_KEY",
      "STRIPE_CONNECT_WEBHOOK_SECRET",
      "STRIPE_WEBHOOK_SECRET",
    ]);
    expect(list.find((i) => i.startsWith("APP_URL"))).toMatch(/https/);
    expect(list.find((i) => i.startsWith("ENCRYPTION_KEY"))).toMatch(/32 bytes/);
    expect(list.find((i) => i.startsWith("STRIPE_WEBHOOK_SECRET"))).toMatch(/whsec_/);
  });

  it("accepts ENCRYPTION_KEYS instead of ENCRYPTION_KEY", () => {
    expect(
      issues({
        ...complete,
        ENCRYPTION_KEY: undefined,
        ENCRYPTION_KEYS: `k2:${randomBytes(32).toString("base64")},k1:${randomBytes(32).toString("base64")}`,
      }),
    ).toEqual([]);
  });

  it("needs no METRICS_TOKEN when metrics are not exposed (METRICS_ENABLED=0)", () => {
    expect(issues({ ...complete, METRICS_TOKEN: undefined, METRICS_ENABLED: "0" })).toEqual([]);
  });

  it("refuses the Stripe emulator and the PIX simulator", () => {
    const list = issues({ ...complete, STRIPE_EMULATOR: "1", PIX_SIMULATOR_URL: "http://127.0.0.1:12120" });
    expect(named(list).sort()).toEqual(["PIX_SIMULATOR_URL", "STRIPE_EMULATOR"]);
  });

  it("refuses the local mail catcher (an SMTP_URL on this machine) and a URL that is not SMTP", () => {
    for (const url of ["smtp://127.0.0.1:12130", "smtp://localhost:2525", "smtp://[::1]:25"])
      expect(named(issues({ ...complete, SMTP_URL: url })), url).toEqual(["SMTP_URL"]);
    expect(issues({ ...complete, SMTP_URL: "https://smtp.example.com" })[0]).toMatch(/smtp:\/\/ or smtps:\/\//);
  });

  it("refuses a publishable key from the other Stripe mode", () => {
    expect(named(issues({ ...complete, STRIPE_PUBLISHABLE_KEY: "pk_live_51Abc" }))).toEqual(["STRIPE_PUBLISHABLE_KEY"]);
  });

  it("asks none of this outside production (the keyless demo)", () => {
    expect(issues({})).toEqual([]);
    expect(issues({ APP_ENV: "development", STRIPE_EMULATOR: "1" })).toEqual([]);
  });
});
