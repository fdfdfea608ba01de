// Rules the real gateways enforce, as now documented (docs/pix.md, "Gateway behaviour"): buyer
// data they refuse to go without, split limits, zone-less Brasília timestamps and PushinPay's
// one-read-per-minute status rule. The simulator answers the way the gateway would.
import type { ServerResponse } from "node:http";
import { sendJson } from "./http";
import type { SimGatewayId, SimulatorState } from "./state";

export const onlyDigits = (v: unknown): string =>
  typeof v === "string" || typeof v === "number" ? String(v).replace(/\D/g, "") : "";

/** CPF check digits (Receita Federal's mod-11); the simulator refuses what a real gateway would. */
export function cpfChecks(digits: string): boolean {
  if (!/^\d{11}$/.test(digits) || /^(\d)\1{10}$/.test(digits)) return false;
  const dv = (len: number) => {
    let sum = 0;
    for (let i = 0; i < len; i++) sum += Number(digits[i]) * (len + 1 - i);
    const r = (sum * 10) % 11;
    return r === 10 ? 0 : r;
  };
  return dv(9) === Number(digits[9]) && dv(10) === Number(digits[10]);
}

/** "YYYY-MM-DD HH:MM:SS" in Brasília time (UTC−3, no DST since 2019), without a zone — as Paradise sends it. */
export function brasiliaTimestamp(at: Date): string {
  return new Date(at.getTime() - 3 * 3_600_000).toISOString().replace("T", " ").slice(0, 19);
}

/** The first missing or malformed customer field, or null. */
export function customerProblem(
  c: Record<string, unknown> | undefined,
  fields: { name?: boolean; email?: boolean; document?: "cpf" | "cpf_or_cnpj"; phone?: boolean; phoneKey?: string },
): string | null {
  const v = c ?? {};
  if (fields.name && !(typeof v.name === "string" && v.name.trim().length >= 3)) return "customer.name";
  if (fields.email && !(typeof v.email === "string" && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v.email)))
    return "customer.email";
  if (fields.document) {
    const key = "document" in v ? "document" : "cpf";
    const doc = onlyDigits(v[key]);
    const ok = fields.document === "cpf" ? cpfChecks(doc) : cpfChecks(doc) || /^\d{14}$/.test(doc);
    if (!ok) return `customer.${key}`;
  }
  if (fields.phone) {
    const key = fields.phoneKey ?? "phone";
    if (!/^\d{10,11}$/.test(onlyDigits(v[key]))) return `customer.${key}`;
  }
  return null;
}

export function refuseCustomer(res: ServerResponse, field: string, status = 422): true {
  sendJson(res, status, {
    message: `O campo ${field} é obrigatório ou inválido.`,
    errors: { [field]: [`O campo ${field} é obrigatório ou inválido.`] },
  });
  return true;
}

/** PushinPay: one direct status read per transaction per minute; repeated abuse blocks the account. */
export const READ_RULES: Partial<Record<SimGatewayId, { perTransactionMs: number; strikesToBlock: number }>> = {
  pushinpay: { perTransactionMs: 60_000, strikesToBlock: 3 },
};

/** Applies the gateway's read rule to one status read; true when it already answered (refused). */
export function enforceReadRule(
  state: SimulatorState,
  gateway: SimGatewayId,
  id: string,
  known: boolean,
  res: ServerResponse,
): boolean {
  const rule = READ_RULES[gateway];
  const at = state.now();
  if (state.blocked.has(gateway)) {
    state.statusReads.push({ gateway, id, at, outcome: "blocked" });
    sendJson(res, 403, { message: "Conta bloqueada por excesso de consultas de status. Fale com o suporte." });
    return true;
  }
  if (rule && known) {
    const key = `${gateway}:${id}`;
    const last = state.lastReadAt.get(key);
    if (last !== undefined && at.getTime() - last < rule.perTransactionMs) {
      state.statusReads.push({ gateway, id, at, outcome: "rate_limited" });
      if (++state.rateStrikes[gateway] >= rule.strikesToBlock) state.blocked.add(gateway);
      const wait = Math.ceil((rule.perTransactionMs - (at.getTime() - last)) / 1000);
      res.setHeader("retry-after", String(wait));
      sendJson(res, 429, {
        message: "Too Many Attempts. Consulte uma transação no máximo uma vez por minuto; use o webhook.",
      });
      return true;
    }
    state.lastReadAt.set(key, at.getTime());
  }
  state.statusReads.push({ gateway, id, at, outcome: known ? "ok" : "not_found" });
  return false;
}
