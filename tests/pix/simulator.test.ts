// The simulator's own surface: demo page, control routes, credential changes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseBrCode } from "@/lib/pix/brcode";
import { SIMULATOR_CREDENTIALS, startPixSimulator, type RunningPixSimulator } from "@/sandbox/pix/index";
import { startReceiver } from "./support";

let sim: RunningPixSimulator;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  sim = await startPixSimulator({ port: 0, log: () => {} });
  receiver = await startReceiver();
});
afterAll(async () => {
  await sim.close();
  await receiver.close();
});

async function pushinCharge(value: number, token = SIMULATOR_CREDENTIALS.pushinpay.token) {
  return fetch(`${sim.url}/pushinpay/pix/cashIn`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ value, webhook_url: `${receiver.url}/hook/page` }),
  });
}

describe("PIX simulator", () => {
  it("lists charges on the demo page with working Pay / Expire buttons", async () => {
    const created = (await (await pushinCharge(1234)).json()) as { id: string; qr_code: string };
    expect(parseBrCode(created.qr_code).url).toContain(`/pushinpay/qr/`);
    const page = await (await fetch(`${sim.url}/`)).text();
    expect(page).toContain(created.id);
    expect(page).toContain("R$ 12,34");
    expect(page).toContain(`action="/_sim/charges/pushinpay/${created.id}/pay"`);
    const res = await fetch(`${sim.url}/_sim/charges/pushinpay/${created.id}/pay`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "",
      redirect: "manual",
    });
    expect(res.status).toBe(303);
    expect(sim.charge("pushinpay", created.id)?.state).toBe("paid");
    // PushinPay documents its webhook as JSON {id, value, status, end_to_end_id}.
    expect(JSON.parse(receiver.last("/hook/page").body)).toMatchObject({ id: created.id, status: "paid", value: 1234 });
    const again = await fetch(`${sim.url}/_sim/charges/pushinpay/${created.id}/expire`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect(again.status).toBe(409);
  });

  it("answers like the gateway: minimums, bad credentials, rotated credentials", async () => {
    expect((await pushinCharge(49)).status).toBe(422);
    expect((await pushinCharge(100, "nope")).status).toBe(401);
    sim.setCredentials("pushinpay", { token: "rotated_token_000" });
    expect((await pushinCharge(100)).status).toBe(401);
    expect((await pushinCharge(100, "rotated_token_000")).status).toBe(200);
    sim.reset();
    expect(sim.charges()).toHaveLength(0);
    expect((await pushinCharge(100)).status).toBe(200);
  });

  it("refuses refunds above the amount left and partial refunds where the gateway has none", async () => {
    const created = (await (await pushinCharge(1000)).json()) as { id: string };
    await sim.markPaid("pushinpay", created.id);
    await expect(sim.markRefunded("pushinpay", created.id, 400)).rejects.toThrow(/whole/);
    await expect(sim.markRefunded("pushinpay", created.id, 1001)).rejects.toThrow(/1\.\.1000/);
    expect((await sim.markRefunded("pushinpay", created.id)).charge.state).toBe("refunded");
  });
});
