/**
 * Form decoding (`line_items[0][price]=…`, `expand[]=…`, `metadata[k]=…`) and a small declarative
 * allow-list per endpoint. Anything not declared is rejected the way Stripe rejects it:
 * 400 "Received unknown parameter: X" with `param`.
 */
import { missingParam, paramError, unknownParam } from "./errors";

export type Raw = string | { [key: string]: Raw };
export type RawObject = { [key: string]: Raw };

function splitKey(key: string): string[] {
  const first = key.indexOf("[");
  if (first < 0) return [key];
  const parts = [key.slice(0, first)];
  const re = /\[([^\]]*)\]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(key.slice(first)))) parts.push(m[1]);
  return parts;
}

/** Decodes an application/x-www-form-urlencoded body or query string into nested objects. */
export function decodeForm(input: string): RawObject {
  const root: RawObject = {};
  for (const [key, value] of new URLSearchParams(input)) {
    const parts = splitKey(key);
    let node: RawObject = root;
    for (let i = 0; i < parts.length; i++) {
      let part = parts[i];
      if (part === "") part = String(Object.keys(node).length);
      if (i === parts.length - 1) {
        node[part] = value;
      } else {
        const next = node[part];
        if (typeof next === "object") node = next;
        else node = node[part] = {};
      }
    }
  }
  return root;
}

/** Turns JSON bodies (controls, Stripe.js stand-in) into the same Raw tree as forms. */
export function fromJson(value: unknown): Raw {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return Object.fromEntries(value.map((v, i) => [String(i), fromJson(v)]));
  if (typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fromJson(v)]));
  return String(value);
}

export class Field<T, R extends boolean = false> {
  constructor(
    readonly parse: (raw: Raw, path: string) => T,
    readonly required: R = false as R,
  ) {}
  req(): Field<T, true> {
    return new Field(this.parse, true);
  }
}

type AnyField = Field<unknown, boolean>;
export type Shape = Record<string, AnyField>;
type Out<F> = F extends Field<infer T, boolean> ? T : never;
export type Infer<S extends Shape> = {
  [K in keyof S as S[K] extends Field<unknown, true> ? K : never]: Out<S[K]>;
} & {
  [K in keyof S as S[K] extends Field<unknown, true> ? never : K]?: Out<S[K]>;
};

const lastName = (path: string) => path.replace(/^.*\[([^\]]*)\]$/, "$1");
const show = (raw: Raw) => (typeof raw === "string" ? raw : JSON.stringify(raw));

function asString(raw: Raw, path: string): string {
  if (typeof raw !== "string") throw paramError(`Invalid string: ${show(raw)}`, path, "parameter_invalid_string");
  return raw;
}

export const str = () => new Field<string>(asString);

/** Strings where "" means "unset" (description, nullable urls). */
export const nullableStr = () => new Field<string | null>((raw, path) => asString(raw, path) || null);

export const int = (opts: { min?: number; max?: number } = {}) =>
  new Field<number>((raw, path) => {
    const s = asString(raw, path);
    if (!/^-?\d+$/.test(s)) throw paramError(`Invalid integer: ${s}`, path, "parameter_invalid_integer");
    const n = Number(s);
    if (opts.min !== undefined && n < opts.min)
      throw paramError(`This value must be greater than or equal to ${opts.min}.`, path, "parameter_invalid_integer");
    if (opts.max !== undefined && n > opts.max)
      throw paramError(`This value must be less than or equal to ${opts.max}.`, path, "parameter_invalid_integer");
    return n;
  });

export const num = () =>
  new Field<number>((raw, path) => {
    const s = asString(raw, path);
    if (!/^-?\d+(\.\d+)?$/.test(s)) throw paramError(`Invalid decimal: ${s}`, path, "parameter_invalid_decimal");
    return Number(s);
  });

export const bool = () =>
  new Field<boolean>((raw, path) => {
    const s = asString(raw, path);
    if (s !== "true" && s !== "false") throw paramError(`Invalid boolean: ${s}`, path, "parameter_invalid_boolean");
    return s === "true";
  });

