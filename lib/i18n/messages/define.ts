/**
 * Each namespace file declares its English strings and a pt-BR translation that must have
 * exactly the same keys (the type checker fails on a missing or extra key).
 */
type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

export function defineMessages<const T extends Record<string, unknown>>(en: T, ptBR: Shape<T>) {
  return { en: en as Shape<T>, "pt-BR": ptBR };
}
