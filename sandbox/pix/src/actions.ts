import { minorToDecimal } from "@/lib/money";
import { getSim } from "./gateways";
import type { SimContext } from "./gateways/types";
import { alnum, endToEndId, type Delivery, type SimCharge, type SimulatorState } from "./state";
import { deliver } from "./webhooks";

export class SimActionError extends Error {}

export type ActionResult = { charge: SimCharge; delivery: Delivery | null };

function must(state: SimulatorState, gateway: string, id: string): SimCharge {
  const charge = state.find(gateway, id);
  if (!charge) throw new SimActionError(`no ${gateway} charge "${id}"`);
  return charge;
}

async function send(ctx: SimContext, charge: SimCharge, timeoutMs: number): Promise<Delivery | null> {
  const n = getSim(charge.gateway).notification(charge, ctx);
  return n ? deliver(ctx.state, charge, n, timeoutMs) : null;
}

/** The buyer pays (also after expiry: a late Pix still arrives). */
export async function pay(ctx: SimContext, gateway: string, id: string, timeoutMs: number): Promise<ActionResult> {
  const charge = must(ctx.state, gateway, id);
  if (charge.state !== "pending" && charge.state !== "expired")
    throw new SimActionError(`charge is already ${charge.state}`);
  charge.state = "paid";
  charge.paidAt = new Date();
  charge.endToEndId = endToEndId(charge.paidAt);
  return { charge, delivery: await send(ctx, charge, timeoutMs) };
}

export async function expire(ctx: SimContext, gateway: string, id: string, timeoutMs: number): Promise<ActionResult> {
  const charge = must(ctx.state, gateway, id);
  if (charge.state !== "pending") throw new SimActionError(`only pending charges expire (this one is ${charge.state})`);
  charge.state = "expired";
  return { charge, delivery: await send(ctx, charge, timeoutMs) };
}

/** The seller refunds from the gateway's panel: whole amount, or part of it where the gateway has devoluções (BCB). */
export async function refund(
  ctx: SimContext,
  gateway: string,
  id: string,
  timeoutMs: number,
  amountCentavos?: number,
): Promise<ActionResult> {
  const charge = must(ctx.state, gateway, id);
  if (charge.state !== "paid")
    throw new SimActionError(`only paid charges can be refunded (this one is ${charge.state})`);
  const remaining = charge.amountCentavos - ctx.state.refundedCentavos(charge);
  const amount = amountCentavos ?? remaining;
  if (!Number.isInteger(amount) || amount <= 0 || amount > remaining)
    throw new SimActionError(`refund must be 1..${remaining} centavos`);
  if (charge.gateway === "bcb") {
    charge.refunds.push({
      id: `sim${alnum(12)}`,
      rtrId: `D12345678${alnum(23)}`,
      amountCentavos: amount,
      status: "DEVOLVIDO",
      at: new Date(),
    });
    if (amount === remaining) charge.state = "refunded";
  } else {
    if (amount !== remaining)
      throw new SimActionError(`${gateway} only refunds the whole ${minorToDecimal(remaining, "BRL")}`);
    charge.refunds.push({
      id: `sim${alnum(12)}`,
      rtrId: "",
      amountCentavos: amount,
      status: "DEVOLVIDO",
      at: new Date(),
    });
    charge.state = "refunded";
  }
  return { charge, delivery: await send(ctx, charge, timeoutMs) };
}

export { send as sendNotification };

/**
 * Gateways whose API reports a MED: SyncPay's `med` status (integrators' observations), and the
 * BCB API Pix, where the MED's devolução carries natureza MED_FRAUDE / MED_OPERACIONAL. The others
 * document nothing about MED, so the simulator refuses to open one there.
 */
export const MED_GATEWAYS = ["syncpay", "bcb"] as const;

/** The payer's bank opens a MED on a paid charge (BCB: a MED devolução in processing). */
export async function openMed(
  ctx: SimContext,
  gateway: string,
  id: string,
  timeoutMs: number,
  natureza = "MED_FRAUDE",
): Promise<ActionResult> {
  const charge = must(ctx.state, gateway, id);
  if (!(MED_GATEWAYS as readonly string[]).includes(charge.gateway))
    throw new SimActionError(`${gateway} does not report MED`);
  if (charge.state !== "paid") throw new SimActionError(`only paid charges enter MED (this one is ${charge.state})`);
  if (charge.med?.status === "opened") throw new SimActionError("a MED is already open on this charge");
  charge.med = { status: "opened", natureza, at: ctx.state.now() };
  if (charge.gateway === "bcb")
    charge.refunds.push({
      id: `med${alnum(12)}`,
      rtrId: `D12345678${alnum(23)}`,
      amountCentavos: charge.amountCentavos - ctx.state.refundedCentavos(charge),
      status: "EM_PROCESSAMENTO",
      at: new Date(),
      natureza,
    });
  return { charge, delivery: await send(ctx, charge, timeoutMs) };
}

/** The MED ends: `refunded` returns the money to the payer; `rejected` leaves it with the seller. */
export async function resolveMed(
  ctx: SimContext,
  gateway: string,
  id: string,
  timeoutMs: number,
  outcome: "refunded" | "rejected",
): Promise<ActionResult> {
  const charge = must(ctx.state, gateway, id);
  if (charge.med?.status !== "opened") throw new SimActionError("no MED is open on this charge");
  charge.med.status = outcome;
  const medRefund = charge.refunds.find((r) => r.natureza?.startsWith("MED_") && r.status === "EM_PROCESSAMENTO");
  if (medRefund) medRefund.status = outcome === "refunded" ? "DEVOLVIDO" : "NAO_REALIZADO";
  else if (outcome === "refunded")
    charge.refunds.push({
      id: `med${alnum(12)}`,
      rtrId: "",
      amountCentavos: charge.amountCentavos - ctx.state.refundedCentavos(charge),
      status: "DEVOLVIDO",
      at: new Date(),
      natureza: charge.med.natureza,
    });
  if (outcome === "refunded") charge.state = "refunded";
  return { charge, delivery: await send(ctx, charge, timeoutMs) };
}