export const enm = <const V extends string>(...values: V[]) =>
  new Field<V>((raw, path) => {
    const s = asString(raw, path);
    if (!(values as string[]).includes(s)) {
      const list = values.length > 1 ? `${values.slice(0, -1).join(", ")}, or ${values[values.length - 1]}` : values[0];
      throw paramError(`Invalid ${lastName(path)}: must be one of ${list}`, path, "parameter_invalid_enum");
    }
    return s as V;
  });

export const arr = <T>(of: Field<T, boolean>) =>
  new Field<T[]>((raw, path) => {
    if (raw === "") return [];
    if (typeof raw === "string") throw paramError(`Invalid array`, path, "parameter_invalid_array");
    const keys = Object.keys(raw);
    if (!keys.every((k) => /^\d+$/.test(k))) throw paramError(`Invalid array`, path, "parameter_invalid_array");
    return keys.sort((a, b) => Number(a) - Number(b)).map((k) => of.parse(raw[k], `${path}[${k}]`));
  });

/** A hash keyed by the caller (`currency_options[eur][amount_off]`), each value parsed by `of`. */
export const dict = <T>(of: Field<T, boolean>) =>
  new Field<Record<string, T>>((raw, path) => {
    if (typeof raw === "string") throw paramError(`Invalid hash`, path, "parameter_invalid_hash");
    return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, of.parse(v, `${path}[${k}]`)]));
  });

/** metadata: a flat hash of strings. `null` means "clear everything" (metadata=""), "" values unset keys. */
export const meta = () =>
  new Field<Record<string, string> | null>((raw, path) => {
    if (raw === "") return null;
    if (typeof raw === "string") throw paramError(`Invalid hash`, path, "parameter_invalid_hash");
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(raw)) out[k] = asString(v, `${path}[${k}]`);
    return out;
  });

export function parseShape<S extends Shape>(shape: S, raw: Raw, prefix: string): Infer<S> {
  const at = (k: string) => (prefix ? `${prefix}[${k}]` : k);
  if (typeof raw === "string") throw paramError(`Invalid object`, prefix, "parameter_invalid_object");
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(raw)) {
    if (!(key in shape)) throw unknownParam(at(key));
  }
  for (const [key, field] of Object.entries(shape)) {
    const value = raw[key];
    if (value === undefined) {
      if (field.required) throw missingParam(at(key));
      continue;
    }
    out[key] = field.parse(value, at(key));
  }
  return out as Infer<S>;
}

export const obj = <S extends Shape>(shape: S) =>
  new Field<Infer<S>>((raw, path) => (raw === "" ? ({} as Infer<S>) : parseShape(shape, raw, path)));

/** `created` style filters: an integer or a hash of gt/gte/lt/lte. */
export type Range = { gt?: number; gte?: number; lt?: number; lte?: number };
const rangeShape = { gt: int(), gte: int(), lt: int(), lte: int() };
export const range = () =>
  new Field<Range>((raw, path) =>
    typeof raw === "string"
      ? { gte: int().parse(raw, path), lte: int().parse(raw, path) }
      : parseShape(rangeShape, raw, path),
  );

export function inRange(value: number, r: Range | undefined): boolean {
  if (!r) return true;
  return (
    (r.gt === undefined || value > r.gt) &&
    (r.gte === undefined || value >= r.gte) &&
    (r.lt === undefined || value < r.lt) &&
    (r.lte === undefined || value <= r.lte)
  );
}

/** Pagination params every list endpoint accepts. */
export const listParams = {
  limit: int({ min: 1, max: 100 }),
  starting_after: str(),
  ending_before: str(),
  expand: arr(str()),
};

/** Applies a metadata update: null clears, "" unsets a key. */
export function mergeMetadata(
  current: Record<string, string> | null | undefined,
  update: Record<string, string> | null | undefined,
): Record<string, string> {
  if (update === undefined) return { ...(current ?? {}) };
  if (update === null) return {};
  const next = { ...(current ?? {}) };
  for (const [k, v] of Object.entries(update)) {
    if (v === "") delete next[k];
    else next[k] = v;
  }
  return next;
}
