// The payment history as CSV, streamed: keyset batches pulled as the client reads, so a year of a
// busy store never sits in memory. Amounts are decimal strings in major units beside their currency
// ("129.90","BRL"); text a spreadsheet would run as a formula is neutralised (lib/credits/csv).
import { csvCell } from "@/lib/credits/csv";
import { minorToDecimal } from "@/lib/money";
import type { Cursor } from "./cursor";
import { type PaymentFilter, type PaymentRow, pagePayments, type StoreScope } from "./list";

export const CSV_HEADER = [
  "id",
  "created_at",
  "method",
  "channel",
  "status",
  "amount",
  "currency",
  "amount_refunded",
  "buyer_email",
  "buyer_name",
  "store_order_id",
  "description",
  "paid_at",
] as const;

const BATCH = 500;

export function csvLine(r: PaymentRow): string {
  return `${[
    r.id,
    r.createdAt.toISOString(),
    r.method,
    r.channel,
    r.status,
    minorToDecimal(r.amount, r.currency),
    r.currency,
    r.amountRefunded === null ? null : minorToDecimal(r.amountRefunded, r.currency),
    r.buyerEmail,
    r.buyerName,
    r.externalOrderId,
    r.description,
    r.paidAt?.toISOString() ?? null,
  ]
    .map(csvCell)
    .join(",")}\r\n`;
}

/** A byte stream of the CSV: header first, then one keyset batch per pull until the range is done. */
export function paymentsCsvStream(store: StoreScope, filter: PaymentFilter, batch = BATCH): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cursor: Cursor | null = null;
  let started = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!started) {
          started = true;
          // A BOM so spreadsheet apps read the buyer names' accents as UTF-8.
          controller.enqueue(encoder.encode(`\uFEFF${CSV_HEADER.join(",")}\r\n`));
          return;
        }
        const { rows, next } = await pagePayments(store, filter, cursor, batch);
        if (rows.length) controller.enqueue(encoder.encode(rows.map(csvLine).join("")));
        if (!next) controller.close();
        cursor = next;
      },
    },
    { highWaterMark: 1 },
  );
}

export function csvFilename(filter: PaymentFilter, today: string): string {
  const span = filter.from || filter.to ? `${filter.from ?? "start"}_${filter.to ?? today}` : today;
  return `payments-${span}.csv`;
}
