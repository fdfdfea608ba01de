// Raw SQL for the hot paths (webhook handlers, the PIX status transition, the outboxes). With
// Prisma 6's "client" engine every model query is planned by a wasm compiler on the event loop,
// about 1 ms of CPU each; a raw statement costs about a third of that (docs/operations.md,
// "Where the CPU goes"). The schema has no @map, so `SELECT *` rows have the model's shape
// (Date, parsed JSON, bigint). What Prisma Client fills in itself, raw SQL must write: ids
// (lib/db/ids.ts), @updatedAt, and timestamps the columns default to (CURRENT_TIMESTAMP follows
// the session's time zone; Prisma writes UTC).
import type { Tx } from "./client";

type Raw = Pick<Tx, "$queryRawUnsafe">;

/** A row id made by the database, cuid-shaped ("c" + 24 [0-9a-f]), for INSERT … SELECT of many rows. */
export const SQL_ROW_ID = `'c' || substr(md5(gen_random_uuid()::text), 1, 24)`;

const quote = (name: string) => {
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(name)) throw new Error(`not a column or table name: ${name}`);
  return `"${name}"`;
};

/**
 * UPDATE one row by id and return it whole: `data`'s defined keys are set (undefined ones are
 * left alone), `updatedAt` is stamped as Prisma would. Scalar columns only (no JSON or relations).
 */
export async function updateRow<T>(
  db: Raw,
  table: string,
  id: string,
  data: Record<string, string | number | boolean | Date | null | undefined>,
  at = new Date(),
): Promise<T> {
  const params: unknown[] = [id, at];
  const sets = [`"updatedAt" = $2`];
  for (const [key, value] of Object.entries(data)) {
    if (value === undefined || key === "updatedAt") continue;
    params.push(value);
    sets.push(`${quote(key)} = $${params.length}`);
  }
  const [row] = await db.$queryRawUnsafe<T[]>(
    `UPDATE ${quote(table)} SET ${sets.join(", ")} WHERE id = $1 RETURNING *`,
    ...params,
  );
  if (!row) throw new Error(`${table} ${id} does not exist`);
  return row;
}

/** SELECT * … FOR UPDATE of one row by id: the row lock and the row in one statement. */
export async function lockRow<T>(db: Raw, table: string, id: string): Promise<T> {
  const [row] = await db.$queryRawUnsafe<T[]>(`SELECT * FROM ${quote(table)} WHERE id = $1 FOR UPDATE`, id);
  if (!row) throw new Error(`${table} ${id} does not exist`);
  return row;
}
