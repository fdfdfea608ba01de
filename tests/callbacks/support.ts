// Shared pieces for the callback tests: a seller with a store, and a real HTTP receiver on 127.0.0.1.
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { ctx, uniqueEmail } from "../support/db";
import { signUp, SignUpInput } from "@/lib/auth/sign-up";
import { prisma } from "@/lib/db/client";

export const audit = (userId: string) => ({ ...ctx, actor: { type: "user" as const, id: userId } });

export async function newSeller(tag: string, storeDomain?: string) {
  const { user, store } = await signUp(
    SignUpInput.parse({ name: tag, email: uniqueEmail(tag), password: "correct-horse-9", storeName: `${tag} store` }),
    ctx,
  );
  if (storeDomain) await prisma.store.update({ where: { id: store.id }, data: { storeDomain } });
  return { user, store: { ...store, storeDomain: storeDomain ?? null } };
}

export type Received = { headers: IncomingHttpHeaders; body: string; at: number };
export type Reply = { status: number; body?: string; headers?: Record<string, string>; delayMs?: number };

/** Answers each POST with the next scripted reply (the last one repeats), recording what arrived. */
export async function startReceiver(replies: Reply[] = [{ status: 200, body: "ok" }]) {
  const received: Received[] = [];
  const script = [...replies];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8"), at: Date.now() });
      const reply = (script.length > 1 ? script.shift() : script[0])!;
      setTimeout(() => {
        res.writeHead(reply.status, { "content-type": "text/plain", ...reply.headers });
        res.end(reply.body ?? "");
      }, reply.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/payments/events/`,
    received,
    /** Replace the script, e.g. to make a failing receiver recover. */
    reply(next: Reply[]) {
      script.splice(0, script.length, ...next);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export const stringHeaders = (h: IncomingHttpHeaders): Record<string, string> =>
  Object.fromEntries(Object.entries(h).filter((e): e is [string, string] => typeof e[1] === "string"));

export const later = (seconds: number, from = new Date()) => new Date(from.getTime() + seconds * 1000);
