// The job runner on this test file's database (PGlite in memory, or PostgreSQL when
// TEST_DATABASE_URL is set): a failing job is retried with backoff, and a cron job fires (the
// callbacks.deliver sweep among them, which must complete on a cron run's null data).
import { afterAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/db";
import { enqueue, startJobRunner, stopJobRunner, type JobDefinition } from "@/lib/jobs/runner";
import { callbacksDeliverJob } from "@/lib/callbacks/job";

async function until(check: () => boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("job runner", () => {
  const { db } = useTestDatabase();
  const attempts: number[] = [];
  const cronRuns: number[] = [];
  const flaky: JobDefinition<{ n: number }> = {
    name: "test.flaky",
    retryLimit: 3,
    retryDelaySeconds: 1,
    async handle() {
      attempts.push(Date.now());
      if (attempts.length < 3) throw new Error(`transient failure ${attempts.length}`);
    },
  };
  const cronData: unknown[] = [];
  const ticking: JobDefinition = {
    name: "test.cron",
    cron: "* * * * *",
    async handle(data) {
      cronData.push(data);
      cronRuns.push(Date.now());
    },
  };
  afterAll(() => stopJobRunner());

  it("retries a failing job with growing delays until it succeeds", async () => {
    await startJobRunner([flaky as JobDefinition, ticking, callbacksDeliverJob], { db: db(), fastTimers: true });
    await enqueue("test.flaky", { n: 1 });
    await until(() => attempts.length >= 3, 30_000);
    const gaps = [attempts[1]! - attempts[0]!, attempts[2]! - attempts[1]!];
    // pg-boss backoff: retry n waits delay × 2^n × (1 + jitter), so at least 1 s, then at least 2 s.
    expect(gaps[0]).toBeGreaterThanOrEqual(900);
    expect(gaps[1]).toBeGreaterThanOrEqual(1900);
    await new Promise((r) => setTimeout(r, 1500));
    expect(attempts).toHaveLength(3);
  }, 45_000);

  it("runs a cron job on its schedule, handing it an object (pg-boss sends null data for cron runs)", async () => {
    await until(() => cronRuns.length >= 1, 70_000);
    expect(cronRuns.length).toBeGreaterThanOrEqual(1);
    expect(cronData[0]).toEqual({});
  }, 80_000);

  it("completes the callbacks.deliver sweep that cron starts (it failed on every run when data was null)", async () => {
    const runs = () =>
      db().sql.query<{ state: string }>(
        `SELECT state FROM pgboss.job WHERE name = 'callbacks.deliver' AND data IS NULL`,
      );
    await expect
      .poll(async () => (await runs()).map((r) => r.state), { timeout: 70_000, interval: 500 })
      .toContain("completed");
    expect((await runs()).map((r) => r.state)).not.toContain("failed");
    expect((await runs()).map((r) => r.state)).not.toContain("retry");
  }, 80_000);
});
