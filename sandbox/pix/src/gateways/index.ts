import type { SimGatewayId } from "../state";
import { atomopaySim } from "./atomopay";
import { bcbSim } from "./bcb";
import { paradiseSim } from "./paradise";
import { pushinpaySim } from "./pushinpay";
import { syncpaySim } from "./syncpay";
import type { GatewaySim } from "./types";
import { wiinpaySim } from "./wiinpay";

const SIMS: Record<SimGatewayId, GatewaySim> = {
  syncpay: syncpaySim,
  pushinpay: pushinpaySim,
  paradise: paradiseSim,
  wiinpay: wiinpaySim,
  atomopay: atomopaySim,
  bcb: bcbSim,
};

export function getSim(id: string): GatewaySim {
  const sim = SIMS[id as SimGatewayId];
  if (!sim) throw new Error(`unknown simulated gateway "${id}"`);
  return sim;
}

export function isSimGateway(id: string): id is SimGatewayId {
  return id in SIMS;
}
