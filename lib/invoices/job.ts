// The `invoices.issue` job, every 30 seconds, one run at a time across servers: receipts for paid
// orders and PIX charges, invoices for credit purchases, credit notes for refunds, open invoices
// whose PIX charge was paid, and the platform's own PIX charges re-read at its gateway (a lost
// webhook still pays the platform invoice; ./platform-pix.ts). Every step is idempotent (unique source per invoice, status
// forward only), so a run that fails half-way is simply run again.
import "server-only";
import type { JobDefinition } from "@/lib/jobs/runner";
import { logger } from "@/lib/log/logger";
import { issueCreditPurchaseInvoices } from "./platform";
import { settleInvoicePixPayments } from "./pix";
import { reconcilePlatformPixCharges } from "./platform-pix";
import { issueCreditNotes, issueOrderReceipts, issuePixReceipts } from "./receipts";

export const INVOICES_JOB = "invoices.issue";

export type IssueReport = {
  credits: number;
  orders: number;
  pix: number;
  creditNotes: number;
  pixSettled: number;
  platformPixPaid: number;
};

/** One pass over everything that should have a document and has none. */
export async function issueDueDocuments(): Promise<IssueReport> {
  // Settle first: a PIX charge that paid an open invoice must not also get a receipt of its own.
  const pixSettled = await settleInvoicePixPayments();
  const platformPixPaid = (await reconcilePlatformPixCharges()).paid;
  const report: IssueReport = {
    credits: await issueCreditPurchaseInvoices(),
    orders: await issueOrderReceipts(),
    pix: await issuePixReceipts(),
    creditNotes: 0,
    pixSettled,
    platformPixPaid,
  };
  // After the receipts: a refund's note needs the receipt it corrects.
  report.creditNotes = await issueCreditNotes();
  if (Object.values(report).some((n) => n > 0)) logger.info({ report }, "invoices issued");
  return report;
}

export const invoicesIssueJob: JobDefinition = {
  name: INVOICES_JOB,
  cron: "*/30 * * * * *",
  policy: "singleton",
  retryLimit: 1,
  retryDelaySeconds: 10,
  async handle() {
    await issueDueDocuments();
  },
};
