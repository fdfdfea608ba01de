// The reference page's view of the OpenAPI document: operations grouped by tag, in document order.
import { type OpenApiDocument, openApiDocument } from "@/lib/openapi/document";
import { TAGS, type TagName } from "@/lib/openapi/tags";

type Json = Record<string, unknown>;

export type DocOperation = {
  id: string;
  method: string;
  path: string;
  op: Json;
};

export type DocSection = { tag: TagName; operations: DocOperation[] };

export function referenceSections(doc: OpenApiDocument = openApiDocument()): DocSection[] {
  const byTag = new Map<string, DocOperation[]>();
  for (const [path, item] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(item)) {
      const tag = (op.tags as string[])[0] ?? "";
      byTag.set(tag, [
        ...(byTag.get(tag) ?? []),
        { id: op.operationId as string, method: method.toUpperCase(), path, op },
      ]);
    }
  return TAGS.map((t) => ({ tag: t.name, operations: byTag.get(t.name) ?? [] })).filter((s) => s.operations.length);
}

export function isTag(value: string): value is TagName {
  return TAGS.some((t) => t.name === value);
}
