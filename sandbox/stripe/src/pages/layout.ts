/** Shared shell, styles and helpers for the hosted pages: self-contained HTML, inline CSS, no assets. */
import { formatMoney } from "@/lib/money";

export function esc(value: unknown): string {
  return String(value ?? "").replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );
}

export function money(amount: number, currency: string, locale = "en-US"): string {
  return formatMoney(amount, currency, locale);
}

export function date(ts: number | null | undefined, locale = "en-US"): string {
  if (!ts) return "—";
  return new Intl.DateTimeFormat(locale, { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" }).format(
    new Date(ts * 1000),
  );
}

const CSS = `
*{box-sizing:border-box}
html,body{margin:0;padding:0}
body{font-family:-apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#1a1f36;background:#f6f8fb;font-size:15px;line-height:1.5;-webkit-font-smoothing:antialiased}
a{color:#4f46e5;text-decoration:none}a:hover{text-decoration:underline}
.topbar{display:flex;justify-content:center;padding:14px 16px 0}
.badge-test{display:inline-flex;align-items:center;gap:6px;background:#fff4e5;color:#a04b00;border:1px solid #ffd8a8;border-radius:999px;padding:3px 12px;font-size:12px;font-weight:600;letter-spacing:.01em}
.badge-test:before{content:"";width:7px;height:7px;border-radius:50%;background:#f59f00}
.wrap{max-width:980px;margin:0 auto;padding:24px 20px 48px}
.narrow{max-width:520px}
.card{background:#fff;border-radius:12px;box-shadow:0 1px 3px rgba(26,31,54,.08),0 8px 24px rgba(26,31,54,.06);padding:32px}
.split{display:grid;grid-template-columns:1fr 1fr;gap:0;background:#fff;border-radius:14px;box-shadow:0 1px 3px rgba(26,31,54,.08),0 12px 32px rgba(26,31,54,.08);overflow:hidden}
.split>.summary{background:#fafbfc;border-right:1px solid #eef0f4;padding:40px}
.split>.pay{padding:40px}
@media (max-width:820px){.split{grid-template-columns:1fr}.split>.summary{border-right:0;border-bottom:1px solid #eef0f4;padding:28px}.split>.pay{padding:28px}.card{padding:24px}}
.merchant{display:flex;align-items:center;gap:10px;font-weight:600;color:#3c4257;margin-bottom:28px}
.logo{width:30px;height:30px;border-radius:8px;background:linear-gradient(135deg,#6366f1,#4f46e5);color:#fff;display:flex;align-items:center;justify-content:center;font-weight:700;font-size:14px}
.back{color:#697386;font-size:14px;display:inline-flex;gap:6px;align-items:center;margin-bottom:18px}
.eyebrow{color:#697386;font-size:14px;font-weight:500;margin:0}
.amount{font-size:36px;font-weight:700;letter-spacing:-.02em;margin:4px 0 4px}
.sub{color:#697386;font-size:14px;margin:0}
.items{list-style:none;margin:28px 0 0;padding:0}
.items li{display:flex;justify-content:space-between;gap:16px;padding:12px 0;border-bottom:1px solid #eef0f4}
.items .name{font-weight:600}
.items .qty{color:#697386;font-size:13px}
.total{display:flex;justify-content:space-between;font-weight:700;padding-top:14px}
.line{display:flex;justify-content:space-between;gap:16px;padding:10px 0 0;font-size:14px}
.line.discount .code{display:inline-block;font-size:12px;font-weight:600;letter-spacing:.03em;background:#eef2ff;color:#4338ca;border-radius:6px;padding:1px 8px}
.promo{margin:14px 0 4px}.promo label{margin-bottom:6px}.promo.inline{justify-content:space-between}
h1{font-size:22px;margin:0 0 6px;letter-spacing:-.01em}
h2{font-size:16px;margin:0 0 14px}
label,.label{display:block;font-size:13px;font-weight:600;color:#3c4257;margin:0 0 6px}
.field{margin-bottom:18px}
input[type=text],input[type=email],input[type=url],input[type=tel],select{width:100%;font:inherit;font-size:15px;padding:10px 12px;border:1px solid #d5dbe1;border-radius:8px;background:#fff;color:#1a1f36;outline:none;transition:border-color .15s,box-shadow .15s}
input:focus,select:focus{border-color:#6366f1;box-shadow:0 0 0 3px rgba(99,102,241,.2)}
.cardbox{border:1px solid #d5dbe1;border-radius:8px;overflow:hidden}
.cardbox input{border:0;border-radius:0;box-shadow:none!important}
.cardbox .row{display:grid;grid-template-columns:1fr 1fr;border-top:1px solid #d5dbe1}
.cardbox .row input+input{border-left:1px solid #d5dbe1}
.cardbox:focus-within{border-color:#6366f1;box-shadow:0 0 0 3px rgba(99,102,241,.2)}
.btn{display:inline-flex;justify-content:center;align-items:center;gap:8px;width:100%;font:inherit;font-size:16px;font-weight:600;padding:12px 16px;border-radius:8px;border:0;background:#4f46e5;color:#fff;cursor:pointer;box-shadow:0 1px 2px rgba(0,0,0,.08);transition:background .15s}
.btn:hover{background:#4338ca;text-decoration:none}
.btn.secondary{background:#fff;color:#3c4257;border:1px solid #d5dbe1}
.btn.secondary:hover{background:#f6f8fb}
.btn.danger{background:#fff;color:#c0123c;border:1px solid #f3c1cc}
.btn.danger:hover{background:#fff5f7}
.btn.small{width:auto;font-size:14px;padding:8px 14px}
.btn-row{display:flex;gap:10px;flex-wrap:wrap}
.btn-row .btn{flex:1;min-width:150px;font-size:15px;padding:12px;white-space:nowrap}
.error{background:#fff5f7;border:1px solid #f3c1cc;color:#a61b3c;border-radius:8px;padding:10px 12px;font-size:14px;margin-bottom:16px}
.notice{background:#eef6ff;border:1px solid #c7ddfb;color:#1d4e89;border-radius:8px;padding:10px 12px;font-size:14px;margin-bottom:16px}
.success{background:#ecfdf3;border:1px solid #b7ebc6;color:#146c2e;border-radius:8px;padding:10px 12px;font-size:14px;margin-bottom:16px}
.muted{color:#697386;font-size:13px}
.hint{margin-top:22px;padding-top:16px;border-top:1px dashed #e3e8ee}
.chips{display:flex;flex-wrap:wrap;gap:6px;margin-top:8px}
.chip{font:inherit;font-size:12px;border:1px solid #e3e8ee;background:#f6f8fb;color:#3c4257;border-radius:999px;padding:3px 10px;cursor:pointer}
.chip:hover{background:#eef0f4}
.status{display:inline-block;font-size:12px;font-weight:600;border-radius:6px;padding:2px 8px;background:#eef0f4;color:#3c4257;text-transform:capitalize}
.status.active,.status.paid,.status.succeeded,.status.trialing{background:#e6f6ec;color:#146c2e}
.status.past_due,.status.open,.status.incomplete{background:#fff4e5;color:#a04b00}
.status.canceled,.status.void,.status.uncollectible,.status.failed{background:#fdecef;color:#a61b3c}
table{width:100%;border-collapse:collapse;font-size:14px}
th{text-align:left;font-size:12px;text-transform:uppercase;letter-spacing:.04em;color:#697386;font-weight:600;padding:8px 0;border-bottom:1px solid #eef0f4}
td{padding:10px 0;border-bottom:1px solid #f1f3f6;vertical-align:middle}
td.num,th.num{text-align:right}
.section{margin-top:28px}
.grid2{display:grid;grid-template-columns:1fr 1fr;gap:12px}
@media (max-width:520px){.grid2{grid-template-columns:1fr}}
.kv{display:grid;grid-template-columns:auto 1fr;gap:6px 16px;font-size:14px}
.kv dt{color:#697386}.kv dd{margin:0;font-weight:500}
.center{text-align:center}
.icon-ok{width:56px;height:56px;border-radius:50%;background:#e6f6ec;color:#146c2e;display:flex;align-items:center;justify-content:center;font-size:28px;margin:0 auto 16px}
.icon-warn{width:56px;height:56px;border-radius:50%;background:#fff4e5;color:#a04b00;display:flex;align-items:center;justify-content:center;font-size:28px;margin:0 auto 16px}
.icon-lock{width:56px;height:56px;border-radius:50%;background:#eef2ff;color:#4f46e5;display:flex;align-items:center;justify-content:center;margin:0 auto 16px}
.footer{text-align:center;color:#8792a2;font-size:12px;margin-top:22px}
.plan{border:1px solid #e3e8ee;border-radius:10px;padding:18px;margin-bottom:14px}
.plan-head{display:flex;justify-content:space-between;align-items:flex-start;gap:12px;margin-bottom:10px}
.plan-name{font-weight:700;font-size:16px}
.inline{display:flex;gap:8px;align-items:center;flex-wrap:wrap}
.inline select{width:auto;min-width:200px}
`;

export function shell(title: string, body: string, opts: { script?: string; lang?: string } = {}): string {
  return `<!doctype html>
<html lang="${esc(opts.lang ?? "en")}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${esc(title)}</title>
<style>${CSS}</style>
</head>
<body>
<div class="topbar"><span class="badge-test">Test mode — Vitrine Stripe emulator</span></div>
${body}
<p class="footer">Simulated by the Vitrine Stripe emulator · no real payment is made</p>
${opts.script ? `<script>${opts.script}</script>` : ""}
</body>
</html>`;
}

export function messagePage(
  title: string,
  message: string,
  opts: { kind?: "ok" | "warn"; link?: { href: string; label: string } } = {},
): string {
  const icon = opts.kind === "ok" ? `<div class="icon-ok">✓</div>` : `<div class="icon-warn">!</div>`;
  const link = opts.link
    ? `<p style="margin-top:22px"><a class="btn" href="${esc(opts.link.href)}">${esc(opts.link.label)}</a></p>`
    : "";
  return shell(
    title,
    `<div class="wrap narrow"><div class="card center">${icon}<h1>${esc(title)}</h1><p class="sub">${esc(message)}</p>${link}</div></div>`,
  );
}

export function merchantHeader(name: string): string {
  return `<div class="merchant"><span class="logo">${esc(name.slice(0, 1).toUpperCase() || "V")}</span><span>${esc(name)}</span></div>`;
}
