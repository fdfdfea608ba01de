import type { IncomingMessage, ServerResponse } from "node:http";

export type SimRequest = {
  method: string;
  /** Path below the gateway prefix, e.g. `/pix/cashIn`. */
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage["headers"];
  contentType: string;
  rawBody: string;
  body: Record<string, unknown>;
};

export async function readRaw(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export function parseBody(raw: string, contentType: string): Record<string, unknown> {
  if (!raw) return {};
  if (contentType.includes("application/x-www-form-urlencoded")) return Object.fromEntries(new URLSearchParams(raw));
  try {
    const parsed: unknown = JSON.parse(raw);
    return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, contentType = "application/json"): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": `${contentType}; charset=utf-8`, "content-length": Buffer.byteLength(text) });
  res.end(text);
}

/** RFC 7807, as the BCB API answers errors. */
export function sendProblem(res: ServerResponse, status: number, title: string, detail: string): void {
  sendJson(
    res,
    status,
    { type: `https://pix.bcb.gov.br/api/v2/error/${title.replace(/\s+/g, "")}`, title, status, detail },
    "application/problem+json",
  );
}

export function header(req: SimRequest, name: string): string | undefined {
  const v = req.headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}

export const num = (v: unknown): number =>
  typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" ? Number(v) : NaN;
