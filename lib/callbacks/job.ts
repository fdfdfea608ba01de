// The `callbacks.deliver` job: run on every kick and once a minute as a backstop.
import "server-only";
import type { JobDefinition } from "@/lib/jobs/runner";
import { CALLBACKS_DELIVER_JOB, DEFAULT_BATCH } from "./config";
import { deliverDue, secondsUntilNextDue } from "./deliver";
import { kickDeliveries } from "./enqueue";

const MAX_BATCHES_PER_RUN = 10;

export const callbacksDeliverJob: JobDefinition = {
  name: CALLBACKS_DELIVER_JOB,
  cron: "* * * * *",
  retryLimit: 2,
  retryDelaySeconds: 5,
  async handle(data: { followUp?: boolean }) {
    for (let i = 0; i < MAX_BATCHES_PER_RUN; i++) {
      const report = await deliverDue();
      if (report.claimed < DEFAULT_BATCH) break;
    }
    // Retries due before the next sweep (the 5 s step, a short Retry-After) get one prompt
    // follow-up; follow-ups do not chain, so kicks never multiply.
    if (data.followUp) return;
    const wait = await secondsUntilNextDue(55);
    if (wait !== null) await kickDeliveries({ startAfterSeconds: wait, followUp: true });
  },
};
