import { describe, expect, it } from "vitest";
import { Writable } from "node:stream";
import { createLogger, scrubText } from "@/lib/log/logger";
import { EnvError, parseServerEnv } from "@/lib/env/schema";

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, cb) {
      lines.push(chunk.toString());
      cb();
    },
  });
  return { logger: createLogger({ level: "info", destination }), lines };
}

describe("log redaction", () => {
  it("redacts secrets, authorization headers, card numbers and gateway credentials", () => {
    const { logger, lines } = capture();
    logger.info(
      {
        headers: { authorization: "Bearer vt_sk_abcdefghijklmnop" },
        password: "hunter22hunter",
        credentials: { clientSecret: "cs_live_123" },
        api_token: "atomo-token-123",
        note: "customer typed 4242 4242 4242 4242 and key sk_test_51HxYzAbCdEf",
      },
      "payment attempt with card 4000000000000002",
    );
    const out = lines.join("");
    for (const secret of [
      "vt_sk_abcdefghijklmnop",
      "hunter22hunter",
      "cs_live_123",
      "atomo-token-123",
      "4242 4242 4242 4242",
      "4000000000000002",
      "sk_test_51HxYzAbCdEf",
    ])
      expect(out).not.toContain(secret);
    expect(out).toContain("[redacted]");
    expect(out).toContain("[card]");
  });

  it("leaves ordinary ids and amounts alone", () => {
    expect(scrubText("order ord_123 amount 1990 BRL store cmwr85ie")).toBe(
      "order ord_123 amount 1990 BRL store cmwr85ie",
    );
  });
});

describe("environment", () => {
  it("applies documented defaults", () => {
    const env = parseServerEnv({});
    expect(env.RATE_LIMIT_LOGIN).toBe("10/minute");
    expect(env.PGLITE_DIR).toBe(".data/pglite");
    expect(env.STRIPE_EMULATOR).toBe(false);
  });

  it("names each invalid variable in one clear error", () => {
    let err: unknown;
    try {
      parseServerEnv({ DATABASE_URL: "mysql://x", RATE_LIMIT_LOGIN: "ten per minute", APP_ENV: "production" });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(EnvError);
    const message = (err as Error).message;
    expect(message).toContain("DATABASE_URL");
    expect(message).toContain("RATE_LIMIT_LOGIN");
    expect(message).toContain("NEXTAUTH_SECRET: is required when APP_ENV=production");
  });
});
