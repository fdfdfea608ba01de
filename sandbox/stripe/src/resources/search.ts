/**
 * A subset of Stripe's search query language: `field:'value'`, `field~'substring'`,
 * `metadata['key']:'value'`, `-field:'value'`, joined by a single kind of AND / OR.
 */
import { invalidRequest } from "../errors";

type Clause = { field: string; op: ":" | "~"; value: string; negate: boolean };

const CLAUSE = /^(-?)(metadata\[['"]([^'"]+)['"]\]|[a-z_.]+)\s*([:~])\s*(?:'([^']*)'|"([^"]*)"|(\S+))$/i;

function parse(query: string): { clauses: Clause[]; any: boolean } {
  const trimmed = query.trim();
  if (!trimmed) throw invalidRequest("Missing required param: query.", { param: "query", code: "parameter_missing" });
  const hasOr = /\s+OR\s+/.test(trimmed);
  const hasAnd = /\s+AND\s+/.test(trimmed);
  if (hasOr && hasAnd) throw invalidRequest("Search queries may not mix AND and OR.", { param: "query" });
  const parts = trimmed.split(hasOr ? /\s+OR\s+/ : /\s+AND\s+|\s+(?=(?:-?[a-z_.]+|metadata\[)[:~[])/i);
  const clauses = parts.map((part) => {
    const m = CLAUSE.exec(part.trim());
    if (!m) throw invalidRequest(`Invalid search query: could not parse "${part}".`, { param: "query" });
    const field = m[3] ? `metadata.${m[3]}` : m[2];
    return { field, op: m[4] as ":" | "~", value: m[5] ?? m[6] ?? m[7] ?? "", negate: m[1] === "-" };
  });
  return { clauses, any: hasOr };
}

function valueAt(obj: unknown, path: string): unknown {
  return path
    .split(".")
    .reduce<unknown>(
      (node, key) => (node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined),
      obj,
    );
}

function matches(obj: unknown, c: Clause): boolean {
  const v = valueAt(obj, c.field);
  const s = v === null || v === undefined ? "" : String(v);
  const hit =
    c.op === "~" ? s.toLowerCase().includes(c.value.toLowerCase()) : s.toLowerCase() === c.value.toLowerCase();
  return c.negate ? !hit : hit;
}

export function searchFilter(query: string, allowed: string[]): (obj: unknown) => boolean {
  const { clauses, any } = parse(query);
  for (const c of clauses) {
    const root = c.field.startsWith("metadata.") ? "metadata" : c.field;
    if (!allowed.includes(root))
      throw invalidRequest(`Field '${c.field}' is an unsupported search field. Supported: ${allowed.join(", ")}.`, {
        param: "query",
      });
  }
  return (obj) => (any ? clauses.some((c) => matches(obj, c)) : clauses.every((c) => matches(obj, c)));
}

export function searchResult<T extends { id: string }>(
  items: T[],
  limit: number | undefined,
  page: string | undefined,
  url: string,
) {
  const start = page ? Number(page) : 0;
  const size = limit ?? 10;
  const data = items.slice(start, start + size);
  const more = items.length > start + size;
  return {
    object: "search_result" as const,
    data,
    has_more: more,
    next_page: more ? String(start + size) : null,
    url,
    total_count: items.length,
  };
}
