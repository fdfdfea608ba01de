// Which payment a callback is about, read from its body: the seller's delivery log links each
// delivery to the order or PIX charge it reports. Framework-free (the dashboard uses it too).

export type DeliverySubject =
  | { kind: "order" | "pix_charge"; id: string; storeOrderId: string | null }
  | { kind: "test" }
  | null;

const str = (v: unknown) => (typeof v === "string" && v.length > 0 ? v : null);

/**
 * `data.vitrineOrderId` names a card order (renewals and refunds included), `data.pixChargeId` a
 * PIX charge, `data.test` the dashboard's test event. `storeOrderId` is the store's own order id
 * when the store passed one (the body's `orderId` then differs from Vitrine's id).
 */
export function deliverySubject(payload: unknown): DeliverySubject {
  const data = (payload as { data?: Record<string, unknown> } | null)?.data;
  if (!data || typeof data !== "object") return null;
  if (data.test === true) return { kind: "test" };
  const orderId = str(data.vitrineOrderId);
  const pixId = str(data.pixChargeId);
  const id = orderId ?? pixId;
  if (!id) return null;
  const storeOrderId = str(data.orderId);
  return {
    kind: orderId ? "order" : "pix_charge",
    id,
    storeOrderId: storeOrderId && storeOrderId !== id ? storeOrderId : null,
  };
}
