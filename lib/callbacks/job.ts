// The `callbacks.deliver` job: run on every kick and once a minute as a backstop. It drains the
// process's pump and arms it, so later kicks in this process wake the pump without a job poll.
import "server-only";
import type { JobDefinition } from "@/lib/jobs/runner";
import { CALLBACKS_DELIVER_JOB } from "./config";
import { secondsUntilNextDue } from "./deliver";
import { kickDeliveries } from "./enqueue";
import { armDeliveryPump, deliveryPump } from "./pump";

export const callbacksDeliverJob: JobDefinition = {
  name: CALLBACKS_DELIVER_JOB,
  cron: "* * * * *",
  retryLimit: 2,
  retryDelaySeconds: 5,
  async handle(data: { followUp?: boolean }) {
    armDeliveryPump();
    await deliveryPump().drain();
    // Retries due before the next sweep (the 5 s step, a short Retry-After) get one prompt
    // follow-up; follow-ups do not chain, so kicks never multiply.
    if (data.followUp) return;
    const wait = await secondsUntilNextDue(55);
    if (wait !== null) await kickDeliveries({ startAfterSeconds: wait, followUp: true });
  },
};
