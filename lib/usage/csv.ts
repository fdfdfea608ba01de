// The usage CSV: one row per day and resource of the period, as the page's charts show it.
import "server-only";
import { csvTable } from "@/lib/credits/csv";
import type { PeriodSelector } from "./periods";
import { usageReport } from "./summary";

const HEADER = ["date", "resource", "quantity", "limit", "period_start", "period_end"];

export async function usageCsv(storeId: string, selector: PeriodSelector, now = new Date()) {
  const report = await usageReport(storeId, selector, now);
  const limits = new Map(report.resources.map((r) => [r.resource, r.limit]));
  const rows: (string | number | null)[][] = [];
  for (const [resource, points] of Object.entries(report.series))
    for (const p of points)
      if (p.value !== null)
        rows.push([p.date, resource, p.value, limits.get(resource) ?? null, report.period.start, report.period.end]);
  rows.sort((a, b) => String(a[0]).localeCompare(String(b[0])) || String(a[1]).localeCompare(String(b[1])));
  return { csv: csvTable(HEADER, rows), filename: `usage-${report.period.key}.csv` };
}
