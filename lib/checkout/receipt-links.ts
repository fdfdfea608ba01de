// Where a buyer downloads the receipt PDF of what they paid (routes under app/api/public; served by
// lib/invoices/buyer-receipt.ts). The id in the path is the one the buyer's page link carries.

export type ReceiptSource = "order" | "pix_charge";

export function receiptPdfPath(source: ReceiptSource, id: string): string {
  return source === "order" ? `/api/public/orders/${id}/receipt` : `/api/public/pix/charges/${id}/receipt`;
}
