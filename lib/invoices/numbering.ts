// Gap-free invoice numbers. One InvoiceSequence row per series, incremented with one upsert inside
// the finalising transaction: the row stays locked until that transaction ends, so concurrent
// finalisations of a series take numbers one after another, and a transaction that rolls back
// rolls its number back with it (the next one reuses it). No number is ever skipped or repeated.
import type { Tx } from "@/lib/db/client";
import { DISPLAY_TIME_ZONE } from "@/lib/i18n/format";
import type { Issuer, Kind } from "./types";

export const PLATFORM_SERIES = "platform";
export const CREDIT_NOTE_SUFFIX = ":cn";

/** "platform", "platform:cn", "store:<id>", "store:<id>:cn". */
export function seriesFor(issuer: Issuer, storeId: string, kind: Kind = "INVOICE"): string {
  const base = issuer === "PLATFORM" ? PLATFORM_SERIES : `store:${storeId}`;
  return kind === "CREDIT_NOTE" ? `${base}${CREDIT_NOTE_SUFFIX}` : base;
}

/** The next number of a series; call inside the transaction that finalises the invoice. */
export async function nextNumber(tx: Tx, series: string): Promise<number> {
  const rows = await tx.$queryRawUnsafe<Array<{ lastNumber: number }>>(
    `INSERT INTO "InvoiceSequence" ("series", "lastNumber", "updatedAt") VALUES ($1, 1, now())
     ON CONFLICT ("series") DO UPDATE SET "lastNumber" = "InvoiceSequence"."lastNumber" + 1, "updatedAt" = now()
     RETURNING "lastNumber"`,
    series,
  );
  return Number(rows[0]!.lastNumber);
}

/** A store's prefix: its slug in capitals without separators, at most 10 characters ("loja-da-ana" → "LOJADAANA"). */
export function storePrefix(slug: string): string {
  const letters = slug
    .normalize("NFD")
    .replace(/[^A-Za-z0-9]/g, "")
    .toUpperCase()
    .slice(0, 10);
  return letters || "LOJA";
}

const pad = (n: number) => String(n).padStart(6, "0");

function yearIn(at: Date): string {
  return new Intl.DateTimeFormat("en-US", { timeZone: DISPLAY_TIME_ZONE, year: "numeric" }).format(at);
}

/**
 * The number people read: "VIT-2026-000042" (platform; the year of issue in Brazil, for reading:
 * the series itself never restarts), "LOJADAANA-000042" (a store), with "NC" (nota de crédito) for
 * credit notes: "VIT-NC-2026-000003", "LOJADAANA-NC-000003".
 */
export function displayNumberFor(input: {
  issuer: Issuer;
  kind: Kind;
  number: number;
  finalizedAt: Date;
  storeSlug: string;
}): string {
  const cn = input.kind === "CREDIT_NOTE" ? "NC-" : "";
  if (input.issuer === "PLATFORM") return `VIT-${cn}${yearIn(input.finalizedAt)}-${pad(input.number)}`;
  return `${storePrefix(input.storeSlug)}-${cn}${pad(input.number)}`;
}

/** The BR Code txid of an invoice (letters and digits only, at most 25): "VIT2026000042". */
export function pixTxidOf(displayNumber: string): string {
  return displayNumber.replace(/[^A-Za-z0-9]/g, "").slice(0, 25);
}
