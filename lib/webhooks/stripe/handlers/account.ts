import type Stripe from "stripe";
import { applyAccountSnapshot } from "@/lib/connect/accounts";
import { getStripe } from "@/lib/stripe/client";
import type { EventHandler } from "../context";

/** account.updated: the payload may be stale; mirror the account as Stripe has it now. */
export const onAccountUpdated: EventHandler = async (ctx) => {
  const account = ctx.event.data.object as Stripe.Account;
  await applyAccountSnapshot(await getStripe().accounts.retrieve(account.id), ctx.audit);
};
