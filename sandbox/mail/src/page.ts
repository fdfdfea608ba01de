// The catcher's page: caught mail on the left, the open message on the right (one column on a
// phone: the list at `/`, a message at `/m/<id>`). Plain server-rendered HTML; the message's own
// HTML is shown in a sandboxed iframe served with a CSP that allows no script.
import type { CaughtMail } from "./store";

const esc = (s: unknown) => String(s ?? "").replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const CSS = `
*{box-sizing:border-box}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#f4f5f7;color:#1c2430}
a{color:#0f5f8a}
header{background:#111827;color:#fff;padding:12px 20px;display:flex;align-items:center;gap:16px;flex-wrap:wrap}
header h1{margin:0;font-size:17px;font-weight:650;letter-spacing:-.01em}
header p{margin:0;opacity:.75;font-size:13px;flex:1;min-width:220px}
header code{background:rgba(255,255,255,.12);padding:1px 6px;border-radius:4px;font-size:12px}
header form{margin:0}
button{font:inherit;font-size:13px;border:1px solid rgba(255,255,255,.35);background:transparent;color:#fff;border-radius:6px;padding:5px 12px;cursor:pointer}
button:hover{background:rgba(255,255,255,.1)}
.layout{display:grid;grid-template-columns:minmax(280px,380px) 1fr;height:calc(100vh - 58px)}
.list{border-right:1px solid #e1e4e8;background:#fff;overflow-y:auto;margin:0;padding:0;list-style:none}
.list li a{display:block;padding:11px 16px;border-bottom:1px solid #eef0f3;color:inherit;text-decoration:none}
.list li a:hover{background:#f7f8fa}
.list li a.active{background:#eaf3fb;box-shadow:inset 3px 0 0 #0f5f8a}
.row1{display:flex;justify-content:space-between;gap:8px;font-size:13px;color:#4b5563}
.row1 .to{overflow:hidden;text-overflow:ellipsis;white-space:nowrap;font-weight:600;color:#1c2430}
.row1 time{white-space:nowrap;font-variant-numeric:tabular-nums}
.subject{margin-top:2px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.clip{font-size:12px;color:#6b7280;margin-top:2px}
.detail{overflow-y:auto;padding:20px 24px}
.detail h2{margin:0 0 12px;font-size:19px;line-height:1.3;overflow-wrap:anywhere}
.meta{display:grid;grid-template-columns:max-content 1fr;gap:4px 14px;font-size:13px;margin:0 0 14px;background:#fff;border:1px solid #e1e4e8;border-radius:8px;padding:12px 14px}
.meta dt{color:#6b7280}.meta dd{margin:0;overflow-wrap:anywhere}
.files{display:flex;flex-wrap:wrap;gap:8px;margin:0 0 14px;padding:0;list-style:none}
.files a{display:inline-flex;gap:6px;align-items:center;border:1px solid #d0d5dc;background:#fff;border-radius:999px;padding:4px 12px;font-size:13px;text-decoration:none}
.files a:hover{border-color:#0f5f8a}
.files small{color:#6b7280}
.tabs{display:flex;gap:4px;border-bottom:1px solid #e1e4e8;margin-bottom:12px}
.tabs a{padding:7px 12px;text-decoration:none;color:#4b5563;border-bottom:2px solid transparent;margin-bottom:-1px;font-size:13px;font-weight:550}
.tabs a.on{color:#111827;border-color:#0f5f8a}
iframe{width:100%;height:calc(100vh - 330px);min-height:420px;border:1px solid #e1e4e8;border-radius:8px;background:#fff}
pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#fff;border:1px solid #e1e4e8;border-radius:8px;padding:14px;font:12.5px/1.55 ui-monospace,SFMono-Regular,Menlo,monospace;margin:0}
.empty{margin:48px auto;max-width:460px;text-align:center;color:#4b5563;padding:32px;border:1px dashed #c9ced6;border-radius:10px;background:#fff}
.empty h2{font-size:16px;margin:0 0 6px;color:#1c2430}
.back{display:none;margin-bottom:12px;font-size:13px}
.none{color:#6b7280;padding:40px 0;text-align:center}
@media (max-width:820px){
  .layout{grid-template-columns:1fr;height:auto}
  .list{border-right:0}
  body.reading .list{display:none}
  body:not(.reading) .detail{display:none}
  body:not(.reading) .list li a.active{background:none;box-shadow:none}
  .back{display:inline-block}
  .detail{padding:16px}
  iframe{height:70vh;min-height:360px}
  header{padding:12px 16px}
}
`;

const VIEWS = ["html", "text", "source"] as const;
export type MailView = (typeof VIEWS)[number];
export const isView = (v: string | null): v is MailView => (VIEWS as readonly string[]).includes(v ?? "");

function timeOf(iso: string): string {
  const d = new Date(iso);
  const sameDay = new Date().toDateString() === d.toDateString();
  return sameDay
    ? d.toLocaleTimeString("en-GB")
    : d.toLocaleString("en-GB", { dateStyle: "short", timeStyle: "short" });
}

