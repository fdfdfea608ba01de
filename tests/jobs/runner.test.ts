// The job runner on this test file's database (PGlite in memory, or PostgreSQL when
// TEST_DATABASE_URL is set): a failing job is retried with backoff, and a cron job fires.
import { afterAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/db";
import { enqueue, startJobRunner, stopJobRunner, type JobDefinition } from "@/lib/jobs/runner";

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
  const ticking: JobDefinition = { name: "test.cron", cron: "* * * * *", async handle() { cronRuns.push(Date.now()); } };
  afterAll(() => stopJobRunner());

  it("retries a failing job with growing delays until it succeeds", async () => {
    await startJobRunner([flaky as JobDefinition, ticking], { db: db(), fastTimers: true });
    await enqueue("test.flaky", { n: 1 });
    await until(() => attempts.length >= 3, 30_000);
    const gaps = [attempts[1]! - attempts[0]!, attempts[2]! - attempts[1]!];
    // pg-boss backoff: retry n waits delay × 2^n × (1 + jitter), so at least 1 s, then at least 2 s.
    expect(gaps[0]).toBeGreaterThanOrEqual(900);
    expect(gaps[1]).toBeGreaterThanOrEqual(1900);
    await new Promise((r) => setTimeout(r, 1500));
    expect(attempts).toHaveLength(3);
  }, 45_000);

  it("runs a cron job on its schedule", async () => {
    await until(() => cronRuns.length >= 1, 70_000);
    expect(cronRuns.length).toBeGreaterThanOrEqual(1);
  }, 80_000);
});
