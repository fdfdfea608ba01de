// The example request of an operation as a curl command (the reference page shows it).
type CurlInput = {
  method: string;
  path: string;
  auth: "api_key" | "api_key_or_session" | "session" | "admin" | "public";
  idempotency?: "required" | "optional";
  query?: Record<string, string>;
  example?: unknown;
};

export function curlOf(op: CurlInput, baseUrl: string): string {
  const qs = op.query && Object.keys(op.query).length ? `?${new URLSearchParams(op.query).toString()}` : "";
  const url = `${baseUrl}${op.path}${qs}`;
  const lines = [op.method === "GET" ? `curl '${url}'` : `curl -X ${op.method} '${url}'`];
  if (op.auth === "api_key" || op.auth === "api_key_or_session") lines.push(`-H 'Authorization: Bearer vt_sk_…'`);
  else if (op.auth !== "public") lines.push(`-b 'next-auth.session-token=…'`);
  if (op.idempotency)
    lines.push(
      `-H 'Idempotency-Key: ${op.idempotency === "required" ? "a-unique-key-per-action" : "optional-unique-key"}'`,
    );
  if (op.example !== undefined) {
    lines.push(`-H 'Content-Type: application/json'`);
    lines.push(`-d '${JSON.stringify(op.example).replace(/'/g, "'\\''")}'`);
  }
  return lines.join(" \\\n  ");
}
