import { PixGatewayError } from "../errors";
import { firstString, isObj, toCentavos } from "../fields";
import type { PixStatus } from "../status";
import type { PixWebhookEvent, PixWebhookInput } from "../types";
import { readWebhookBody } from "../webhook-body";

/** Sum of devoluções that reached DEVOLVIDO (refunds still EM_PROCESSAMENTO do not count). */
export function refundedCentavos(devolucoes: unknown): number {
  if (!Array.isArray(devolucoes)) return 0;
  return devolucoes
    .filter((d) => isObj(d) && String(d.status).toUpperCase() === "DEVOLVIDO")
    .reduce(
      (sum: number, d) => sum + toCentavos((d as { valor: unknown }).valor, "reais", "bcb", "invalid_webhook"),
      0,
    );
}

/**
 * The natureza of a MED devolução still EM_PROCESSAMENTO (MED_FRAUDE, MED_OPERACIONAL,
 * MED_PIX_AUTOMATICO): while one is, the Pix is in the BCB's Mecanismo Especial de Devolução. It
 * ends DEVOLVIDO (counted as refunded above) or NAO_REALIZADO (the seller keeps the money).
 */
export function openMedNatureza(devolucoes: unknown): string | undefined {
  if (!Array.isArray(devolucoes)) return undefined;
  const open = devolucoes.find(
    (d) =>
      isObj(d) &&
      String(d.natureza ?? "")
        .toUpperCase()
        .startsWith("MED_") &&
      String(d.status).toUpperCase() === "EM_PROCESSAMENTO",
  ) as { natureza: string } | undefined;
  return open ? String(open.natureza).toUpperCase() : undefined;
}

/**
 * The PSP POSTs `{"pix":[{endToEndId, txid, valor, horario, devoluções?}]}` to `{webhookUrl}/pix`,
 * possibly several Pix at once. Each item is a Pix received (paid); its devoluções that reached
 * DEVOLVIDO make it refunded when they cover the whole amount.
 */
export function parseBcbWebhook(input: PixWebhookInput): PixWebhookEvent[] {
  const body = readWebhookBody(input, "bcb");
  if (!Array.isArray(body.pix) || body.pix.length === 0)
    throw new PixGatewayError("invalid_webhook", "bcb webhook has no pix items", { gateway: "bcb" });
  return body.pix.map((item: unknown) => {
    if (!isObj(item))
      throw new PixGatewayError("invalid_webhook", "bcb webhook item is not an object", { gateway: "bcb" });
    const txid = firstString(item, "txid");
    const endToEndId = firstString(item, "endToEndId");
    if (!txid || !endToEndId)
      throw new PixGatewayError("invalid_webhook", "bcb webhook item without txid or endToEndId", { gateway: "bcb" });
    const amountCentavos = toCentavos(item.valor, "reais", "bcb", "invalid_webhook");
    const refunded = refundedCentavos(item.devolucoes);
    const med = openMedNatureza(item.devolucoes);
    const status: PixStatus = med ? "disputed" : refunded > 0 && refunded >= amountCentavos ? "refunded" : "paid";
    return {
      transactionId: txid,
      hash: endToEndId,
      reference: txid,
      status,
      rawStatus: med ?? (refunded > 0 ? "DEVOLVIDO" : "CONCLUIDA"),
      amountCentavos,
      ...(refunded > 0 ? { refundedCentavos: refunded } : {}),
      raw: item,
    };
  });
}
