// One HTTP POST to a store: no redirects followed, a hard timeout, connection-time address
// checks (through `lookup`), and only the start of the response kept. Connections come from the
// endpoint's keep-alive agent (lib/callbacks/agents.ts) when one is given.
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { RESPONSE_EXCERPT_CHARS } from "./config";

export type PostResult = { status: number; retryAfter: string | null; excerpt: string };

const MAX_READ_BYTES = 4_096;

export function postCallback(
  url: URL,
  body: string,
  headers: Record<string, string>,
  opts: { timeoutMs: number; lookup?: LookupFunction; agent?: http.Agent },
): Promise<PostResult> {
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      url,
      {
        method: "POST",
        headers: { ...headers, "content-length": String(Buffer.byteLength(body)) },
        // Without an agent, a fresh connection per attempt.
        agent: opts.agent ?? false,
        lookup: opts.lookup,
        signal: AbortSignal.timeout(opts.timeoutMs),
      },
      (res) => {
        const chunks: Buffer[] = [];
        let read = 0;
        const finish = () => {
          const retryAfter = res.headers["retry-after"];
          resolve({
            status: res.statusCode ?? 0,
            retryAfter: typeof retryAfter === "string" ? retryAfter : null,
            excerpt: Buffer.concat(chunks).toString("utf8").slice(0, RESPONSE_EXCERPT_CHARS),
          });
        };
        res.on("data", (chunk: Buffer) => {
          if (read < MAX_READ_BYTES) chunks.push(chunk);
          read += chunk.length;
          // The status is what counts; do not wait for (or buffer) a large body.
          if (read >= MAX_READ_BYTES) {
            finish();
            res.destroy();
          }
        });
        res.on("end", finish);
        // A body cut short (peer closed, timeout) still carries the status line we already have.
        res.on("close", finish);
        res.on("error", (err) => (read >= MAX_READ_BYTES ? undefined : reject(err)));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** A short, secret-free description of a transport failure for the delivery log. */
export function describeError(err: unknown): string {
  if (err instanceof Error) {
    if (err.name === "TimeoutError" || err.name === "AbortError") return "timeout: no response within 10 s";
    const code = (err as NodeJS.ErrnoException).code;
    return (code ? `${code}: ` : "") + err.message.slice(0, 200);
  }
  return "request failed";
}
