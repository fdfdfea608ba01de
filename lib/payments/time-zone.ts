// Calendar days in a store's IANA time zone as UTC instants: a filter "from 2026-03-08 to
// 2026-03-08" in America/Sao_Paulo means [03:00Z that day, 03:00Z the next), DST included.

/** Minutes the zone is ahead of UTC at instant `at`. */
function offsetMinutes(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(at);
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const local = Date.UTC(n("year"), n("month") - 1, n("day"), n("hour"), n("minute"), n("second"));
  return Math.round((local - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/** The instant day `YYYY-MM-DD` starts in timeZone. */
export function startOfDay(day: string, timeZone: string): Date {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d);
  let at = wall - offsetMinutes(new Date(wall), timeZone) * 60_000;
  // Re-read the offset at the guess: it differs when a DST change falls between wall time and UTC.
  at = wall - offsetMinutes(new Date(at), timeZone) * 60_000;
  return new Date(at);
}

/** The day after `YYYY-MM-DD` (calendar arithmetic, no zone). */
export function nextDay(day: string): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** Today's date `YYYY-MM-DD` in timeZone. */
export function today(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}
