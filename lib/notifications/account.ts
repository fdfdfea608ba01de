// Account notices go to the account holder alone, whatever a store's settings say.
import "server-only";
import { isIP } from "node:net";
import { enqueueNotification, type NotificationDb } from "./enqueue";

/**
 * Inside the transaction that changed the password: an email to the account's own address (never
 * to a store's extra addresses or Slack), filed under the user's first store for its delivery log.
 */
export async function notifyPasswordChanged(
  tx: NotificationDb,
  userId: string,
  facts: { changedAt: Date; ip?: string | null },
) {
  const user = await tx.user.findUnique({
    where: { id: userId },
    select: { email: true, locale: true, stores: { select: { id: true }, orderBy: { createdAt: "asc" }, take: 1 } },
  });
  if (!user) throw new Error(`notifyPasswordChanged: user ${userId} does not exist`);
  return enqueueNotification(tx, {
    storeId: user.stores[0]?.id ?? null,
    event: "password_changed",
    subjectId: `${userId}:${facts.changedAt.getTime()}`,
    payload: { changedAt: facts.changedAt, ip: facts.ip && isIP(facts.ip) ? facts.ip : undefined },
    recipients: [{ email: user.email, locale: user.locale }],
  });
}
