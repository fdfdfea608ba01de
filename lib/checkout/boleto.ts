// Boleto through Stripe: offered to Brazilian accounts selling in BRL (Stripe's boleto supports
// business location BR and currency brl only). The voucher is valid for BOLETO_EXPIRES_AFTER_DAYS
// calendar days (until 23:59 São Paulo time); docs/boleto.md.

export const BOLETO_EXPIRES_AFTER_DAYS = 3;

export function boletoOffered(accountCountry: string, currency: string): boolean {
  return accountCountry.toUpperCase() === "BR" && currency.toUpperCase() === "BRL";
}

/** A boleto order's state as the buyer and seller read it. */
export type BoletoState = "awaiting_payment" | "paid" | "expired" | "canceled" | null;

export function boletoStateOf(order: {
  paymentMethodType: string | null;
  status: string;
  boletoNumber: string | null;
}): BoletoState {
  if (order.paymentMethodType !== "boleto" || !order.boletoNumber) return null;
  if (order.status === "PAID" || order.status === "PARTIALLY_REFUNDED" || order.status === "REFUNDED") return "paid";
  if (order.status === "EXPIRED" || order.status === "FAILED") return "expired";
  if (order.status === "CANCELED") return "canceled";
  return "awaiting_payment";
}
