// The store's payments, card and PIX, newest first: one UNION ALL over Order and PixCharge, each
// side walking its (storeId, createdAt, id) or (storeId, status, createdAt, id) index from the
// cursor and stopping after `limit` rows, so a page costs the same at 1k and at 1M payments. A
// search walks the (storeId, amount, createdAt, id) and (storeId, lower(email), createdAt, id)
// indexes the same way (docs/operations.md "Seller lists at 1M rows").
import { prisma } from "@/lib/db/client";
import { type Cursor, decodeCursor, encodeCursor } from "./cursor";
import type { ExportPaymentsQuery, ListPaymentsQuery, PaymentMethod, PaymentStatus } from "./schemas";
import { type SearchTerms, searchTerms } from "./search";
import { CARD_STATUS, cardStatusesFor, PIX_STATUS_SQL, pixPaymentStatus } from "./status";
import { nextDay, startOfDay } from "./time-zone";

export type PaymentChannel = "checkout" | "elements" | "renewal" | "pix";

export type PaymentRow = {
  id: string;
  method: PaymentMethod;
  /** How the buyer paid: card (at once or in installments), boleto (both Stripe, method "card") or PIX. */
  paidWith: "card" | "boleto" | "pix";
  channel: PaymentChannel;
  status: PaymentStatus;
  /** Integer minor units of `currency`. */
  amount: number;
  currency: string;
  /** PIX: what the buyer has been given back so far; card refunds live on the order (detail). */
  amountRefunded: number | null;
  buyerEmail: string | null;
  buyerName: string | null;
  externalOrderId: string | null;
  description: string;
  createdAt: Date;
  paidAt: Date | null;
};

export type PaymentPage = { data: PaymentRow[]; nextCursor: string | null };

/** The store facts a query needs: its currency (to read typed amounts) and its time zone (days). */
export type StoreScope = { id: string; currency: string; timeZone: string };

export type PaymentFilter = Omit<ExportPaymentsQuery, "q"> & { q?: string; locale?: string };

type RawRow = {
  method: PaymentMethod;
  id: string;
  createdAt: Date | string;
  rawStatus: string;
  amount: number;
  currency: string;
  refunded: number | null;
  failureCode: string | null;
  email: string | null;
  name: string | null;
  externalOrderId: string | null;
  channel: string;
  description: string | null;
  paidAt: Date | string | null;
  paidWith: string | null;
};

class Params {
  readonly values: unknown[] = [];
  add(v: unknown): string {
    this.values.push(v);
    return `$${this.values.length}`;
  }
}

/** Prisma's DateTime columns are `timestamp(3)` holding UTC; raw rows may come back as strings. */
const toDate = (v: Date | string): Date => (v instanceof Date ? v : new Date(/[zZ+]/.test(v) ? v : `${v}Z`));
const sqlTimestamp = (p: Params, d: Date) => `${p.add(d.toISOString().replace("Z", ""))}::timestamp(3)`;

function range(p: Params, col: string, filter: PaymentFilter, timeZone: string): string[] {
  const out: string[] = [];
  if (filter.from) out.push(`${col} >= ${sqlTimestamp(p, startOfDay(filter.from, timeZone))}`);
  if (filter.to) out.push(`${col} < ${sqlTimestamp(p, startOfDay(nextDay(filter.to), timeZone))}`);
  return out;
}

function keyset(p: Params, alias: string, cursor: Cursor | null): string[] {
  if (!cursor) return [];
  return [`(${alias}."createdAt", ${alias}."id") < (${sqlTimestamp(p, cursor.at)}, ${p.add(cursor.id)})`];
}

/**
 * One side's SELECT: without a search, one keyset walk; with one, a walk per kind of match (ids,
 * whole email, part of email or name, amount), each on its own (storeId, …, createdAt, id) index and
 * stopping after `limit` rows, merged with UNION (a row matching twice appears once). One OR over
 * all of them would make PostgreSQL fetch every match (a BitmapOr) and sort it: ~1 s for an amount
 * sold 20,000 times in a 1M-payment store, against a few ms this way.
 */
