// Raw statements straight to node-postgres, on the connection Prisma's own transaction holds.
//
// why: with Prisma 6's "client" engine even `$queryRawUnsafe` is compiled by the wasm planner on
// the event loop (~0.35 ms of CPU against ~0.12 ms for the same statement on a bare pg client;
// docs/operations.md, "Where the CPU goes"). The hot paths (PIX webhooks, outboxes, audit appends)
// are a dozen raw statements per payment, so that difference is a third of a delivery's CPU.
//
// How the connection is found without reaching into Prisma: the pool handed to @prisma/adapter-pg
// is ours (DirectPool). An interactive transaction is started inside an AsyncLocalStorage slot
// (lib/db/client.ts wraps `prisma.$transaction`); the adapter's `pool.connect()` for BEGIN runs in
// that slot's async context, so the slot learns the client, and `tx` is mapped to the slot. A
// statement on `tx` then goes to that client, inside the same transaction. When Prisma commits or
// rolls back, the client's release marks the slot closed and later statements fail instead of
// running on a connection that has gone back to the pool. Without a slot (PGlite, the array form
// of `$transaction`, a client made elsewhere) the statement goes through Prisma as before.
import { AsyncLocalStorage } from "node:async_hooks";
import { createHash } from "node:crypto";
import pg from "pg";

type Slot = { client?: pg.PoolClient; closed: boolean };

// One set per process, on globalThis: Next.js bundles the instrumentation hook (which opens the
// database) and the route handlers separately, so this module can be loaded twice, and the pool
// of one copy must see the slots of the other.
const shared = ((globalThis as { __vitrineDirect?: Shared }).__vitrineDirect ??= {
  slots: new AsyncLocalStorage<Slot>(),
  byTx: new WeakMap<object, Slot>(),
  epochs: new WeakMap<object, number>(),
});
type Shared = {
  slots: AsyncLocalStorage<Slot>;
  byTx: WeakMap<object, Slot>;
  epochs: WeakMap<object, number>;
};
const { slots, byTx, epochs } = shared;

/** A pg.Pool whose promise-form `connect()` (the adapter's BEGIN) is recorded in the current slot. */
export class DirectPool extends pg.Pool {
  // biome-ignore lint/suspicious/noExplicitAny: pg's overloads (callback and promise forms)
  override connect(callback?: any): any {
    if (callback) return super.connect(callback); // pool.query's own checkout: not a transaction
    const slot = slots.getStore();
    return super.connect().then((client) => {
      if (slot && !slot.client && !slot.closed) {
        slot.client = client;
        const release = client.release;
        client.release = (err?: Error | boolean) => {
          slot.closed = true;
          client.release = release;
          return release.call(client, err);
        };
      }
      return client;
    });
  }
}

/** Runs `start` (which begins a Prisma interactive transaction) in a fresh slot; `bind` maps its tx. */
export function inTransactionSlot<T>(start: (bind: (tx: object) => void) => Promise<T>): Promise<T> {
  const slot: Slot = { closed: false };
  return slots.run(slot, () =>
    start((tx) => {
      if (slot.client) byTx.set(tx, slot);
    }),
  );
}

// Rows as Prisma's raw queries return them: timestamps without time zone are UTC (Prisma writes
// UTC), dates are UTC midnight, int8 is a bigint. JSON, numbers, booleans and text as pg parses them.
const PARSERS: Record<number, (value: string) => unknown> = {
  1114: (v) => new Date(`${v.replace(" ", "T")}Z`),
  1082: (v) => new Date(`${v}T00:00:00Z`),
  20: (v) => BigInt(v),
};
const types = {
  getTypeParser: (oid: number, format?: "text" | "binary") =>
    (format === undefined || format === "text") && PARSERS[oid]
      ? PARSERS[oid]
      : pg.types.getTypeParser(oid, format as "text"),
};

/** Parameters as Prisma sends them: a Date as its UTC instant, a bigint as text, an object as JSON. */
function param(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return value.toString();
  return value;
}

export type DirectQueryable = pg.Pool | pg.PoolClient;

/** The pg client for a statement on `db`: the transaction's own, or null when it must go through Prisma. */
export function directClientFor(db: object): pg.PoolClient | null {
  const slot = byTx.get(db);
  if (!slot?.client) return null;
  if (slot.closed) throw new Error("Transaction already closed: a statement ran after commit or rollback.");
  return slot.client;
}

// Each statement text gets a name, so a connection parses and plans it once and then only binds
// (pg keeps a connection's prepared statements; the server caches their plans): about a third
// less database CPU per PIX delivery in the bench. The name is a hash of the text: the same text
// always has the same name, two texts never share one. Texts built from optional parts
// (updateRow's SET list, the PIX candidates' OR list) come in a few shapes; past MAX_NAMED
// distinct texts, new ones are sent unnamed.
//
// A migration that changes a table's columns while instances run makes PostgreSQL refuse a
// prepared `SELECT *` on it ("cached plan must not change result type"). That statement fails
// once on that connection; the connection then moves to fresh names (its epoch), so it recovers
// on the next statement instead of failing until it is closed.
const MAX_NAMED = 2_000;
const names = new Map<string, string>();

function nameOf(client: object, sql: string): string | undefined {
  let name = names.get(sql);
  if (name === undefined && names.size < MAX_NAMED) {
    name = `v_${createHash("sha1").update(sql).digest("hex").slice(0, 20)}`;
    names.set(sql, name);
  }
  const epoch = epochs.get(client);
  return name && epoch ? `${name}_${epoch}` : name;
}

const isStalePlan = (err: unknown) =>
  (err as { code?: string }).code === "0A000" && /cached plan must not change result type/.test(String(err));

async function run<T>(client: pg.PoolClient, sql: string, params: unknown[], named: boolean) {
  try {
    return await client.query<T & pg.QueryResultRow>({
      name: named ? nameOf(client, sql) : undefined,
      text: sql,
      values: params.map(param),
      types,
    } as pg.QueryConfig);
  } catch (err) {
    if (named && isStalePlan(err)) epochs.set(client, (epochs.get(client) ?? 0) + 1);
    throw err;
  }
}

/**
 * One statement on a transaction's client, or on a client checked out of the pool for it (the
 * callback form of connect, which DirectPool leaves to pg).
 */
export async function directQuery<T>(
  on: DirectQueryable,
  sql: string,
  params: unknown[],
  named: boolean,
): Promise<{ rows: T[]; rowCount: number }> {
  let result: pg.QueryResult;
  if (on instanceof pg.Pool) {
    const { client, done } = await new Promise<{ client: pg.PoolClient; done: (err?: Error) => void }>(
      (resolve, reject) =>
        on.connect((err, client, done) => (err || !client ? reject(err) : resolve({ client, done }))),
    );
    try {
      result = await run<T>(client, sql, params, named);
      done();
    } catch (err) {
      // The server refused the statement (a unique violation, say): the connection is fine. Any
      // other failure (reset, timeout) may have broken it: the pool closes it instead of reusing it.
      done(err instanceof pg.DatabaseError ? undefined : (err as Error));
      throw err;
    }
  } else {
    result = await run<T>(on, sql, params, named);
  }
  return { rows: result.rows as T[], rowCount: result.rowCount ?? 0 };
}
