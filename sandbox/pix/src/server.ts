import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import QRCode from "qrcode";
import { expire, openMed, pay, refund, resolveMed, sendNotification, SimActionError } from "./actions";
import { getSim, isSimGateway } from "./gateways";
import type { SimContext } from "./gateways/types";
import { parseBody, readRaw, sendJson, type SimRequest } from "./http";
import { renderPage } from "./page";
import type { SimulatorState } from "./state";

export type ServerConfig = {
  state: SimulatorState;
  webhookTimeoutMs: number;
  baseUrl: () => string;
  log: (line: string) => void;
};

export type SimServer = { server: Server; ctx: SimContext; flush(): Promise<void> };

export function createSimulatorServer(cfg: ServerConfig): SimServer {
  const inflight = new Set<Promise<unknown>>();
  const ctx: SimContext = {
    state: cfg.state,
    qrDataUrl: (text) => QRCode.toDataURL(text, { errorCorrectionLevel: "M", margin: 2, width: 256 }),
    notify(charge) {
      const p = sendNotification(ctx, charge, cfg.webhookTimeoutMs).finally(() => inflight.delete(p));
      inflight.add(p);
    },
  };

  async function control(req: SimRequest, res: ServerResponse, segments: string[]): Promise<void> {
    const fromPage = req.contentType.includes("application/x-www-form-urlencoded");
    if (req.method === "GET" && segments[0] === "charges") return sendJson(res, 200, cfg.state.list());
    if (req.method === "GET" && segments[0] === "deliveries") return sendJson(res, 200, cfg.state.deliveries);
    if (req.method === "GET" && segments[0] === "reads")
      return sendJson(res, 200, { reads: cfg.state.statusReads, blocked: [...cfg.state.blocked] });
    if (req.method === "POST" && segments[0] === "advance") {
      cfg.state.clockOffsetMs += Math.max(0, Number(req.body.ms) || 0);
      return sendJson(res, 200, { clockOffsetMs: cfg.state.clockOffsetMs });
    }
    if (req.method === "POST" && segments[0] === "unblock") {
      cfg.state.blocked.clear();
      for (const g of Object.keys(cfg.state.rateStrikes) as Array<keyof typeof cfg.state.rateStrikes>)
        cfg.state.rateStrikes[g] = 0;
      return sendJson(res, 200, { ok: true });
    }
    if (req.method === "POST" && segments[0] === "reset") {
      cfg.state.reset();
      return sendJson(res, 200, { ok: true });
    }
    const [kind, gateway, id, verb] = segments;
    if (req.method !== "POST" || kind !== "charges" || !gateway || !id || !verb)
      return sendJson(res, 404, { error: "unknown control route" });
    try {
      const amount = req.body.amountCentavos !== undefined ? Number(req.body.amountCentavos) : undefined;
      const key = decodeURIComponent(id);
      const natureza = typeof req.body.natureza === "string" ? req.body.natureza : undefined;
      const medActions = {
        med: () => openMed(ctx, gateway, key, cfg.webhookTimeoutMs, natureza),
        "med-refund": () => resolveMed(ctx, gateway, key, cfg.webhookTimeoutMs, "refunded"),
        "med-reject": () => resolveMed(ctx, gateway, key, cfg.webhookTimeoutMs, "rejected"),
      };
      const run = { pay, expire, refund }[verb as "pay" | "expire" | "refund"];
      const medRun = Object.hasOwn(medActions, verb) ? medActions[verb as keyof typeof medActions] : undefined;
      if (!run && !medRun) return sendJson(res, 404, { error: `unknown action ${verb}` });
      const result = medRun ? await medRun() : await run!(ctx, gateway, key, cfg.webhookTimeoutMs, amount);
      cfg.log(
        `[pix-simulator] ${verb} ${gateway} ${result.charge.id} → ${result.charge.state}${result.delivery ? ` (webhook ${result.delivery.status ?? result.delivery.error})` : ""}`,
      );
      if (fromPage) {
        res.writeHead(303, { location: "/" }).end();
        return;
      }
      sendJson(res, 200, result);
    } catch (err) {
      if (err instanceof SimActionError) return sendJson(res, 409, { error: err.message });
      throw err;
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://simulator");
    const rawBody = await readRaw(req);
    const contentType = String(req.headers["content-type"] ?? "").toLowerCase();
    const [prefix, ...rest] = url.pathname.split("/").filter(Boolean);
    const simReq: SimRequest = {
      method: req.method ?? "GET",
      path: `/${rest.join("/")}`,
      query: url.searchParams,
      headers: req.headers,
      contentType,
      rawBody,
      body: parseBody(rawBody, contentType),
    };
    if (!prefix && simReq.method === "GET") {
      const html = renderPage(cfg.state, cfg.baseUrl());
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(html);
      return;
    }
    if (prefix === "_sim") return control(simReq, res, rest);
    if (prefix && isSimGateway(prefix)) {
      if (cfg.state.outages.has(prefix)) return sendJson(res, 503, { message: "Serviço temporariamente indisponível" });
      if (await getSim(prefix).handle(simReq, res, ctx)) return;
    }
    sendJson(res, 404, { message: "Not found" });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      cfg.log(`[pix-simulator] error: ${err instanceof Error ? err.stack : String(err)}`);
      if (!res.headersSent) sendJson(res, 500, { message: "simulator error" });
      else res.end();
    });
  });
  return {
    server,
    ctx,
    async flush() {
      while (inflight.size) await Promise.allSettled([...inflight]);
    },
  };
}
