// The document lists exactly the operations app/api/v1 serves: a new route file (or a new method in
// one) fails here until it is registered in lib/openapi/operations, and so does a stale entry.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/openapi/document";

const ROOT = path.join(import.meta.dirname, "../../app/api/v1");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? routeFiles(p) : e.name === "route.ts" ? [p] : [];
  });
}

/** "POST /api/v1/orders/{id}/refunds" for every method a route file exports (re-exports too). */
function servedOperations(): string[] {
  return routeFiles(ROOT).flatMap((file) => {
    const source = fs.readFileSync(file, "utf8");
    const url = `/api/v1/${path.relative(ROOT, path.dirname(file)).split(path.sep).join("/")}`.replace(
      /\[([^\]]+)\]/g,
      "{$1}",
    );
    const direct = [...source.matchAll(/export (?:const|async function) ([A-Z]+)\b/g)].map((m) => m[1]!);
    const reexported = [...source.matchAll(/export \{([^}]+)\} from/g)].flatMap((m) =>
      m[1]!.split(",").map(
        (n) =>
          n
            .trim()
            .split(/\s+as\s+/)
            .pop()!,
      ),
    );
    return [...direct, ...reexported].filter((m) => METHODS.includes(m)).map((m) => `${m} ${url}`);
  });
}

function documentedOperations(): string[] {
  return Object.entries(openApiDocument().paths).flatMap(([p, item]) =>
    Object.keys(item).map((m) => `${m.toUpperCase()} ${p}`),
  );
}

describe("OpenAPI coverage of /api/v1", () => {
  const served = servedOperations().sort();
  const documented = documentedOperations().sort();

  it("finds the route files (the walk itself works)", () => {
    expect(served.length).toBeGreaterThan(100);
    expect(served).toContain("POST /api/v1/credits/spend");
    expect(served).toContain("POST /api/v1/create-product");
  });

  it("documents every served operation", () => {
    expect(served.filter((op) => !documented.includes(op))).toEqual([]);
  });

  it("documents no operation that is not served", () => {
    expect(documented.filter((op) => !served.includes(op))).toEqual([]);
  });
});
