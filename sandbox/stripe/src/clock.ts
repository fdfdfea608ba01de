/**
 * The emulator clock: wall time plus an offset that `POST /_emulator/clock/advance` grows.
 * Every `created`, period and expiry uses it, so tests can jump a month in one call.
 */
export class Clock {
  constructor(public offsetSeconds = 0) {}

  now(): number {
    return Math.floor(Date.now() / 1000) + this.offsetSeconds;
  }

  advance(seconds: number): void {
    this.offsetSeconds += seconds;
  }
}

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 };

/** Parses "30d", "12h", "90" (seconds) for the CLI and the clock control. */
export function parseDuration(input: string): number {
  const match = /^(\d+)\s*([smhdw]?)$/.exec(input.trim());
  if (!match) throw new Error(`Invalid duration "${input}" (use e.g. 30d, 12h, 90s)`);
  return Number(match[1]) * UNIT_SECONDS[match[2] || "s"];
}

/** Adds calendar months/years in UTC, clamping the day like Stripe's billing anchors do. */
export function addInterval(ts: number, interval: string, count: number): number {
  if (interval === "day") return ts + count * 86400;
  if (interval === "week") return ts + count * 7 * 86400;
  if (interval !== "month" && interval !== "year") throw new Error(`Unsupported interval ${interval}`);
  const d = new Date(ts * 1000);
  const day = d.getUTCDate();
  const months = interval === "month" ? count : count * 12;
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, lastDay));
  return Math.floor(d.getTime() / 1000);
}
