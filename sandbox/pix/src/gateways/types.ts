import type { ServerResponse } from "node:http";
import type { SimRequest } from "../http";
import type { SimCharge, SimGatewayId, SimState, SimulatorState } from "../state";
import type { Notification } from "../webhooks";

export type SimContext = {
  state: SimulatorState;
  qrDataUrl(text: string): Promise<string>;
  /** Queues the gateway's notification for a charge (delivered in the background; see flush()). */
  notify(charge: SimCharge): void;
};

export type GatewaySim = {
  id: SimGatewayId;
  /** The gateway's own word for each simulator state. */
  statusWord: Record<SimState, string>;
  /** Handles a request under `/<id>`; false when no route matches (→ 404). */
  handle(req: SimRequest, res: ServerResponse, ctx: SimContext): Promise<boolean>;
  /** The POST the gateway sends when a charge changes, or null when it sends none (BCB expiry). */
  notification(charge: SimCharge, ctx: SimContext): Notification | null;
};

export function route(req: SimRequest, method: string, pattern: RegExp): RegExpExecArray | null {
  return req.method === method ? pattern.exec(req.path) : null;
}
