// `npm run credentials:reencrypt [-- --dry-run]` — re-encrypts every PIX gateway configuration's
// credentials under the current primary key (the first entry of ENCRYPTION_KEYS). Run it after
// putting a new key first; keep the old key listed until this reports nothing left to re-encrypt.
// On the embedded database (PGlite) stop the app first: one process per data directory.
import { getDatabase } from "@/lib/db/client";
import { loadKeyring } from "@/lib/crypto/encryption";
import { reencryptPixCredentials } from "@/lib/pix/service/reencrypt";

const dryRun = process.argv.includes("--dry-run");
const ring = loadKeyring();
const db = getDatabase();
await db.ready;
const report = await reencryptPixCredentials({ keyring: ring, dryRun });
console.log(
  `${dryRun ? "[dry run] " : ""}PIX gateway credentials under key "${ring.current}": ${report.total} config(s), ${report.reencrypted} re-encrypted, ${report.current} already current, ${report.failed.length} failed.`,
);
for (const f of report.failed) console.error(`  ${f.id}: ${f.error}`);
await db.prisma.$disconnect();
if (db.pglite) await db.pglite.close();
process.exit(report.failed.length ? 1 : 0);
