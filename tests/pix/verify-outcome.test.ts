// Adding or checking a PIX gateway tells the truth: credentials the gateway (the simulator)
// refuses come back as a failed check with a stable code and the gateway's reason, sanitized and
// never holding a secret; a later successful check clears the error the card showed.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/db";
import { resetRateLimiters } from "@/lib/rate-limit/limiter";
import { GET as listConfigs, POST as createConfig } from "@/app/api/v1/pix/configs/route";
import { PATCH as patchConfig } from "@/app/api/v1/pix/configs/[id]/route";
import { POST as verifyConfig } from "@/app/api/v1/pix/configs/[id]/verify/route";
import { sanitizeReason } from "@/lib/pix/service/verify-outcome";
import { SIMULATOR_CREDENTIALS } from "@/sandbox/pix/index";
import { callRoute, pixSeller, usePixSimulator, type PixSeller } from "./support";

describe("PIX gateway check outcome", () => {
  const { db } = useTestDatabase();
  const pix = usePixSimulator();
  let seller: PixSeller;
  beforeAll(async () => {
    seller = await pixSeller("verify-outcome");
  });
  beforeEach(() => resetRateLimiters());

  it("refused credentials: a failed check with the code and the gateway's reason, no secret; then a good check clears it", async () => {
    const wrong = "wrong-token-4242-abcd";
    const created = await callRoute(createConfig, {
      cookie: seller.cookie,
      body: { gateway: "pushinpay", label: "PushinPay", credentials: { token: wrong } },
    });
    expect(created.status).toBe(201);
    const id = created.json.config.id as string;

    const bad = await callRoute(verifyConfig, { cookie: seller.cookie, params: { id } });
    expect(bad.status).toBe(200);
    expect(bad.json).toMatchObject({ ok: false, code: "invalid_credentials", reason: "Unauthenticated." });
    expect(bad.json.config).toMatchObject({
      lastVerifyOk: false,
      lastErrorCode: "invalid_credentials",
      active: false,
      chargeable: false,
    });
    expect(bad.text).not.toContain(wrong);
    // Refused credentials cannot be turned on.
    const activate = await callRoute(patchConfig, {
      cookie: seller.cookie,
      method: "PATCH",
      params: { id },
      body: { active: true },
    });
    expect(activate.status).toBe(409);

    // The seller pastes the right token: the check passes and the old error is gone from the config.
    await callRoute(patchConfig, {
      cookie: seller.cookie,
      method: "PATCH",
      params: { id },
      body: { credentials: { token: SIMULATOR_CREDENTIALS.pushinpay.token } },
    });
    const good = await callRoute(verifyConfig, { cookie: seller.cookie, params: { id } });
    expect(good.json).toMatchObject({ ok: true });
    expect(good.json.config).toMatchObject({
      lastVerifyOk: true,
      lastError: null,
      lastErrorCode: null,
      lastErrorAt: null,
    });
    const listed = await callRoute(listConfigs, { cookie: seller.cookie });
    expect(listed.json.data.find((c: { id: string }) => c.id === id)).toMatchObject({ lastError: null });
    const row = await db().prisma.pixGatewayConfig.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ lastVerifyOk: true, lastError: null, lastErrorCode: null });
  });

  it("a gateway that is down is a failed check of its own kind (retry later), not a credentials problem", async () => {
    const created = await callRoute(createConfig, {
      cookie: seller.cookie,
      body: { gateway: "pushinpay", credentials: { token: SIMULATOR_CREDENTIALS.pushinpay.token } },
    });
    pix.sim().setOutage("pushinpay", true);
    try {
      const res = await callRoute(verifyConfig, { cookie: seller.cookie, params: { id: created.json.config.id } });
      expect(res.json).toMatchObject({ ok: false, code: "gateway_unavailable" });
      expect(res.json.config.lastErrorCode).toBe("gateway_unavailable");
    } finally {
      pix.sim().setOutage("pushinpay", false);
    }
  });

  it("the audit entry of a check records the outcome and code, never the credentials", async () => {
    const entries = await db().prisma.auditLog.findMany({ where: { action: "pix_gateway.verified" } });
    expect(entries.length).toBeGreaterThanOrEqual(3);
    const text = JSON.stringify(entries.map((e) => e.after));
    expect(text).toContain("invalid_credentials");
    expect(text).not.toContain("wrong-token-4242-abcd");
    expect(text).not.toContain(SIMULATOR_CREDENTIALS.pushinpay.token);
  });
});

describe("sanitizeReason", () => {
  it("blanks credentials a gateway echoes, flattens control characters and caps the length", () => {
    expect(sanitizeReason("Token sk_live_abcd1234 inválido\n\u0007", ["sk_live_abcd1234"])).toBe("Token •••• inválido");
    expect(sanitizeReason(`bearer ${"x".repeat(40)} refused`, [])).toBe("bearer •••• refused");
    expect(sanitizeReason("   ", [])).toBeNull();
    expect(sanitizeReason(null, [])).toBeNull();
    const long = sanitizeReason("a ".repeat(300), []);
    expect(long?.length).toBe(200);
    expect(long?.endsWith("…")).toBe(true);
  });
});
