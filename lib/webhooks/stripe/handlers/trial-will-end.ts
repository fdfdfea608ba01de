// customer.subscription.trial_will_end (three days before a trial ends): the platform plan is
// mirrored as for any subscription event, then the store owner is told, once per trial end.
import type Stripe from "stripe";
import { prisma } from "@/lib/db/client";
import { enqueueNotification } from "@/lib/notifications/enqueue";
import type { EventHandler } from "../context";
import { onSubscriptionChange } from "./subscription";

export const onTrialWillEnd: EventHandler = async (ctx) => {
  await onSubscriptionChange(ctx);
  // A buyer's subscription to a store: Stripe emails the buyer; the store has no notice to get.
  if (ctx.stripeAccount) return;
  const sub = ctx.event.data.object as Stripe.Subscription;
  const storeId = sub.metadata?.storeId;
  if (!storeId) return;
  // The mirror was just re-read from Stripe: act on it, not on a payload that may be stale.
  const mirrored = await prisma.platformSubscription.findUnique({
    where: { storeId },
    select: { stripeSubscriptionId: true, status: true, trialEnd: true, plan: { select: { name: true } } },
  });
  if (!mirrored || mirrored.stripeSubscriptionId !== sub.id || mirrored.status !== "trialing" || !mirrored.trialEnd)
    return;
  await enqueueNotification(prisma, {
    storeId,
    event: "trial_ending",
    subjectId: `${sub.id}:${mirrored.trialEnd.toISOString()}`,
    payload: { planName: mirrored.plan.name, trialEndsAt: mirrored.trialEnd },
  });
};
