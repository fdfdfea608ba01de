// `npx tsx --conditions=react-server scripts/backfill-customers.mts [storeId]` — builds the customer
// list from payments recorded before it existed (lib/customers/backfill.ts). Idempotent.
// On the embedded database (PGlite) stop the app first: one process per data directory.
import { getDatabase } from "@/lib/db/client";
import { backfillCustomers } from "@/lib/customers/backfill";

const db = getDatabase();
await db.ready;
const report = await backfillCustomers(process.argv[2]);
console.log(`customers: linked ${report.orders} card order(s) and ${report.pixCharges} PIX charge(s) to their buyers.`);
await db.prisma.$disconnect();
if (db.pglite) await db.pglite.close();
