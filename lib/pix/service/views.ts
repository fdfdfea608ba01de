// What each audience sees of a PIX charge: the API/seller view, and the buyer's (no customer data, no ids of the gateway).
import "server-only";
import type { PixCharge, PixChargeAttempt, PixRefund } from "@/generated/prisma/client";
import { appUrl } from "@/lib/env/app-url";
import { brCodeToPngDataUrl } from "@/lib/pix/qr";
import { getPixGatewayDefinition, isPixGatewayId } from "@/lib/pix/registry";
import type { PixDisputeView } from "@/lib/pix/disputes";

export type PixChargeView = {
  id: string;
  status: string;
  amountCentavos: number;
  description: string;
  orderId: string | null;
  reference: string;
  gateway: string | null;
  brCode: string | null;
  qrPngDataUrl: string | null;
  expiresAt: Date | null;
  paidAt: Date | null;
  paidAmountCentavos: number | null;
  refundedCentavos: number;
  failureCode: string | null;
  failureMessage: string | null;
  payUrl: string;
  createdAt: Date;
};

export type PixChargeDetail = PixChargeView & {
  transactionId: string | null;
  endToEndId: string | null;
  customer: unknown;
  gatewayConfigId: string | null;
  gatewayLabel: string | null;
  canRefund: boolean;
  refundableCentavos: number;
  manualConfirmation: boolean;
  attempts: Array<
    Pick<
      PixChargeAttempt,
      "id" | "gateway" | "gatewayConfigId" | "ok" | "errorCode" | "errorMessage" | "durationMs" | "createdAt"
    >
  >;
  refunds: Array<Pick<PixRefund, "id" | "amountCentavos" | "status" | "reason" | "failureMessage" | "createdAt">>;
  /** MED cases, newest first (lib/pix/disputes.ts). */
  disputes: PixDisputeView[];
};

export type PublicPixCharge = {
  id: string;
  /** A PixChargeState; `pending` without a gateway while the code is being generated. */
  status: string;
  amountCentavos: number;
  description: string;
  storeName: string;
  brCode: string | null;
  qrPngDataUrl: string | null;
  expiresAt: Date | null;
  paidAt: Date | null;
  gateway: string | null;
  gatewayName: string | null;
  /** The seller's success URL with `orderId` when the store sends buyers to its own site after paying (lib/tenancy/after-payment.ts); null keeps Vitrine's paid state. */
  paidRedirectUrl: string | null;
  /** `awaiting_customer` only: the fields to ask the buyer for (null: no gateway can take the charge now). */
  customerForm: {
    fields: Array<"name" | "email" | "document" | "phone">;
    document: false | "cpf" | "cpf_or_cnpj";
  } | null;
  /** Once paid: the PIX end-to-end id (the bank's proof of the transfer). */
  endToEndId: string | null;
  /** Once paid: where the buyer downloads the store's receipt PDF (lib/invoices/buyer-receipt.ts). */
  receiptPdfUrl: string | null;
};

export const payUrlOf = (id: string) => `${appUrl()}/pay/pix/${id}`;

export async function qrOf(charge: Pick<PixCharge, "qrImage" | "brCode">): Promise<string | null> {
  if (charge.qrImage?.startsWith("data:image/")) return charge.qrImage;
  return charge.brCode ? brCodeToPngDataUrl(charge.brCode) : null;
}

export async function toChargeView(charge: PixCharge): Promise<PixChargeView> {
  return {
    id: charge.id,
    status: charge.status,
    amountCentavos: charge.amountCentavos,
    description: charge.description,
    orderId: charge.externalOrderId,
    reference: charge.reference,
    gateway: charge.gateway,
    brCode: charge.brCode,
    qrPngDataUrl: await qrOf(charge),
    expiresAt: charge.expiresAt,
    paidAt: charge.paidAt,
    paidAmountCentavos: charge.paidAmountCentavos,
    refundedCentavos: charge.refundedCentavos,
    failureCode: charge.failureCode,
    failureMessage: charge.failureMessage,
    payUrl: payUrlOf(charge.id),
    createdAt: charge.createdAt,
  };
}

/** The list view skips the QR image (large); the detail has it. */
export function toChargeListItem(charge: PixCharge): Omit<PixChargeView, "qrPngDataUrl" | "brCode"> {
  return {
    id: charge.id,
    status: charge.status,
    amountCentavos: charge.amountCentavos,
    description: charge.description,
    orderId: charge.externalOrderId,
    reference: charge.reference,
    gateway: charge.gateway,
    expiresAt: charge.expiresAt,
    paidAt: charge.paidAt,
    paidAmountCentavos: charge.paidAmountCentavos,
    refundedCentavos: charge.refundedCentavos,
    failureCode: charge.failureCode,
    failureMessage: charge.failureMessage,
    payUrl: payUrlOf(charge.id),
    createdAt: charge.createdAt,
  };
}

export const gatewayName = (id: string | null) =>
  id && isPixGatewayId(id) ? getPixGatewayDefinition(id).displayName : null;

export function refundableOf(charge: PixCharge, refunds: Pick<PixRefund, "status" | "amountCentavos">[]): number {
  if (charge.status !== "paid") return 0;
  const committed = refunds.filter((r) => r.status !== "failed").reduce((s, r) => s + r.amountCentavos, 0);
  return Math.max(
    0,
    (charge.paidAmountCentavos ?? charge.amountCentavos) - Math.max(committed, charge.refundedCentavos),
  );
}

/** CPF `***.456.789-**`, CNPJ `**.222.333/0001-**`: enough to recognise, not enough to reuse. */
export function maskDocument(digits: string): string {
  if (/^\d{11}$/.test(digits)) return `***.${digits.slice(3, 6)}.${digits.slice(6, 9)}-**`;
  if (/^\d{14}$/.test(digits)) return `**.${digits.slice(2, 5)}.${digits.slice(5, 8)}/${digits.slice(8, 12)}-**`;
  return "***";
}

/** The stored buyer data as the seller's views show it: the document masked. */
export function customerView(value: unknown): unknown {
  if (!value || typeof value !== "object" || Array.isArray(value)) return value ?? null;
  const customer = value as Record<string, unknown>;
  return typeof customer.document === "string" ? { ...customer, document: maskDocument(customer.document) } : customer;
}
