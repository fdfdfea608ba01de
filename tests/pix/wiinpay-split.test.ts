// WiinPay refuses a split to the receiving account itself (issue #12). Its key does not say which
// account it is, so the seller names their own user id (credential `user_id`, not secret); Vitrine
// then refuses such a split when the config is saved or edited, skips a config whose stored split
// does it (before any call), and the adapter refuses it too — all before WiinPay sees it.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/db";
import { resetRateLimiters } from "@/lib/rate-limit/limiter";
import { isPixGatewayError } from "@/lib/pix/errors";
import { createGateway } from "@/lib/pix/registry";
import { splitToOwnAccount } from "@/lib/pix/split";
import { POST as createConfig } from "@/app/api/v1/pix/configs/route";
import { PATCH as patchConfig } from "@/app/api/v1/pix/configs/[id]/route";
import { POST as createCharge } from "@/app/api/v1/pix/charges/route";
import { WIINPAY_SIM_SELF_USER_ID } from "@/sandbox/pix/index";
import { addGateway, BUYER, callRoute, FIXTURES, pixSeller, usePixSimulator, type PixSeller } from "./support";

const OWN = WIINPAY_SIM_SELF_USER_ID;
const wiinpay = (extra: Record<string, string> = {}) => ({ ...FIXTURES.wiinpay.credentials, ...extra });

describe("WiinPay split: never to the account itself", () => {
  const { db } = useTestDatabase();
  const pix = usePixSimulator();
  let seller: PixSeller;

  beforeAll(async () => {
    seller = await pixSeller("wiin-self");
  });
  beforeEach(() => {
    process.env.RATE_LIMIT_SESSION_WRITE = "10000/minute";
    process.env.RATE_LIMIT_CHECKOUT = "10000/minute";
    resetRateLimiters();
  });
  const save = (body: Record<string, unknown>) =>
    callRoute(createConfig, { cookie: seller.cookie, body: { gateway: "wiinpay", ...body } });
  const configCount = () => db().prisma.pixGatewayConfig.count({ where: { storeId: seller.store.id } });

  it("refuses a split to the config's own user id, and a split while the own id is unknown, with nothing saved", async () => {
    const before = await configCount();
    const toSelf = await save({
      credentials: wiinpay({ user_id: OWN }),
      split: [{ recipientId: OWN, percentage: 10 }],
    });
    expect(toSelf.status).toBe(422);
    expect(toSelf.json.error).toMatchObject({
      code: "split_to_own_account",
      param: "split",
      message: expect.stringMatching(/is your own WiinPay account/),
    });
    const unknownSelf = await save({
      credentials: wiinpay(),
      split: [{ recipientId: "wiin_partner", percentage: 10 }],
    });
    expect(unknownSelf.status).toBe(422);
    expect(unknownSelf.json.error).toMatchObject({
      param: "credentials.user_id",
      details: { reason: "own_account_required" },
    });
    expect(await configCount()).toBe(before);
  });

  it("takes a split to someone else, shows the own id (not a secret), and re-checks on every edit", async () => {
    const ok = await save({
      credentials: wiinpay({ user_id: OWN }),
      split: [{ recipientId: "wiin_partner", percentage: 10 }],
    });
    expect(ok.status).toBe(201);
    expect(ok.json.config.maskedCredentials.user_id).toBe(OWN);
    const id = ok.json.config.id;
    const patch = (body: Record<string, unknown>) =>
      callRoute(patchConfig, { cookie: seller.cookie, method: "PATCH", params: { id }, body });

    const splitToSelf = await patch({ split: [{ recipientId: OWN, percentage: 10 }] });
    expect(splitToSelf.json.error).toMatchObject({ code: "split_to_own_account", param: "split" });
    // The saved split stays the same; new credentials that make its recipient "us" are refused too.
    const nowSelf = await patch({ credentials: { user_id: "wiin_partner" } });
    expect(nowSelf.status).toBe(422);
    expect(nowSelf.json.error.code).toBe("split_to_own_account");
    const dropOwnId = await patch({ credentials: { user_id: "" } });
    expect(dropOwnId.json.error).toMatchObject({ param: "credentials.user_id" });
    const row = await db().prisma.pixGatewayConfig.findUniqueOrThrow({ where: { id } });
    expect(row.split).toEqual([{ recipientId: "wiin_partner", percentage: 10 }]);
    expect((row.maskedCredentials as Record<string, unknown>).user_id).toBe(OWN);
    // Removing the split needs no own id.
    expect((await patch({ split: [] })).status).toBe(200);
  });

  it("the adapter refuses it before calling WiinPay (which would refuse it too)", async () => {
    const gw = createGateway("wiinpay", wiinpay({ user_id: OWN }), { baseUrl: pix.sim().baseUrl("wiinpay") });
    const before = pix.sim().charges("wiinpay").length;
    const err = await gw
      .createCharge({
        amountCentavos: 2000,
        description: "Split",
        reference: "vtr00000000000000000000000000001",
        customer: BUYER,
        split: [{ recipientId: OWN, percentage: 10 }],
      })
      .catch((e: unknown) => e);
    expect(isPixGatewayError(err, "invalid_split")).toBe(true);
    expect((err as Error).message).toMatch(/is this account itself/);
    expect(pix.sim().charges("wiinpay")).toHaveLength(before);
    expect(splitToOwnAccount([{ recipientId: ` ${OWN} `, percentage: 5 }], OWN)).toBeTruthy();
    expect(splitToOwnAccount([{ recipientId: OWN, percentage: 5 }], undefined)).toBeUndefined();
  });

  it("a stored split to the account itself (saved before this check) is skipped at charge time, and the next gateway charges", async () => {
    const other = await pixSeller("wiin-self-legacy");
    const config = await addGateway(other, "wiinpay", {
      credentials: wiinpay({ user_id: OWN }),
      split: [{ recipientId: "wiin_partner", percentage: 10 }],
    });
    await addGateway(other, "pushinpay");
    // As an old row would hold it: written straight to the table, past the save-time check.
    await db().prisma.pixGatewayConfig.update({
      where: { id: config.id },
      data: { split: [{ recipientId: OWN, percentage: 10 }] },
    });
    const before = pix.sim().charges("wiinpay").length;
    const res = await callRoute(createCharge, {
      apiKey: other.apiKey,
      body: { amountCentavos: 2000, description: "Split", customer: BUYER },
    });
    expect(res.status).toBe(201);
    expect(res.json.charge.gateway).toBe("pushinpay");
    const attempts = await db().prisma.pixChargeAttempt.findMany({
      where: { chargeId: res.json.charge.id },
      orderBy: { createdAt: "asc" },
    });
    expect(attempts[0]).toMatchObject({ gateway: "wiinpay", ok: false, errorCode: "split_to_own_account" });
    expect(pix.sim().charges("wiinpay")).toHaveLength(before);
  });
});
