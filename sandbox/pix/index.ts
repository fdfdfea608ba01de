/**
 * Vitrine's offline PIX gateway simulator: one HTTP server imitating SyncPay, PushinPay, Paradise,
 * WiinPay, Átomo Pay and the BCB API Pix under `/<gateway>/…`, plus a demo page at `/`.
 *
 *   const sim = await startPixSimulator({ port: 0 });
 *   const gw = createGateway("pushinpay", SIMULATOR_CREDENTIALS.pushinpay, { baseUrl: sim.baseUrl("pushinpay") });
 *   await sim.markPaid("pushinpay", chargeId); // POSTs the gateway's webhook to the charge's webhook URL
 *
 * or `tsx sandbox/pix/cli.ts serve`. See docs/pix.md.
 */
import type { AddressInfo } from "node:net";
import { expire, openMed, pay, refund, resolveMed, type ActionResult } from "./src/actions";
import type { SimContext } from "./src/gateways/types";
import { READ_RULES } from "./src/rules";
import { createSimulatorServer } from "./src/server";
import { SimulatorState, type Delivery, type SimCharge, type SimGatewayId } from "./src/state";

export { MED_GATEWAYS } from "./src/actions";
export { READ_RULES } from "./src/rules";
export { WIINPAY_SIM_SELF_USER_ID } from "./src/gateways/wiinpay";
export {
  SIMULATOR_CREDENTIALS,
  SIM_GATEWAYS,
  type Delivery,
  type SimCharge,
  type SimGatewayId,
  type SimState,
} from "./src/state";

export const DEFAULT_PORT = 12120;

export type PixSimulatorOptions = {
  /** 0 picks a free port. Default 12120. */
  port?: number;
  host?: string;
  /** How long a webhook POST may take. Default 5 s. */
  webhookTimeoutMs?: number;
  log?: (line: string) => void;
};

export type RunningPixSimulator = {
  url: string;
  port: number;
  /** Base URL to give an adapter for one gateway, e.g. `http://127.0.0.1:12120/bcb`. */
  baseUrl(gateway: SimGatewayId): string;
  close(): Promise<void>;
  reset(): void;
  /** Marks paid and awaits the webhook POST (null when the charge has no webhook target). */
  markPaid(gateway: SimGatewayId, id: string): Promise<ActionResult>;
  markExpired(gateway: SimGatewayId, id: string): Promise<ActionResult>;
  markRefunded(gateway: SimGatewayId, id: string, amountCentavos?: number): Promise<ActionResult>;
  /** The payer's bank opens a MED on a paid charge (SyncPay and BCB only; others throw). */
  openMed(gateway: SimGatewayId, id: string, natureza?: string): Promise<ActionResult>;
  /** The open MED ends: refunded to the payer, or rejected (the seller keeps the money). */
  resolveMed(gateway: SimGatewayId, id: string, outcome: "refunded" | "rejected"): Promise<ActionResult>;
  charges(gateway?: SimGatewayId): SimCharge[];
  charge(gateway: SimGatewayId, idOrReference: string): SimCharge | undefined;
  deliveries(): Delivery[];
  /** Replace the credentials a gateway accepts (e.g. to simulate a rotated key). */
  setCredentials(gateway: SimGatewayId, credentials: Record<string, string>): void;
  /** While on, every call to that gateway answers 503. */
  setOutage(gateway: SimGatewayId, down: boolean): void;
  tokensIssued(gateway: SimGatewayId): number;
  /** BCB: the webhook URL registered for a Pix key. */
  bcbWebhook(pixKey: string): string | undefined;
  /** Waits for background webhook deliveries (BCB devoluções). */
  flush(): Promise<void>;
  /** Status reads the gateway answered or refused (PushinPay allows one per transaction per minute). */
  statusReads(gateway?: SimGatewayId): SimulatorState["statusReads"];
  /** True once the gateway blocked the account for reading too often (PushinPay). */
  isBlocked(gateway: SimGatewayId): boolean;
  /** Lifts a block the gateway imposed (the seller called support). */
  unblock(gateway: SimGatewayId): void;
  /** Moves the simulator's clock forward (rate windows) without waiting. */
  advanceClock(ms: number): void;
  /** The gateway's status-read rule, if it has one. */
  readRule(gateway: SimGatewayId): { perTransactionMs: number; strikesToBlock: number } | undefined;
};

export async function startPixSimulator(opts: PixSimulatorOptions = {}): Promise<RunningPixSimulator> {
  const host = opts.host ?? "127.0.0.1";
  const log = opts.log ?? ((line: string) => console.log(line));
  const timeoutMs = opts.webhookTimeoutMs ?? 5000;
  const state = new SimulatorState();
  let url = "";
  const sim = createSimulatorServer({ state, webhookTimeoutMs: timeoutMs, baseUrl: () => url, log });
  await new Promise<void>((resolve, reject) => {
    sim.server.once("error", reject);
    sim.server.listen(opts.port ?? DEFAULT_PORT, host, () => resolve());
  });
  const port = (sim.server.address() as AddressInfo).port;
  url = `http://${host}:${port}`;
  state.publicHost = `${host}:${port}`;
  log(`[pix-simulator] listening on ${url}`);
  const ctx: SimContext = sim.ctx;
  return {
    url,
    port,
    baseUrl: (gateway) => `${url}/${gateway}`,
    async close() {
      await sim.flush();
      sim.server.closeAllConnections();
      await new Promise<void>((resolve) => sim.server.close(() => resolve()));
    },
    reset: () => state.reset(),
    markPaid: (g, id) => pay(ctx, g, id, timeoutMs),
    markExpired: (g, id) => expire(ctx, g, id, timeoutMs),
    markRefunded: (g, id, amount) => refund(ctx, g, id, timeoutMs, amount),
    openMed: (g, id, natureza) => openMed(ctx, g, id, timeoutMs, natureza),
    resolveMed: (g, id, outcome) => resolveMed(ctx, g, id, timeoutMs, outcome),
    charges: (g) => state.list(g),
    charge: (g, id) => state.find(g, id),
    deliveries: () => [...state.deliveries],
    setCredentials: (g, creds) => {
      state.credentials[g] = { ...state.credentials[g], ...creds };
    },
    setOutage: (g, down) => void (down ? state.outages.add(g) : state.outages.delete(g)),
    tokensIssued: (g) => state.tokensIssued[g],
    bcbWebhook: (key) => state.bcbWebhooks.get(key)?.url,
    flush: () => sim.flush(),
    statusReads: (g) => state.statusReads.filter((r) => !g || r.gateway === g),
    isBlocked: (g) => state.blocked.has(g),
    unblock: (g) => {
      state.blocked.delete(g);
      state.rateStrikes[g] = 0;
    },
    advanceClock: (ms) => void (state.clockOffsetMs += ms),
    readRule: (g) => READ_RULES[g],
  };
}
