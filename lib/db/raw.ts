// Raw SQL for the hot paths (webhook handlers, the PIX status transition, the outboxes). With
// Prisma 6's "client" engine every model query is planned by a wasm compiler on the event loop,
// about 1 ms of CPU each; a raw statement costs about a third of that (docs/operations.md,
// "Where the CPU goes"). The schema has no @map, so `SELECT *` rows have the model's shape
// (Date, parsed JSON, bigint). What Prisma Client fills in itself, raw SQL must write: ids
// (lib/db/ids.ts), @updatedAt, and timestamps the columns default to (CURRENT_TIMESTAMP follows
// the session's time zone; Prisma writes UTC).
import { getDatabase, prisma, type Tx } from "./client";
import { type DirectQueryable, directClientFor, directQuery } from "./direct";

type Raw = Pick<Tx, "$queryRawUnsafe" | "$executeRawUnsafe">;

const named = () => getDatabase().preparedStatements === true;

/** Where a statement on `db` can go without Prisma: the transaction's connection, or the pool. */
function directFor(db: Raw): DirectQueryable | null {
  const client = directClientFor(db);
  if (client) return client;
  if (db === prisma) return getDatabase().pool ?? null;
  return null;
}

/**
 * `db.$queryRawUnsafe(sql, ...params)`, sent straight to node-postgres on PostgreSQL (inside a
 * transaction, on its own connection: lib/db/direct.ts). Rows have the same shape either way.
 */
export async function sqlQuery<T>(db: Raw, sql: string, ...params: unknown[]): Promise<T[]> {
  const on = directFor(db);
  if (on) return (await directQuery<T>(on, sql, params, named())).rows;
  return db.$queryRawUnsafe<T[]>(sql, ...params);
}

/** `db.$executeRawUnsafe(sql, ...params)` the same way: the number of rows affected. */
export async function sqlExecute(db: Raw, sql: string, ...params: unknown[]): Promise<number> {
  const on = directFor(db);
  if (on) return (await directQuery(on, sql, params, named())).rowCount;
  return db.$executeRawUnsafe(sql, ...params);
}

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
  const [row] = await sqlQuery<T>(
    db,
    `UPDATE ${quote(table)} SET ${sets.join(", ")} WHERE id = $1 RETURNING *`,
    ...params,
  );
  if (!row) throw new Error(`${table} ${id} does not exist`);
  return row;
}

/** SELECT * … FOR UPDATE of one row by id: the row lock and the row in one statement. */
export async function lockRow<T>(db: Raw, table: string, id: string): Promise<T> {
  const [row] = await sqlQuery<T>(db, `SELECT * FROM ${quote(table)} WHERE id = $1 FOR UPDATE`, id);
  if (!row) throw new Error(`${table} ${id} does not exist`);
  return row;
}
