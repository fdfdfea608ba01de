// The catcher's web side: the page, and JSON under /_mail for tests and scripts.
//   GET    /_mail/messages                       summaries, newest first (?to=<address> filters)
//   GET    /_mail/messages/:id                   one message: headers, text, html, attachments
//   GET    /_mail/messages/:id/html              the HTML body alone (sandboxed: no script runs)
//   GET    /_mail/messages/:id/attachments/:n    an attachment's bytes
//   GET    /_mail/messages/:id/raw               the message source (.eml)
//   DELETE /_mail/messages[/:id]                 delete all, or one
//   GET    /_mail/stats                          { count, latestId } (the page polls it)
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { isView, renderPage } from "./page";
import { jsonOf, summaryOf, type MailStore } from "./store";

function send(res: ServerResponse, status: number, body: string | Buffer, headers: Record<string, string>): void {
  res.writeHead(status, { "content-length": String(Buffer.byteLength(body)), ...headers });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  send(res, status, JSON.stringify(body), { "content-type": "application/json; charset=utf-8" });
}

/** An attachment filename for Content-Disposition: ASCII fallback plus the UTF-8 original. */
function disposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

// The message's HTML may hold anything a sender wrote: no script, no form, no navigation of the page.
const MESSAGE_CSP =
  "sandbox; default-src 'none'; img-src data: http: https:; style-src 'unsafe-inline'; font-src data:";

export function createHttpServer(opts: { store: MailStore; smtpAddress: () => string }): Server {
  const { store } = opts;

  function api(req: IncomingMessage, res: ServerResponse, parts: string[], query: URLSearchParams): void {
    const method = req.method ?? "GET";
    if (parts[0] === "stats" && method === "GET") {
      const all = store.list();
      return sendJson(res, 200, { count: all.length, latestId: all[0]?.id ?? "" });
    }
    if (parts[0] === "clear" && method === "POST") {
      store.clear();
      res.writeHead(303, { location: "/" }).end();
      return;
    }
    if (parts[0] !== "messages") return sendJson(res, 404, { error: "not found" });
    const [, id, sub, index] = parts;
    if (!id) {
      if (method === "DELETE") return sendJson(res, 200, { deleted: store.clear() });
      if (method !== "GET") return sendJson(res, 405, { error: "method not allowed" });
      const to = query.get("to")?.toLowerCase();
      const list = store
        .list()
        .filter((m) => !to || [...m.to, ...m.cc, ...m.envelope.to].some((a) => a.toLowerCase().includes(to)));
      return sendJson(res, 200, list.map(summaryOf));
    }
    const mail = store.get(id);
    if (method === "DELETE" && !sub) return sendJson(res, store.remove(id) ? 200 : 404, { deleted: mail ? 1 : 0 });
    if (!mail) return sendJson(res, 404, { error: "no such message" });
    if (method !== "GET") return sendJson(res, 405, { error: "method not allowed" });
    if (!sub) return sendJson(res, 200, jsonOf(mail));
    if (sub === "html")
      return send(res, mail.html ? 200 : 404, mail.html ?? "no HTML part", {
        "content-type": "text/html; charset=utf-8",
        "content-security-policy": MESSAGE_CSP,
        "x-content-type-options": "nosniff",
      });
    if (sub === "raw")
      return send(res, 200, mail.raw, {
        "content-type": "message/rfc822",
        "content-disposition": disposition(`${mail.id}.eml`),
      });
    if (sub === "attachments" && index !== undefined) {
      const file = mail.attachments[Number(index)];
      if (!file) return sendJson(res, 404, { error: "no such attachment" });
      return send(res, 200, file.content, {
        "content-type": file.contentType || "application/octet-stream",
        "content-disposition": disposition(file.filename),
        "x-content-type-options": "nosniff",
      });
    }
    return sendJson(res, 404, { error: "not found" });
  }

  return createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://catcher");
    const parts = url.pathname.split("/").filter(Boolean).map(decodeURIComponent);
    try {
      if (parts[0] === "_mail") return api(req, res, parts.slice(1), url.searchParams);
      if (req.method !== "GET") return sendJson(res, 405, { error: "method not allowed" });
      const mail = store.list();
      const reading = parts[0] === "m" && Boolean(parts[1]);
      if (!reading && parts.length) return sendJson(res, 404, { error: "not found" });
      const selected = reading ? store.get(parts[1]!) : mail[0];
      const view = url.searchParams.get("view");
      const html = renderPage({
        mail,
        selected,
        reading,
        view: isView(view) ? view : "html",
        smtpAddress: opts.smtpAddress(),
      });
      send(res, 200, html, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
    } catch (err) {
      sendJson(res, 500, { error: err instanceof Error ? err.message : String(err) });
    }
  });
}
