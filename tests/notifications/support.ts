// Shared by the notification suites: the mail catcher in process as the app's SMTP server, a local
// receiver standing in for Slack, and small readers of the outbox.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll } from "vitest";
import { prisma } from "@/lib/db/client";
import { resetMailTransport } from "@/lib/notifications/transport";
import { startMailCatcher, type CaughtMail, type RunningMailCatcher } from "@/sandbox/mail";

/** Starts a catcher for the file and points SMTP_URL at it; `restart()` brings it back on the same port. */
export function useMailCatcher() {
  const state: { catcher?: RunningMailCatcher; port?: number } = {};
  beforeAll(async () => {
    state.catcher = await startMailCatcher({ smtpPort: 0, httpPort: 0, log: () => undefined });
    state.port = state.catcher.smtpPort;
    process.env.SMTP_URL = state.catcher.smtpUrl;
    resetMailTransport();
  });
  afterAll(async () => {
    await state.catcher?.close();
    delete process.env.SMTP_URL;
    resetMailTransport();
  });
  return {
    catcher: () => state.catcher!,
    async stop() {
      await state.catcher?.close();
      resetMailTransport();
    },
    async restart() {
      state.catcher = await startMailCatcher({ smtpPort: state.port, httpPort: 0, log: () => undefined });
      resetMailTransport();
    },
    /** Mail caught for one address. */
    to(address: string): CaughtMail[] {
      return state.catcher!.messages().filter((m) => m.envelope.to.includes(address.toLowerCase()));
    },
  };
}

export type SlackReceiver = {
  url: string;
  bodies: Array<{ text: string }>;
  /** The HTTP status the next posts get (200 by default). */
  answer(status: number, body?: string): void;
  close(): Promise<void>;
};

/** A local server in Slack's place: records each webhook JSON body. */
export async function startSlackReceiver(path = "/services/T000/B000/s3cr3tT0k3nXYZ"): Promise<SlackReceiver> {
  const bodies: Array<{ text: string }> = [];
  let status = 200;
  let reply = "ok";
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      if (req.url === path && status === 200) bodies.push(JSON.parse(Buffer.concat(chunks).toString("utf8")));
      res.writeHead(req.url === path ? status : 404, { "content-type": "text/plain" }).end(reply);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}${path}`,
    bodies,
    answer(s, body = s === 200 ? "ok" : "no_service") {
      status = s;
      reply = body;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function notificationsOf(storeId: string | null, event?: string) {
  return prisma.notification.findMany({
    where: { storeId, ...(event ? { event } : {}) },
    orderBy: { createdAt: "asc" },
  });
}

/** A time well past any retry delay (the schedule tops out at an hour). */
export const later = (from: Date, hours = 2) => new Date(from.getTime() + hours * 3_600_000);
