// What may change on a finalised invoice: its status (forward only) and the facts of its payment.
// Lines, totals, parties, number and dates of issue never change; a correction is a credit note.
// This is the one writer of a finalised invoice, and it refuses any other field at run time too.
import "server-only";
import type { Invoice } from "@/generated/prisma/client";
import { appendAudit, type AuditContext } from "@/lib/audit/log";
import { prisma, type Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { contentHashOf, type InvoiceWithLines, lockInvoice } from "./issue";
import type { InvoiceStatus } from "./types";

export type PaymentPatch = {
  status?: InvoiceStatus;
  amountPaid?: number;
  amountDue?: number;
  paidAt?: Date | null;
  voidedAt?: Date | null;
  paymentMethod?: string | null;
  hostedInvoiceUrl?: string | null;
  stripeObjectUrl?: string | null;
  pixChargeId?: string | null;
};

const PATCHABLE = new Set<string>([
  "status",
  "amountPaid",
  "amountDue",
  "paidAt",
  "voidedAt",
  "paymentMethod",
  "hostedInvoiceUrl",
  "stripeObjectUrl",
  "pixChargeId",
]);

/** Where each status may go. Paid and void are final: money back is a credit note, not an edit. */
const NEXT: Record<InvoiceStatus, readonly InvoiceStatus[]> = {
  draft: ["open", "paid", "void"],
  open: ["paid", "void", "uncollectible"],
  uncollectible: ["paid", "void"],
  paid: [],
  void: [],
};

export function canMove(from: string, to: InvoiceStatus): boolean {
  return from === to || (NEXT[from as InvoiceStatus] ?? []).includes(to);
}

/** Throws invoice_immutable for any field a finalised invoice cannot change (lines, totals, parties, number…). */
export function assertPatchable(patch: Record<string, unknown>): asserts patch is PaymentPatch {
  const refused = Object.keys(patch).filter((k) => !PATCHABLE.has(k));
  if (refused.length)
    throw new AppError(
      "invoice_immutable",
      `A finalised invoice never changes its ${refused.join(", ")}; issue a credit note to correct it.`,
      { param: refused[0] },
    );
}

export type PatchResult = { invoice: InvoiceWithLines; changed: boolean; statusChanged: boolean };

/**
 * Applies status and payment facts to a finalised invoice under its row lock. A status the
 * invoice cannot move to (paid → open, void → paid) leaves the status alone and applies only the
 * payment links. The content hash is recomputed, so a cached PDF of the old state is never served.
 */
export async function patchInvoiceTx(
  tx: Tx,
  invoiceId: string,
  patch: PaymentPatch,
  audit: AuditContext,
  reason?: string,
): Promise<PatchResult> {
  assertPatchable(patch as Record<string, unknown>);
  const current = await lockInvoice(tx, invoiceId);
  if (!current) throw new AppError("not_found", "Invoice not found.");
  if (current.status === "draft")
    throw new AppError("conflict", "Finalise a draft invoice before recording payments on it.");
  const data: PaymentPatch = { ...patch };
  // Paid and void are final: a replayed "paid" (or a refused move) keeps the first payment's facts.
  const settled = current.status === "paid" || current.status === "void";
  if (data.status && (!canMove(current.status, data.status) || settled)) {
    delete data.status;
    delete data.amountPaid;
    delete data.amountDue;
    delete data.paidAt;
    delete data.voidedAt;
    delete data.paymentMethod;
  }
  const entries = Object.entries(data).filter(([k, v]) => {
    const before = (current as unknown as Record<string, unknown>)[k];
    return before instanceof Date && v instanceof Date ? before.getTime() !== v.getTime() : before !== v;
  });
  if (entries.length === 0) return { invoice: current, changed: false, statusChanged: false };
  const changes = Object.fromEntries(entries) as PaymentPatch;
  const next: Invoice = { ...current, ...changes };
  const invoice = await tx.invoice.update({
    where: { id: current.id },
    data: { ...changes, contentHash: contentHashOf(next, current.lines) },
    include: { lines: { orderBy: { position: "asc" } } },
  });
  const statusChanged = invoice.status !== current.status;
  if (statusChanged)
    await appendAudit(tx, audit, {
      action: `invoice.${invoice.status}`,
      storeId: invoice.storeId,
      target: { type: "invoice", id: invoice.id },
      before: { status: current.status, amountPaid: current.amountPaid },
      after: {
        number: invoice.displayNumber,
        status: invoice.status,
        amountPaid: invoice.amountPaid,
        paymentMethod: invoice.paymentMethod,
        ...(reason ? { reason } : {}),
      },
    });
  return { invoice, changed: true, statusChanged };
}

export function patchInvoice(
  invoiceId: string,
  patch: PaymentPatch,
  audit: AuditContext,
  reason?: string,
): Promise<PatchResult> {
  return prisma.$transaction((tx) => patchInvoiceTx(tx, invoiceId, patch, audit, reason));
}

/** Marks an open (or uncollectible) invoice paid in full, once: a second call changes nothing. */
export async function markPaidTx(
  tx: Tx,
  invoiceId: string,
  facts: { paidAt: Date; paymentMethod: string; amountPaid?: number },
  audit: AuditContext,
  reason?: string,
): Promise<PatchResult> {
  const current = await tx.invoice.findUnique({ where: { id: invoiceId }, select: { total: true } });
  if (!current) throw new AppError("not_found", "Invoice not found.");
  const patch: PaymentPatch = {
    status: "paid",
    paidAt: facts.paidAt,
    paymentMethod: facts.paymentMethod,
    amountPaid: facts.amountPaid ?? Math.max(0, current.total),
    amountDue: 0,
  };
  return patchInvoiceTx(tx, invoiceId, patch, audit, reason);
}