function walks(head: string, where: string[], matches: string[] | null, order: string, limit: string): string {
  const one = (extra: string[]) => `(${head}
    WHERE ${[...where, ...extra].join(" AND ")}
    ORDER BY ${order} LIMIT ${limit})`;
  if (!matches) return one([]);
  return matches.map((m) => one([m])).join(" UNION ");
}

function cardSide(
  p: Params,
  store: StoreScope,
  filter: PaymentFilter,
  terms: SearchTerms | null,
  cursor: Cursor | null,
  limit: string,
) {
  // Pay-page drafts (a buyer looked, or chose PIX, and never paid by card or boleto) stay out, as in
  // every seller list (lib/orders/drafts.ts LISTED_ORDERS).
  const where = [
    `o."storeId" = ${p.add(store.id)}`,
    `NOT (o."channel" = 'ELEMENTS' AND o."submittedAt" IS NULL AND o."status" IN ('PENDING', 'EXPIRED', 'CANCELED'))`,
  ];
  if (filter.status?.length) {
    const raw = filter.status.flatMap(cardStatusesFor);
    // One parameter per status: array parameters do not survive every driver adapter (PGlite's).
    where.push(`o."status" IN (${raw.map((r) => `${p.add(r)}::"OrderStatus"`).join(", ")})`);
  }
  where.push(...range(p, `o."createdAt"`, filter, store.timeZone));
  let matches: string[] | null = null;
  if (terms) {
    const exact = p.add(terms.exact);
    matches = [
      `(o."id" = ${exact} OR o."externalOrderId" = ${exact} OR o."paymentIntentId" = ${exact} OR o."checkoutSessionId" = ${exact})`,
    ];
    if (terms.email) matches.push(`lower(o."customerEmail") = ${p.add(terms.email.toLowerCase())}`);
    if (terms.like) matches.push(`o."customerEmail" ILIKE ${p.add(terms.like)}`);
    if (terms.amount !== null) matches.push(`o."amountTotal" = ${p.add(terms.amount)}`);
  }
  where.push(...keyset(p, "o", cursor));
  const head = `SELECT 'card' AS "method", o."id", o."createdAt", o."status"::text AS "rawStatus", o."amountTotal" AS "amount",
      o."currency", NULL::int AS "refunded", o."failureCode", o."customerEmail" AS "email", NULL::text AS "name",
      o."externalOrderId", lower(o."channel"::text) AS "channel",
      CASE WHEN o."quantity" > 1 THEN pd."name" || ' × ' || o."quantity" ELSE pd."name" END AS "description", o."paidAt",
      o."paymentMethodType" AS "paidWith"
    FROM "Order" o
    LEFT JOIN "Price" pr ON pr."id" = o."priceId"
    LEFT JOIN "Product" pd ON pd."id" = pr."productId"`;
  return walks(head, where, matches, `o."createdAt" DESC, o."id" DESC`, limit);
}

