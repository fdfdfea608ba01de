// Driver adapters for the Prisma CLI (migrate, generate). Not imported by the app at run time.
import { randomBytes } from "node:crypto";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { loadEnvFiles } from "../env/load";
import { ServerEnvShape } from "../env/schema";

const NAME_OID = 19;
const CHAR_OID = 18;
const TEXT_OID = 25;

/**
 * The wasm schema engine reads pg_catalog columns typed `name` and `"char"`, which adapter-pg
 * rejects. Report those columns as text; nothing else changes.
 */
async function patchPgCatalogTypes() {
  const pg = (await import("pg")).default;
  type Res = { fields?: Array<{ dataTypeID: number }> };
  const fix = (res: unknown) => {
    for (const f of (res as Res)?.fields ?? [])
      if (f.dataTypeID === NAME_OID || f.dataTypeID === CHAR_OID) f.dataTypeID = TEXT_OID;
    return res;
  };
  for (const proto of [pg.Client.prototype, pg.Pool.prototype] as Array<{
    query: (...a: unknown[]) => unknown;
    __vitrinePatched?: boolean;
  }>) {
    if (proto.__vitrinePatched) continue;
    const original = proto.query;
    proto.query = function (this: unknown, ...args: unknown[]) {
      const out = original.apply(this, args);
      return out && typeof (out as Promise<unknown>).then === "function" ? (out as Promise<unknown>).then(fix) : out;
    };
    proto.__vitrinePatched = true;
  }
  return pg;
}

async function postgresAdapter(url: string): Promise<SqlMigrationAwareDriverAdapterFactory> {
  const pg = await patchPgCatalogTypes();
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const u = new URL(url);
  const discrete = {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username || "postgres"),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.slice(1) || "postgres"),
    idleTimeoutMillis: 500,
  };
  const factory = new PrismaPg(discrete);
  // The adapter's own shadow database is dropped while its pool is still open; manage it here.
  factory.connectToShadowDb = async () => {
    const name = `vitrine_shadow_${randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ ...discrete, database: "postgres" });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const shadow = await new PrismaPg({ ...discrete, database: name }).connect();
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      const dropper = new pg.Client({ ...discrete, database: "postgres" });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await dropper.end();
    };
    return shadow;
  };
  return factory;
}

async function pgliteAdapter(dir: string): Promise<SqlMigrationAwareDriverAdapterFactory> {
  const { PGlite } = await import("@electric-sql/pglite");
  if (!dir.startsWith("memory://")) (await import("node:fs")).mkdirSync(dir, { recursive: true });
  const { PrismaPGlite } = await import("pglite-prisma-adapter");
  return new PrismaPGlite(new PGlite(dir)) as unknown as SqlMigrationAwareDriverAdapterFactory;
}

export async function cliAdapter(): Promise<SqlMigrationAwareDriverAdapterFactory> {
  // Run alone (`npx prisma migrate deploy`), the CLI reads the same .env files as the app.
  // Only the database variables are checked: a migration needs nothing else.
  loadEnvFiles();
  const url = ServerEnvShape.DATABASE_URL.parse(process.env.DATABASE_URL || undefined);
  if (url) return postgresAdapter(url);
  return pgliteAdapter(ServerEnvShape.PGLITE_DIR.parse(process.env.PGLITE_DIR || undefined));
}
