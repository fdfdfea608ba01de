// One operation of the reference, read from the OpenAPI document: method and path, what it does,
// who may call it, its parameters and body fields, an example request, its responses and errors.
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import type { TranslateFn } from "@/lib/i18n/translate";
import { curlOf } from "@/lib/openapi/curl";
import { fieldRows, typeLabel } from "@/lib/openapi/fields";
import type { Auth } from "@/lib/openapi/types";
import { FieldTable, type ParamRow } from "./field-table";
import { MethodBadge } from "./method-badge";
import type { DocOperation } from "./model";

type Json = Record<string, unknown>;

function Block({ title, children, aside }: { title: string; children: ReactNode; aside?: ReactNode }) {
  return (
    <div className="space-y-2">
      <h4 className="flex items-center gap-2 text-sm font-semibold text-ink">
        {title}
        {aside}
      </h4>
      {children}
    </div>
  );
}

function paramRows(op: Json, root: Json): ParamRow[] {
  return ((op.parameters as Json[] | undefined) ?? []).map((p) => ({
    name: String(p.name),
    in: String(p.in),
    type: typeLabel((p.schema as Json) ?? {}, root),
    required: Boolean(p.required),
    notes: fieldRows({ type: "object", properties: { x: p.schema } }, root)[0]?.[0]?.notes ?? [],
    description: typeof p.description === "string" ? p.description : undefined,
  }));
}

export function OperationCard({
  entry,
  doc,
  t,
  baseUrl,
}: {
  entry: DocOperation;
  doc: Json;
  t: TranslateFn;
  baseUrl: string;
}) {
  const { op, method, path, id } = entry;
  const auth = op["x-auth"] as Auth;
  const params = paramRows(op, doc);
  const body = (op.requestBody as Json | undefined)?.content as Record<string, Json> | undefined;
  const json = body?.["application/json"];
  const groups = json ? fieldRows(json.schema as Json, doc) : [];
  const idempotency = (op.parameters as Json[]).find((p) => p.name === "Idempotency-Key");
  const curl = curlOf(
    {
      method,
      path,
      auth,
      idempotency: idempotency ? (idempotency.required ? "required" : "optional") : undefined,
      query: Object.fromEntries(
        ((op.parameters as Json[]) ?? [])
          .filter((p) => p.in === "query" && p.example !== undefined)
          .map((p) => [String(p.name), String(p.example)]),
      ),
      example: json?.example,
    },
    baseUrl,
  );
  const responses = Object.entries(op.responses as Record<string, Json>);
  const description = String(op.description ?? "")
    .split("\n\n")
    .filter((p) => !p.startsWith("Auth:") && !p.startsWith("Same handler as"));
  const aliasOf = String(op.description ?? "").match(/Same handler as (.+)\.$/m)?.[1];
  return (
    <article
      id={id}
      className="scroll-mt-24 rounded-xl border border-line bg-surface-raised shadow-xs"
      data-operation={`${method} ${path}`}
    >
      <header className="space-y-2 border-b border-line px-4 py-4 sm:px-5">
        <h3 className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <MethodBadge method={method} />
          <span className="font-mono text-sm font-semibold break-all text-ink">{path}</span>
          {Boolean(op.deprecated) && <Badge tone="warning">{t("apiDocs.deprecated")}</Badge>}
        </h3>
        <p className="text-[15px] text-ink">{String(op.summary)}</p>
        {description.map((p) => (
          <p key={p} className="text-sm leading-relaxed text-ink-muted">
            {p}
          </p>
        ))}
        {aliasOf && <p className="text-sm text-ink-muted">{t("apiDocs.sameAs", { operation: aliasOf })}</p>}
        <div className="flex flex-wrap gap-2 pt-1">
          <Badge tone={auth === "public" ? "neutral" : "brand"}>
            {t("apiDocs.authLabel")}: {t(`apiDocs.auth.${auth}`)}
          </Badge>
          {idempotency && (
            <Badge tone={idempotency.required ? "warning" : "neutral"}>
              {t(idempotency.required ? "apiDocs.idempotency.required" : "apiDocs.idempotency.optional")}
            </Badge>
          )}
        </div>
      </header>
      <div className="space-y-5 px-4 py-4 sm:px-5">
        {params.length > 0 && (
          <Block title={t("apiDocs.parameters")}>
            <FieldTable rows={params} t={t} showIn />
          </Block>
        )}
        {groups.length > 0 && (
          <Block
            title={t("apiDocs.body")}
            aside={
              (op.requestBody as Json).required ? null : (
                <span className="text-xs font-normal text-ink-subtle">({t("apiDocs.bodyOptional")})</span>
              )
            }
          >
            {groups.map((rows, i) => (
              <div key={rows.map((r) => r.name).join()} className="space-y-1">
                {groups.length > 1 && (
                  <p className="text-xs font-medium text-ink-subtle">
                    {t("apiDocs.oneOf", { n: i + 1, count: groups.length })}
                  </p>
                )}
                <FieldTable rows={rows} t={t} />
              </div>
            ))}
          </Block>
        )}
        <Block title={t("apiDocs.example")}>
          <pre className="max-w-full overflow-x-auto rounded-lg border border-line bg-surface-inverse p-3 font-mono text-xs leading-relaxed text-ink-inverse">
            <code>{curl}</code>
          </pre>
        </Block>
        <Block title={t("apiDocs.responses")}>
          <ul className="divide-y divide-line rounded-lg border border-line text-sm">
            {responses.map(([status, r]) => {
              const ok = Number(status) < 400;
              return (
                <li key={status} className="grid gap-1 px-3 py-2 sm:grid-cols-[4rem_minmax(0,1fr)] sm:gap-3">
                  <span className={`font-mono font-semibold ${ok ? "text-success-ink" : "text-danger-ink"}`}>
                    {status}
                  </span>
                  <span className="flex flex-wrap gap-1">
                    {ok ? (
                      <span className="text-ink-muted">
                        {String(r.description)} · {Object.keys((r.content as Json) ?? {}).join(", ")}
                      </span>
                    ) : (
                      String(r.description)
                        .split(", ")
                        .map((code) => (
                          <code
                            key={code}
                            className="rounded-sm bg-surface-sunken px-1 py-px font-mono text-xs text-ink"
                          >
                            {code}
                          </code>
                        ))
                    )}
                  </span>
                </li>
              );
            })}
          </ul>
        </Block>
      </div>
    </article>
  );
}