function pixSide(
  p: Params,
  store: StoreScope,
  filter: PaymentFilter,
  terms: SearchTerms | null,
  cursor: Cursor | null,
  limit: string,
) {
  const where = [`c."storeId" = ${p.add(store.id)}`];
  if (filter.status?.length) where.push(`(${filter.status.map((s) => PIX_STATUS_SQL[s]).join(" OR ")})`);
  where.push(...range(p, `c."createdAt"`, filter, store.timeZone));
  let matches: string[] | null = null;
  if (terms) {
    const exact = p.add(terms.exact);
    matches = [`(c."id" = ${exact} OR c."reference" = ${exact} OR c."externalOrderId" = ${exact})`];
    if (terms.email) matches.push(`lower(c."customer"->>'email') = ${p.add(terms.email.toLowerCase())}`);
    if (terms.like) {
      const like = p.add(terms.like);
      matches.push(`(c."customer"->>'email' ILIKE ${like} OR c."customer"->>'name' ILIKE ${like})`);
    }
    if (terms.amount !== null) matches.push(`c."amountCentavos" = ${p.add(terms.amount)}`);
  }
  where.push(...keyset(p, "c", cursor));
  const head = `SELECT 'pix' AS "method", c."id", c."createdAt", c."status" AS "rawStatus", c."amountCentavos" AS "amount",
      'BRL' AS "currency", c."refundedCentavos" AS "refunded", c."failureCode", c."customer"->>'email' AS "email",
      c."customer"->>'name' AS "name", c."externalOrderId", 'pix' AS "channel", c."description", c."paidAt",
      'pix' AS "paidWith"
    FROM "PixCharge" c`;
  return walks(head, where, matches, `c."createdAt" DESC, c."id" DESC`, limit);
}

function toRow(r: RawRow): PaymentRow {
  const status =
    r.method === "card"
      ? (CARD_STATUS[r.rawStatus] ?? "pending")
      : pixPaymentStatus({
          status: r.rawStatus,
          refundedCentavos: Number(r.refunded ?? 0),
          failureCode: r.failureCode,
        });
  return {
    id: r.id,
    method: r.method,
    paidWith: r.method === "pix" ? "pix" : r.paidWith === "boleto" ? "boleto" : "card",
    channel: r.channel as PaymentChannel,
    status,
    amount: Number(r.amount),
    currency: r.currency,
    amountRefunded: r.refunded === null ? null : Number(r.refunded),
    buyerEmail: r.email,
    buyerName: r.name,
    externalOrderId: r.externalOrderId,
    description: r.description ?? "",
    createdAt: toDate(r.createdAt),
    paidAt: r.paidAt === null ? null : toDate(r.paidAt),
  };
}

/** One page after `cursor` (rows strictly older), at most `limit` rows, plus the cursor of the next. */
export async function pagePayments(
  store: StoreScope,
  filter: PaymentFilter,
  cursor: Cursor | null,
  limit: number,
): Promise<{ rows: PaymentRow[]; next: Cursor | null }> {
  const p = new Params();
  const take = p.add(limit + 1);
  const terms = filter.q
    ? searchTerms(filter.q, store.currency, filter.locale ?? (store.currency === "BRL" ? "pt-BR" : "en"))
    : null;
  const sides: string[] = [];
  if (filter.method !== "pix") sides.push(cardSide(p, store, filter, terms, cursor, take));
  if (filter.method !== "card") sides.push(pixSide(p, store, filter, terms, cursor, take));
  // With a search each side is a UNION of walks; the sides never share a row (method differs).
  const sql = `SELECT * FROM (${sides.join(terms ? " UNION " : " UNION ALL ")}) u ORDER BY u."createdAt" DESC, u."id" DESC LIMIT ${take}`;
  const raw = await prisma.$queryRawUnsafe<RawRow[]>(sql, ...p.values);
  const rows = raw.map(toRow);
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  const last = page.at(-1);
  return { rows: page, next: more && last ? { at: last.createdAt, id: last.id } : null };
}

/** The list page and GET /api/v1/payments: filters, search and an opaque cursor. */
export async function listPayments(
  store: StoreScope,
  query: ListPaymentsQuery,
  opts: { locale?: string } = {},
): Promise<PaymentPage> {
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;
  const { rows, next } = await pagePayments(store, { ...query, locale: opts.locale }, cursor, query.limit);
  return { data: rows, nextCursor: next ? encodeCursor(next) : null };
}

/** The store's time zone and currency, read by id (the session's StoreSummary carries no time zone). */
export async function storeScope(storeId: string): Promise<StoreScope> {
  const s = await prisma.store.findUniqueOrThrow({
    where: { id: storeId },
    select: { id: true, currency: true, timeZone: true },
  });
  return s;
}
