import type { Locale } from "./config";
import { messages, type Messages } from "./messages";

type Leaves<T, P extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

export type MessageKey = Leaves<Messages>;
export type TranslateFn = (key: MessageKey, vars?: Record<string, string | number>) => string;

function lookup(tree: unknown, key: string): string | undefined {
  let node: unknown = tree;
  for (const part of key.split(".")) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string" ? node : undefined;
}

/** Returns a translator for one locale; `{name}` placeholders are filled from vars. */
export function createTranslator(locale: Locale): TranslateFn {
  const tree = messages[locale];
  return (key, vars) => {
    const template = lookup(tree, key) ?? lookup(messages.en, key) ?? key;
    if (!vars) return template;
    return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
  };
}
