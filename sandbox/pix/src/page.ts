import { formatReais } from "@/lib/pix/money";
import { MED_GATEWAYS } from "./actions";
import type { SimulatorState } from "./state";

const esc = (s: unknown) => String(s ?? "").replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const CSS = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;background:#f6f7f9;color:#1c2430}
header{background:#0f766e;color:#fff;padding:14px 24px}header h1{margin:0;font-size:18px}header p{margin:2px 0 0;opacity:.85}
main{padding:20px 24px}table{width:100%;border-collapse:collapse;background:#fff;border:1px solid #e3e6ea;border-radius:8px;overflow:hidden}
th,td{padding:8px 10px;text-align:left;border-bottom:1px solid #eef0f3;white-space:nowrap}th{background:#fafbfc;font-weight:600;font-size:12px;text-transform:uppercase;color:#5b6675}
td.mono{font-family:ui-monospace,Menlo,monospace;font-size:12px;max-width:220px;overflow:hidden;text-overflow:ellipsis}
.badge{display:inline-block;padding:2px 8px;border-radius:999px;font-size:12px;font-weight:600}
.pending{background:#fff7e0;color:#8a5a00}.paid{background:#e3f6ea;color:#146c2e}.expired{background:#f1f2f4;color:#5b6675}.refunded{background:#e8eefc;color:#2446a8}.med{background:#fde8e8;color:#9b1c1c}
form{display:inline}button{font:inherit;border:1px solid #c9ced6;background:#fff;border-radius:6px;padding:4px 10px;cursor:pointer;margin-right:4px}
button:hover{background:#f0f2f5}button.pay{border-color:#0f766e;color:#0f766e}.empty{padding:40px;text-align:center;color:#5b6675;background:#fff;border:1px dashed #c9ced6;border-radius:8px}
`;

export function renderPage(state: SimulatorState, baseUrl: string): string {
  const charges = state.list().sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  const rows = charges
    .map((c) => {
      const last = [...state.deliveries].reverse().find((d) => d.gateway === c.gateway && d.chargeId === c.id);
      const action = (verb: string, label: string, enabled: boolean) =>
        enabled
          ? `<form method="post" action="/_sim/charges/${esc(c.gateway)}/${encodeURIComponent(c.id)}/${verb}"><button class="${verb}">${label}</button></form>`
          : "";
      return `<tr><td>${esc(c.gateway)}</td><td class="mono" title="${esc(c.id)}">${esc(c.id)}</td><td class="mono" title="${esc(c.reference)}">${esc(c.reference ?? "—")}</td>
<td>${esc(formatReais(c.amountCentavos))}</td><td><span class="badge ${c.state}">${c.state}</span>${c.med ? ` <span class="badge med">MED ${esc(c.med.status)}</span>` : ""}</td>
<td>${last ? esc(last.status ?? `error: ${last.error}`) : "—"}</td><td>${esc(c.createdAt.toISOString().slice(11, 19))}</td>
<td>${action("pay", "Pay", c.state === "pending" || c.state === "expired")}${action("expire", "Expire", c.state === "pending")}${action("refund", "Refund", c.state === "paid")}${action("med", "Open MED", c.state === "paid" && (MED_GATEWAYS as readonly string[]).includes(c.gateway) && c.med?.status !== "opened")}${action("med-refund", "MED: refund", c.med?.status === "opened")}${action("med-reject", "MED: reject", c.med?.status === "opened")}</td></tr>`;
    })
    .join("\n");
  const table = charges.length
    ? `<table><thead><tr><th>Gateway</th><th>Id</th><th>Reference</th><th>Amount</th><th>State</th><th>Last webhook</th><th>Created (UTC)</th><th></th></tr></thead><tbody>${rows}</tbody></table>`
    : `<div class="empty">No charges yet. Create one through any gateway path (e.g. POST ${esc(baseUrl)}/pushinpay/pix/cashIn).</div>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>PIX simulator</title><style>${CSS}</style></head><body><header><h1>Vitrine PIX simulator</h1>
<p>SyncPay · PushinPay · Paradise · WiinPay · Átomo Pay · BCB API Pix — local stand-ins, nothing leaves this machine.</p></header>
<main>${table}</main></body></html>`;
}
