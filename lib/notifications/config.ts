// Outbox timing: how often the job sweeps, how long a claimed row is held, when a failure is retried.

export const NOTIFICATIONS_SEND_JOB = "notifications.send";
/** Rows claimed per sweep (and per worker). */
export const SEND_BATCH = 25;
/** A claimed row whose worker died is due again after this. */
export const LEASE_SECONDS = 120;
/** The job runs once a minute and sweeps every 10 s while it runs. */
export const SWEEP_EVERY_SECONDS = 10;
export const SWEEPS_PER_RUN = 6;
/** Attempts before a row is `dead`: with the delays below, about three hours of an SMTP or Slack outage. */
export const MAX_ATTEMPTS = 10;
const FIRST_DELAY_SECONDS = 30;
const MAX_DELAY_SECONDS = 3600;
/** Usage alerts older than this are not turned into notifications (a late job never sends stale news). */
export const USAGE_ALERT_WINDOW_HOURS = 48;
/** Addresses besides the store owner's. */
export const MAX_EXTRA_EMAILS = 5;

/** Seconds before the next try after `attempt` (1-based) failed: 30 s doubling to 1 h, ±10 % jitter; null when spent. */
export function retryDelaySeconds(attempt: number, random: () => number = Math.random): number | null {
  if (attempt >= MAX_ATTEMPTS) return null;
  const base = Math.min(MAX_DELAY_SECONDS, FIRST_DELAY_SECONDS * 2 ** Math.max(0, attempt - 1));
  return Math.max(1, Math.round(base * (0.9 + 0.2 * random())));
}
