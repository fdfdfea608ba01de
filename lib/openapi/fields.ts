// Flattens a request's JSON Schema into rows a reader can scan: one per field (nested objects as
// `customer.name`, arrays as `prices[].unitAmount`), with its type, whether it is required, and
// its constraints. Used by the reference page; pure, so it is tested without React.
type Json = Record<string, unknown>;

export type FieldRow = {
  name: string;
  type: string;
  required: boolean;
  /** Enum values, bounds, lengths, pattern, default, format. */
  notes: string[];
  description?: string;
};

function deref(schema: Json, root: Json): Json {
  if (typeof schema.$ref !== "string") return schema;
  const target = schema.$ref
    .replace(/^#\//, "")
    .split("/")
    .reduce<unknown>((node, key) => (node as Json | undefined)?.[key], root);
  return (target as Json | undefined) ?? {};
}

/** "string", "integer", "a | b", "string | null", "object", "array of string"… */
export function typeLabel(raw: Json, root: Json): string {
  const s = deref(raw, root);
  const options = (s.anyOf ?? s.oneOf) as Json[] | undefined;
  if (options) return [...new Set(options.map((o) => typeLabel(o, root)))].join(" | ");
  if (Array.isArray(s.enum)) return "enum";
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (Array.isArray(s.type)) return s.type.join(" | ");
  if (s.type === "array") return `array of ${typeLabel((s.items as Json) ?? {}, root)}`;
  return typeof s.type === "string" ? s.type : "any";
}

function notesOf(raw: Json, root: Json): string[] {
  const s = deref(raw, root);
  const notes: string[] = [];
  const plain = ((s.anyOf ?? s.oneOf) as Json[] | undefined)?.find((o) => deref(o, root).type !== "null");
  const base = plain ? deref(plain, root) : s;
  if (Array.isArray(base.enum)) notes.push(base.enum.map((v) => JSON.stringify(v)).join(", "));
  if (base.format) notes.push(String(base.format));
  else if (base.pattern) notes.push(`pattern ${String(base.pattern)}`);
  const bound = (label: string, value: unknown) => typeof value === "number" && notes.push(`${label} ${value}`);
  bound("≥", base.minimum);
  bound(">", base.exclusiveMinimum);
  bound("≤", base.maximum);
  bound("min length", base.minLength);
  bound("max length", base.maxLength);
  bound("max items", base.maxItems);
  if (s.default !== undefined) notes.push(`default ${JSON.stringify(s.default)}`);
  return notes;
}

function objectRows(schema: Json, root: Json, prefix: string, depth: number): FieldRow[] {
  const s = deref(schema, root);
  const props = (s.properties as Record<string, Json> | undefined) ?? {};
  const required = new Set((s.required as string[] | undefined) ?? []);
  const rows: FieldRow[] = [];
  for (const [key, raw] of Object.entries(props)) {
    const name = `${prefix}${key}`;
    const field = deref(raw, root);
    rows.push({
      name,
      type: typeLabel(field, root),
      required: required.has(key),
      notes: notesOf(field, root),
      description: typeof field.description === "string" ? field.description : undefined,
    });
    if (depth >= 2) continue;
    const options = (field.anyOf as Json[] | undefined)?.map((o) => deref(o, root)) ?? [field];
    for (const option of options) {
      if (option.properties) rows.push(...objectRows(option, root, `${name}.`, depth + 1));
      const items = option.type === "array" ? deref((option.items as Json) ?? {}, root) : undefined;
      if (items?.properties) rows.push(...objectRows(items, root, `${name}[].`, depth + 1));
    }
  }
  return rows;
}

/**
 * The rows of a body schema. A union of objects (e.g. a package or a custom amount) becomes one
 * group of rows per alternative, named "one of" on the page.
 */
export function fieldRows(schema: Json, root: Json): FieldRow[][] {
  const s = deref(schema, root);
  const options = (s.anyOf ?? s.oneOf) as Json[] | undefined;
  if (options && !s.properties) return options.map((o) => objectRows(o, root, "", 0));
  return [objectRows(s, root, "", 0)];
}
