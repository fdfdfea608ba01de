import "server-only";
import { getSessionUser } from "@/lib/auth/session";
import { env } from "@/lib/env/server";

/**
 * Whether the caller may read the API reference (/docs/api, /api/v1/openapi.json): anyone when
 * DOCS_PUBLIC is true (the default), else only a signed-in platform admin. Others get a 404, as if
 * the reference did not exist (docs/api-reference.md).
 */
export async function canReadApiDocs(req?: Request): Promise<boolean> {
  if (env().DOCS_PUBLIC) return true;
  const user = await getSessionUser(req);
  return user?.role === "ADMIN";
}
