import type { Tx } from "./client";

/**
 * Tables whose rows money paths lock one at a time, plus Store and User, which the plan hard limits
 * lock to count a store's products or a seller's stores (a fixed list: the name is spliced into SQL).
 */
export type LockableTable = "Order" | "PixCharge" | "CreditPurchase" | "Store" | "User";

/**
 * Takes the row lock (`SELECT … FOR UPDATE`) for the rest of the transaction, so concurrent
 * writers of one row (webhook, recovery sync, receipt page, reconciler) apply one after another.
 */
export async function lockRow(tx: Tx, table: LockableTable, id: string): Promise<void> {
  await tx.$queryRawUnsafe(`SELECT id FROM "${table}" WHERE id = $1 FOR UPDATE`, id);
}
