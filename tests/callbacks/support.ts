// Shared pieces for the callback tests: a seller with a store, and a real HTTP receiver on 127.0.0.1.
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { ctx, uniqueEmail } from "../support/db";
import { signUp, SignUpInput } from "@/lib/auth/sign-up";
import { prisma } from "@/lib/db/client";
import {
  disputeCreated,
  type OrderFacts,
  paymentFailed,
  paymentRefunded,
  paymentSucceeded,
  type StoreEventPayload,
  subscriptionCanceled,
  subscriptionUpdated,
} from "@/lib/callbacks/contract";
import type { StoreEventType } from "@/lib/callbacks/event-types";

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

/** A Stripe order's facts as the contract's builders take them (a Prisma Order has these fields). */
export function sampleOrder(storeId: string, orderId: string, overrides: Partial<OrderFacts> = {}): OrderFacts {
  return {
    id: `vt_${orderId}`,
    externalOrderId: orderId,
    storeId,
    amountTotal: 4990,
    currency: "BRL",
    channel: "CHECKOUT",
    paymentIntentId: null,
    checkoutSessionId: null,
    subscriptionId: null,
    customerEmail: null,
    failureCode: null,
    failureMessage: null,
    ...overrides,
  };
}

/** A callback of the given type about that order, from the contract's builder for the type. */
export function orderEvent(type: StoreEventType, order: OrderFacts): StoreEventPayload {
  const subscription = { id: "sub_1", status: type === "subscription.canceled" ? "canceled" : "active" };
  const facts = { order, subscription: { ...subscription, cancelAtPeriodEnd: false, currentPeriodEnd: null } };
  switch (type) {
    case "payment.succeeded":
      return paymentSucceeded({ order });
    case "payment.failed":
      return paymentFailed({ order });
    case "payment.refunded":
      return paymentRefunded({
        order,
        refund: { id: "re_1", amount: order.amountTotal },
        amountRefunded: order.amountTotal,
        status: "refunded",
      });
    case "dispute.created":
      return disputeCreated({ order, dispute: { id: "dp_1", amount: order.amountTotal, reason: "fraudulent" } });
    case "dispute.closed":
      throw new Error("dispute.closed is sent for PIX MED cases only; no order builds it");
    case "subscription.updated":
      return subscriptionUpdated(facts);
    case "subscription.canceled":
      return subscriptionCanceled(facts);
  }
}
