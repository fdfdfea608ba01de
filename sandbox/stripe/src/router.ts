/** Route table: method + path pattern → parameter allow-list + handler. */
import type { Ctx } from "./context";
import { arr, parseShape, str, type Infer, type RawObject, type Shape } from "./params";

export type PathParams = Record<string, string>;

/**
 * `secret`: needs an sk_test_ key. `publishable`: Stripe.js may call it with pk_test_ (the handler
 * then checks the client secret where Stripe requires one).
 */
export type Auth = "secret" | "publishable";

export type Route = {
  method: "GET" | "POST" | "DELETE";
  pattern: string;
  auth: Auth;
  match(path: string): PathParams | null;
  run(ctx: Ctx, raw: RawObject, path: PathParams): unknown;
};

export function route<S extends Shape>(
  method: Route["method"],
  pattern: string,
  shape: S,
  handler: (ctx: Ctx, params: Infer<S>, path: PathParams) => unknown,
  opts: { auth?: Auth } = {},
): Route {
  const keys: string[] = [];
  // Every Stripe endpoint accepts expand[]; the API layer applies it to the result.
  const withExpand: S = { expand: arr(str()), ...shape };
  const regex = new RegExp(
    "^" +
      pattern.replace(/:(\w+)/g, (_, k: string) => {
        keys.push(k);
        return "([^/]+)";
      }) +
      "$",
  );
  return {
    method,
    pattern,
    auth: opts.auth ?? "secret",
    match(path) {
      const m = regex.exec(path);
      if (!m) return null;
      return Object.fromEntries(keys.map((k, i) => [k, decodeURIComponent(m[i + 1])]));
    },
    run(ctx, raw, path) {
      return handler(ctx, parseShape(withExpand, raw, ""), path);
    },
  };
}

export class Router {
  constructor(private routes: Route[]) {}

  find(method: string, path: string): { route: Route; params: PathParams } | null {
    for (const r of this.routes) {
      if (r.method !== method) continue;
      const params = r.match(path);
      if (params) return { route: r, params };
    }
    return null;
  }
}
