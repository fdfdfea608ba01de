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
    const status: PixStatus = refunded > 0 && refunded >= amountCentavos ? "refunded" : "paid";
    return {
      transactionId: txid,
      hash: endToEndId,
      reference: txid,
      status,
      rawStatus: refunded > 0 ? "DEVOLVIDO" : "CONCLUIDA",
      amountCentavos,
      ...(refunded > 0 ? { refundedCentavos: refunded } : {}),
      raw: item,
    };
  });
}
