// The delivery log a seller reads: the store's notifications newest first, keyset-paginated on
// (createdAt, id), recipients masked and errors already redacted when they were stored.
import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { SLACK_PLATFORM, SLACK_STORE } from "./enqueue";
import { maskEmail } from "./scrub";

export const ListNotificationsQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(200).optional(),
});
export type ListNotificationsQuery = z.infer<typeof ListNotificationsQuery>;

export type NotificationView = {
  id: string;
  createdAt: Date;
  event: string;
  channel: string;
  /** Masked address, or "slack". */
  recipient: string;
  subject: string | null;
  status: string;
  attempts: number;
  lastError: string | null;
  sentAt: Date | null;
  nextAttemptAt: Date | null;
};

type Cursor = { at: Date; id: string };

function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.at.toISOString(), c.id])).toString("base64url");
}

function decodeCursor(raw: string): Cursor {
  try {
    const [at, id] = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as [string, string];
    const date = new Date(at);
    if (typeof id !== "string" || !id || Number.isNaN(date.getTime())) throw new Error("bad cursor");
    return { at: date, id };
  } catch {
    throw new AppError("validation_failed", "cursor: Use the nextCursor of a previous page.", { param: "cursor" });
  }
}

const maskRecipient = (recipient: string) =>
  recipient === SLACK_STORE || recipient === SLACK_PLATFORM ? "slack" : maskEmail(recipient);

export async function listNotifications(
  storeId: string,
  query: ListNotificationsQuery,
): Promise<{ data: NotificationView[]; nextCursor: string | null }> {
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const rows = await prisma.notification.findMany({
    where: {
      storeId,
      ...(after ? { OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    select: {
      id: true,
      createdAt: true,
      event: true,
      channel: true,
      recipient: true,
      subject: true,
      status: true,
      attempts: true,
      lastError: true,
      sentAt: true,
      nextAttemptAt: true,
    },
  });
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    data: page.map((r) => ({
      ...r,
      recipient: maskRecipient(r.recipient),
      nextAttemptAt: r.status === "pending" || r.status === "failed" ? r.nextAttemptAt : null,
    })),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ at: last.createdAt, id: last.id }) : null,
  };
}
