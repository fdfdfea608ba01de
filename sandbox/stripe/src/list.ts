/** Cursor pagination (`limit`, `starting_after`, `ending_before`, `has_more`) shared by every list. */
import { invalidRequest } from "./errors";
import type { Kind, Rec } from "./store";

export type ListPage<T> = { object: "list"; data: T[]; has_more: boolean; url: string };

export type PageParams = { limit?: number; starting_after?: string; ending_before?: string };

export function paginate<T extends { id?: string }>(items: T[], params: PageParams, url: string): ListPage<T> {
  const limit = params.limit ?? 10;
  if (params.starting_after && params.ending_before) {
    throw invalidRequest("You may only specify one of these parameters: ending_before, starting_after.", {
      param: "ending_before",
    });
  }
  if (params.starting_after) {
    const i = items.findIndex((it) => it.id === params.starting_after);
    if (i < 0)
      throw invalidRequest(
        `No such object: '${params.starting_after}'`,
        { param: "starting_after", code: "resource_missing" },
        404,
      );
    const rest = items.slice(i + 1);
    return { object: "list", data: rest.slice(0, limit), has_more: rest.length > limit, url };
  }
  if (params.ending_before) {
    const i = items.findIndex((it) => it.id === params.ending_before);
    if (i < 0)
      throw invalidRequest(
        `No such object: '${params.ending_before}'`,
        { param: "ending_before", code: "resource_missing" },
        404,
      );
    const before = items.slice(0, i);
    return {
      object: "list",
      data: before.slice(Math.max(0, before.length - limit)),
      has_more: before.length > limit,
      url,
    };
  }
  return { object: "list", data: items.slice(0, limit), has_more: items.length > limit, url };
}

export function objects<K extends Kind>(recs: Rec<K>[]): Rec<K>["obj"][] {
  return recs.map((r) => r.obj);
}

/** A complete, non-paginated list (embedded lists such as `items`, `lines`, `refunds`). */
export function fullList<T>(data: T[], url: string): ListPage<T> {
  return { object: "list", data, has_more: false, url };
}
