// A small JSON Schema (2020-12) checker for the subset z.toJSONSchema emits, so the test can hold
// each documented example against the document itself (no validator dependency in package.json).
type Schema = Record<string, unknown>;

function typeOf(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "number") return Number.isInteger(v) ? "integer" : "number";
  return typeof v;
}

function typeMatches(want: unknown, v: unknown): boolean {
  const wants = Array.isArray(want) ? want : [want];
  const got = typeOf(v);
  return wants.some((w) => w === got || (w === "number" && got === "integer"));
}

/** The problems of `value` against `schema`, each with its JSON path; refs resolve against `root`. */
export function checkJsonSchema(schema: Schema, value: unknown, root: Schema, at = "$"): string[] {
  if (typeof schema.$ref === "string") {
    const target = schema.$ref
      .replace(/^#\//, "")
      .split("/")
      .reduce<unknown>((node, key) => (node as Schema | undefined)?.[key], root);
    if (!target) return [`${at}: unresolved ${schema.$ref}`];
    return checkJsonSchema(target as Schema, value, root, at);
  }
  const errs: string[] = [];
  if (schema.type !== undefined && !typeMatches(schema.type, value)) return [`${at}: not ${String(schema.type)}`];
  if (schema.const !== undefined && value !== schema.const) errs.push(`${at}: not ${String(schema.const)}`);
  if (Array.isArray(schema.enum) && !schema.enum.includes(value))
    errs.push(`${at}: not one of ${schema.enum.join("|")}`);
  for (const key of ["anyOf", "oneOf"] as const) {
    const options = schema[key] as Schema[] | undefined;
    if (options && !options.some((o) => checkJsonSchema(o, value, root, at).length === 0))
      errs.push(`${at}: no ${key} fits`);
  }
  for (const part of (schema.allOf as Schema[] | undefined) ?? []) errs.push(...checkJsonSchema(part, value, root, at));
  if (typeof value === "string") {
    if (typeof schema.minLength === "number" && [...value].length < schema.minLength) errs.push(`${at}: too short`);
    if (typeof schema.maxLength === "number" && [...value].length > schema.maxLength) errs.push(`${at}: too long`);
    if (typeof schema.pattern === "string" && !new RegExp(schema.pattern, "u").test(value)) errs.push(`${at}: pattern`);
  }
  if (typeof value === "number") {
    if (typeof schema.minimum === "number" && value < schema.minimum) errs.push(`${at}: below minimum`);
    if (typeof schema.maximum === "number" && value > schema.maximum) errs.push(`${at}: above maximum`);
    if (typeof schema.exclusiveMinimum === "number" && value <= schema.exclusiveMinimum)
      errs.push(`${at}: not above min`);
    if (typeof schema.exclusiveMaximum === "number" && value >= schema.exclusiveMaximum)
      errs.push(`${at}: not below max`);
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === "number" && value.length < schema.minItems) errs.push(`${at}: too few items`);
    if (typeof schema.maxItems === "number" && value.length > schema.maxItems) errs.push(`${at}: too many items`);
    const items = schema.items as Schema | undefined;
    if (items) for (const [i, v] of value.entries()) errs.push(...checkJsonSchema(items, v, root, `${at}[${i}]`));
  }
  if (typeOf(value) === "object") {
    const obj = value as Record<string, unknown>;
    const props = (schema.properties as Record<string, Schema> | undefined) ?? {};
    for (const key of (schema.required as string[] | undefined) ?? [])
      if (!(key in obj)) errs.push(`${at}.${key}: required`);
    for (const [key, v] of Object.entries(obj)) {
      if (props[key]) errs.push(...checkJsonSchema(props[key], v, root, `${at}.${key}`));
      else if (schema.additionalProperties === false) errs.push(`${at}.${key}: not allowed`);
      else if (typeof schema.additionalProperties === "object")
        errs.push(...checkJsonSchema(schema.additionalProperties as Schema, v, root, `${at}.${key}`));
    }
  }
  return errs;
}
