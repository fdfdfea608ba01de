// Reads the mail catcher the app under test sends to (started by scripts/start.mjs: SMTP on
// E2E_MAIL_CATCHER_PORT, its page and JSON API on the next port).
import { expect } from "@playwright/test";

export const MAIL_CATCHER_URL = `http://127.0.0.1:${Number(process.env.E2E_MAIL_CATCHER_PORT ?? 12132) + 1}`;

export type CaughtSummary = { id: string; to: string[]; subject: string; receivedAt: string };

/** Mail caught for an address, newest first. */
export async function mailTo(address: string): Promise<CaughtSummary[]> {
  const res = await fetch(`${MAIL_CATCHER_URL}/_mail/messages?to=${encodeURIComponent(address)}`);
  return (await res.json()) as CaughtSummary[];
}

/**
 * Waits for a message to the address whose subject matches. The send job runs once a minute and
 * sweeps every 10 s while it runs; on a loaded machine a run can start late, so allow two minutes.
 */
export async function waitForMail(address: string, subject: RegExp, timeout = 120_000): Promise<CaughtSummary> {
  let found: CaughtSummary | undefined;
  await expect
    .poll(
      async () => {
        found = (await mailTo(address)).find((m) => subject.test(m.subject));
        return Boolean(found);
      },
      { timeout, intervals: [1_000] },
    )
    .toBe(true);
  return found!;
}
