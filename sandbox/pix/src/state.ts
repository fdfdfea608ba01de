import { randomBytes, randomUUID } from "node:crypto";
import { createDynamicBrCode } from "@/lib/pix/brcode";

export const SIM_GATEWAYS = ["syncpay", "pushinpay", "paradise", "wiinpay", "atomopay", "bcb"] as const;
export type SimGatewayId = (typeof SIM_GATEWAYS)[number];

export type SimState = "pending" | "paid" | "expired" | "refunded";

export type SimRefund = {
  id: string;
  rtrId: string;
  amountCentavos: number;
  status: "EM_PROCESSAMENTO" | "DEVOLVIDO" | "NAO_REALIZADO";
  at: Date;
  /** BCB devolução natureza; MED_FRAUDE / MED_OPERACIONAL for a MED (absent: ORIGINAL). */
  natureza?: string;
};

/** A MED (Mecanismo Especial de Devolução) the payer's bank opened on a paid charge. */
export type SimMed = { status: "opened" | "refunded" | "rejected"; natureza: string; at: Date };

export type SimCharge = {
  gateway: SimGatewayId;
  id: string;
  hash?: string;
  reference?: string;
  amountCentavos: number;
  state: SimState;
  brCode: string;
  location: string;
  webhookUrl?: string;
  description?: string;
  createdAt: Date;
  expiresInSeconds: number;
  paidAt?: Date;
  endToEndId?: string;
  producerHash?: string;
  pixKey?: string;
  refunds: SimRefund[];
  /** The latest MED on this charge, if any (only gateways that report MED get one: see actions.ts). */
  med?: SimMed;
  /** Exactly what the gateway received on creation, to assert units and field names. */
  received: { contentType: string; body: unknown; query: Record<string, string> };
};

export type Delivery = {
  gateway: SimGatewayId;
  chargeId: string;
  url: string;
  contentType: string;
  body: string;
  status: number | null;
  error?: string;
  at: Date;
};

/** Credentials each gateway accepts; anything else is refused like the real API would. */
export const SIMULATOR_CREDENTIALS = {
  syncpay: { client_id: "sim_syncpay_client", client_secret: "sim_syncpay_secret_0001" },
  pushinpay: { token: "sim_pushinpay_token_0001" },
  paradise: { api_key: "sk_sim_paradise_0001", product_hash: "prod_sim_paradise" },
  wiinpay: { api_key: "sim_wiinpay_key_0001" },
  atomopay: {
    api_token: "sim_atomo_token_0001",
    offer_hash: "offer_sim",
    product_hash: "prod_sim_atomo",
    producer_hash: "producer_sim_1",
  },
  bcb: { client_id: "sim_bcb_client", client_secret: "sim_bcb_secret_0001", pix_key: "pix@vitrine.test" },
} satisfies Record<SimGatewayId, Record<string, string>>;

export type SimCredentials = { [G in SimGatewayId]: Record<string, string> };

const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
export function alnum(n: number): string {
  return [...randomBytes(n)].map((b) => ALNUM[b % ALNUM.length]).join("");
}

/** A BCB-shaped endToEndId: E + 8-digit ISPB + yyyyMMddHHmm + 11 alphanumerics = 32 chars. */
export function endToEndId(at: Date): string {
  const stamp = at.toISOString().replace(/\D/g, "").slice(0, 12);
  return `E12345678${stamp}${alnum(11)}`;
}

export class SimulatorState {
  charges = new Map<string, SimCharge>();
  deliveries: Delivery[] = [];
  credentials: SimCredentials = structuredClone(SIMULATOR_CREDENTIALS);
  tokens = new Map<string, SimGatewayId>();
  tokensIssued: Record<SimGatewayId, number> = {
    syncpay: 0,
    pushinpay: 0,
    paradise: 0,
    wiinpay: 0,
    atomopay: 0,
    bcb: 0,
  };
  outages = new Set<SimGatewayId>();
  /** BCB: webhook URL per Pix key (PUT /webhook/{chave}). */
  bcbWebhooks = new Map<string, { url: string; at: Date }>();
  publicHost = "127.0.0.1";
  /** Every status read each gateway answered (after authentication), for budget assertions. */
  statusReads: Array<{
    gateway: SimGatewayId;
    id: string;
    at: Date;
    outcome: "ok" | "not_found" | "rate_limited" | "blocked";
  }> = [];
  /** PushinPay's rule: per transaction, the last read that was answered. */
  lastReadAt = new Map<string, number>();
  /** Reads refused for going too fast, per gateway; at RATE_STRIKES_TO_BLOCK the account is blocked. */
  rateStrikes: Record<SimGatewayId, number> = {
    syncpay: 0,
    pushinpay: 0,
    paradise: 0,
    wiinpay: 0,
    atomopay: 0,
    bcb: 0,
  };
  blocked = new Set<SimGatewayId>();
  /** Moves the simulator's clock (rate windows, expiry times) without waiting. */
  clockOffsetMs = 0;

  constructor(private readonly realNow: () => Date = () => new Date()) {}

  now(): Date {
    return new Date(this.realNow().getTime() + this.clockOffsetMs);
  }

  issueToken(gateway: SimGatewayId): string {
    const token = `simtok_${alnum(24)}`;
    this.tokens.set(token, gateway);
    this.tokensIssued[gateway]++;
    return token;
  }

  bearerValid(gateway: SimGatewayId, header: string | undefined): boolean {
    const token = header?.replace(/^Bearer\s+/i, "");
    return !!token && this.tokens.get(token) === gateway;
  }

  addCharge(
    input: Omit<SimCharge, "id" | "brCode" | "location" | "createdAt" | "state" | "refunds"> & { id?: string },
  ): SimCharge {
    const id = input.id ?? randomUUID();
    const location = `${this.publicHost}/${input.gateway}/qr/${randomUUID().replace(/-/g, "")}`;
    const charge: SimCharge = {
      ...input,
      id,
      location,
      brCode: createDynamicBrCode({ url: location, merchantName: "Vitrine Simulador", merchantCity: "Sao Paulo" }),
      createdAt: this.now(),
      state: "pending",
      refunds: [],
    };
    this.charges.set(`${input.gateway}:${id}`, charge);
    return charge;
  }

  /** By id, hash or reference (txid), within one gateway. */
  find(gateway: string, key: string): SimCharge | undefined {
    const direct = this.charges.get(`${gateway}:${key}`);
    if (direct) return direct;
    return [...this.charges.values()].find(
      (c) => c.gateway === gateway && (c.hash === key || c.reference === key || c.endToEndId === key),
    );
  }

  list(gateway?: string): SimCharge[] {
    return [...this.charges.values()].filter((c) => !gateway || c.gateway === gateway);
  }

  refundedCentavos(charge: SimCharge): number {
    return charge.refunds.filter((r) => r.status !== "NAO_REALIZADO").reduce((s, r) => s + r.amountCentavos, 0);
  }

  reset(): void {
    this.charges.clear();
    this.deliveries = [];
    this.tokens.clear();
    this.bcbWebhooks.clear();
    this.outages.clear();
    this.credentials = structuredClone(SIMULATOR_CREDENTIALS);
    for (const g of Object.keys(this.tokensIssued) as SimGatewayId[]) this.tokensIssued[g] = 0;
    this.statusReads = [];
    this.lastReadAt.clear();
    for (const g of Object.keys(this.rateStrikes) as SimGatewayId[]) this.rateStrikes[g] = 0;
    this.blocked.clear();
    this.clockOffsetMs = 0;
  }
}
