// The per-account status-read budget (issue #12): Átomo limits a whole account (1,000 requests a
// minute), so on top of each charge's interval one config may make only so many reads per window
// across all its charges. A burst of buyer polls and reconciler runs over more charges than the
// budget allows is counted at the simulator: never more reads than the budget in any window, and
// every charge is still read once its turn comes.
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/db";
import { createGateway, listPixGateways } from "@/lib/pix/registry";
import { newPixReference } from "@/lib/pix/reference";
import { createPixCharge, getPublicPixStatus, refreshPixCharge } from "@/lib/pix/service/charges";
import { reconcilePixCharges } from "@/lib/pix/service/reconciler";
import { addGateway, BUYER, FIXTURES, pixSeller, usePixSimulator, type PixSeller } from "./support";

const atomo = () => listPixGateways().find((g) => g.id === "atomopay")!;

describe("PIX per-account status-read budget", () => {
  const { db } = useTestDatabase();
  const pix = usePixSimulator();
  let seller: PixSeller;
  let configId: string;
  /** More pending charges than one window of the budget allows reads. */
  const charges: Array<{ id: string; simId: string }> = [];

  beforeAll(async () => {
    seller = await pixSeller("acct");
    configId = (await addGateway(seller, "atomopay")).id;
    // The charges exist at the gateway (the simulator) and here, as createPixCharge would leave them;
    // made straight through the adapter so the test spends its time on the reads it is about.
    const gw = createGateway("atomopay", FIXTURES.atomopay.credentials, { baseUrl: pix.sim().baseUrl("atomopay") });
    const count = atomo().accountReadBudget!.reads + 20;
    const created = await Promise.all(
      Array.from({ length: count }, async (_, i) => {
        const reference = newPixReference();
        const c = await gw.createCharge({
          amountCentavos: 1000 + i,
          description: `Pedido ${i}`,
          reference,
          customer: BUYER,
        });
        return { reference, transactionId: c.transactionId, brCode: c.brCode, amountCentavos: 1000 + i };
      }),
    );
    const createdAt = new Date(Date.now() - 60_000);
    await db().prisma.pixCharge.createMany({
      data: created.map((c) => ({
        storeId: seller.store.id,
        gatewayConfigId: configId,
        gateway: "atomopay",
        reference: c.reference,
        transactionId: c.transactionId,
        amountCentavos: c.amountCentavos,
        description: "Pedido",
        brCode: c.brCode,
        status: "pending",
        createdAt,
        expiresAt: new Date(Date.now() + 3_600_000),
      })),
    });
    const rows = await db().prisma.pixCharge.findMany({ where: { gatewayConfigId: configId } });
    const simByRef = new Map(
      pix
        .sim()
        .charges("atomopay")
        .map((s) => [s.reference, s.id]),
    );
    for (const r of rows) charges.push({ id: r.id, simId: simByRef.get(r.reference)! });
  }, 120_000);

  it("is declared where a gateway limits the account, within the gateway's limit and the per-charge interval", () => {
    // 1,000 requests a minute per account; reads keep to 600 so creates always fit.
    expect(atomo().accountReadBudget).toEqual({ reads: 100, windowMs: 10_000 });
    for (const g of listPixGateways())
      if (g.accountReadBudget) {
        // The count is exact only when one charge cannot be read twice in a window.
        expect(g.accountReadBudget.windowMs).toBeLessThanOrEqual(g.statusReadIntervalMs);
        expect((g.accountReadBudget.reads * 60_000) / g.accountReadBudget.windowMs).toBeLessThan(1000);
      }
  });

  it("a burst across many charges never reads the account more than its budget in a window, and every charge is read", async () => {
    const sim = pix.sim();
    const budget = atomo().accountReadBudget!;
    const ours = new Set(charges.map((c) => c.simId));
    const readsOf = () => sim.statusReads("atomopay").filter((r) => ours.has(r.id));
    const t0 = new Date();
    await db().prisma.pixCharge.updateMany({ where: { gatewayConfigId: configId }, data: { nextCheckAt: t0 } });

    // 25 simulated seconds: every second 6 buyers poll, every 5 s the reconciler runs over all the
    // due charges — at t0 alone that asks for every charge at once, more than the budget.
    const perSecond: number[] = [];
    let polled = 0;
    for (let s = 0; s < 25; s++) {
      const now = new Date(t0.getTime() + s * 1000);
      const before = readsOf().length;
      const batch = Array.from({ length: 6 }, () => charges[polled++ % charges.length]!.id);
      await Promise.all(batch.map((id) => getPublicPixStatus(id, now)));
      if (s % 5 === 0) await reconcilePixCharges({ now, limit: 500 });
      perSecond.push(readsOf().length - before);
    }

    const windowS = budget.windowMs / 1000;
    const inWindow = perSecond.map((_, i) => perSecond.slice(i, i + windowS).reduce((a, b) => a + b, 0));
    expect(Math.max(...inWindow)).toBeLessThanOrEqual(budget.reads);
    // The budget is really what held the reads back: the first window used all of it.
    expect(inWindow[0]).toBe(budget.reads);
    // Deferred, not dropped: every charge was read once its turn came, and the gateway refused none.
    const read = new Set(readsOf().map((r) => r.id));
    expect(charges.filter((c) => !read.has(c.simId))).toEqual([]);
    expect(readsOf().filter((r) => r.outcome !== "ok")).toEqual([]);
  }, 240_000);

  it("another account is not held up, and the seller's refresh says whose budget is spent", async () => {
    const sim = pix.sim();
    const now = new Date();
    // This account's window is full (as after a burst of polls).
    await db().prisma.pixCharge.updateMany({
      where: { id: { in: charges.slice(0, 100).map((c) => c.id) } },
      data: { lastGatewayReadAt: now },
    });
    const waiting = charges.at(-1)!.id;
    await db().prisma.pixCharge.update({ where: { id: waiting }, data: { lastGatewayReadAt: null } });
    await expect(refreshPixCharge(seller.store.id, waiting)).rejects.toMatchObject({
      code: "rate_limited",
      message: expect.stringMatching(/^Átomo Pay allows 100 status checks per account every 10 s/),
    });

    const other = await pixSeller("acct-other");
    await addGateway(other, "atomopay");
    const view = await createPixCharge(other.store.id, other.audit, {
      amountCentavos: 5000,
      description: "Outra loja",
      customer: BUYER,
    });
    const before = sim.statusReads("atomopay").length;
    await refreshPixCharge(other.store.id, view.id);
    expect(sim.statusReads("atomopay").length).toBe(before + 1);
  });
});