function sizeOf(bytes: number): string {
  return bytes < 1024
    ? `${bytes} B`
    : bytes < 1024 * 1024
      ? `${Math.round(bytes / 1024)} KB`
      : `${(bytes / 1048576).toFixed(1)} MB`;
}

function listItem(m: CaughtMail, selected: string | undefined): string {
  const to = m.to.length ? m.to.join(", ") : m.envelope.to.join(", ");
  const clip = m.attachments.length
    ? `<div class="clip">📎 ${m.attachments.map((a) => esc(a.filename)).join(", ")}</div>`
    : "";
  return `<li><a href="/m/${esc(m.id)}" class="${m.id === selected ? "active" : ""}" data-testid="mail-item">
<div class="row1"><span class="to">${esc(to)}</span><time datetime="${esc(m.receivedAt)}">${esc(timeOf(m.receivedAt))}</time></div>
<div class="subject">${esc(m.subject || "(no subject)")}</div>${clip}</a></li>`;
}

function detail(m: CaughtMail, view: MailView): string {
  const tab = (v: MailView, label: string, enabled: boolean) =>
    enabled ? `<a href="/m/${esc(m.id)}?view=${v}" class="${v === view ? "on" : ""}">${label}</a>` : "";
  const meta = [
    ["From", m.from],
    ["To", m.to.join(", ")],
    ...(m.cc.length ? [["Cc", m.cc.join(", ")]] : []),
    ...(m.envelope.to.join(",") !== m.to.map((t) => t.replace(/^.*<|>$/g, "")).join(",")
      ? [["Envelope to", m.envelope.to.join(", ")]]
      : []),
    ["Date", m.date ? new Date(m.date).toUTCString() : new Date(m.receivedAt).toUTCString()],
    ...(m.messageId ? [["Message-ID", m.messageId]] : []),
  ];
  const files = m.attachments.length
    ? `<ul class="files">${m.attachments
        .map(
          (a, i) =>
            `<li><a href="/_mail/messages/${esc(m.id)}/attachments/${i}" download="${esc(a.filename)}" data-testid="mail-attachment">📎 ${esc(a.filename)} <small>${esc(a.contentType)} · ${sizeOf(a.size)}</small></a></li>`,
        )
        .join("")}</ul>`
    : "";
  const shown = view === "html" && !m.html ? "text" : view;
  const body =
    shown === "html"
      ? `<iframe title="HTML body" sandbox src="/_mail/messages/${esc(m.id)}/html"></iframe>`
      : shown === "text"
        ? `<pre data-testid="mail-text">${esc(m.text ?? "(no plain-text part)")}</pre>`
        : `<pre>${esc(m.raw.toString("utf8"))}</pre>`;
  return `<a class="back" href="/">← All mail</a>
<h2 data-testid="mail-subject">${esc(m.subject || "(no subject)")}</h2>
<dl class="meta">${meta.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join("")}</dl>
${files}<nav class="tabs">${tab("html", "HTML", Boolean(m.html))}${tab("text", "Plain text", true)}${tab("source", "Source", true)}</nav>${body}`;
}

export function renderPage(opts: {
  mail: CaughtMail[];
  selected?: CaughtMail;
  /** True at /m/<id>: on a phone the message replaces the list. */
  reading: boolean;
  view: MailView;
  smtpAddress: string;
}): string {
  const { mail, selected } = opts;
  const latest = mail[0]?.id ?? "";
  const main = mail.length
    ? `<div class="layout"><ul class="list" aria-label="Caught mail">${mail.map((m) => listItem(m, selected?.id)).join("")}</ul>
<section class="detail">${selected ? detail(selected, opts.view) : `<p class="none">That message is gone (deleted, or pushed out by newer mail). <a href="/">All mail</a></p>`}</section></div>`
    : `<div class="empty"><h2>No mail yet</h2>Everything sent to <code>smtp://${esc(opts.smtpAddress)}</code> shows up here. Nothing is delivered to anyone.</div>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${mail.length ? `(${mail.length}) ` : ""}Mail catcher · Vitrine</title><style>${CSS}</style></head>
<body class="${opts.reading ? "reading" : ""}"><header><h1>Vitrine mail catcher</h1>
<p>SMTP on <code>${esc(opts.smtpAddress)}</code> · ${mail.length} message${mail.length === 1 ? "" : "s"} · nothing leaves this machine</p>
${mail.length ? `<form method="post" action="/_mail/clear"><button type="submit">Delete all</button></form>` : ""}</header>
${main}
<script>
// New mail shows up without a manual reload.
(function(){var latest=${JSON.stringify(latest)};setInterval(function(){fetch("/_mail/stats").then(function(r){return r.json()}).then(function(s){if(s.latestId!==latest)location.reload()}).catch(function(){})},2000)})();
</script></body></html>`;
}
