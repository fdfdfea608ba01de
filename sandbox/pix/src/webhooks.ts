import type { Delivery, SimCharge, SimulatorState } from "./state";

export type Notification = { url: string; format: "json" | "form"; body: Record<string, unknown> };

/** Flattens `{a:{b:1}, l:[{c:2}]}` to `a[b]=1&l[0][c]=2`, as PHP-style form posts do. */
export function toForm(body: Record<string, unknown>, prefix = ""): URLSearchParams {
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(body)) {
    const key = prefix ? `${prefix}[${k}]` : k;
    if (v === null || v === undefined) continue;
    if (typeof v === "object") for (const [nk, nv] of toForm(v as Record<string, unknown>, key)) out.append(nk, nv);
    else out.append(key, String(v));
  }
  return out;
}

export async function deliver(
  state: SimulatorState,
  charge: SimCharge,
  n: Notification,
  timeoutMs: number,
): Promise<Delivery> {
  const contentType = n.format === "json" ? "application/json" : "application/x-www-form-urlencoded";
  const body = n.format === "json" ? JSON.stringify(n.body) : toForm(n.body).toString();
  const delivery: Delivery = {
    gateway: charge.gateway,
    chargeId: charge.id,
    url: n.url,
    contentType,
    body,
    status: null,
    at: new Date(),
  };
  try {
    const res = await fetch(n.url, {
      method: "POST",
      headers: { "content-type": contentType, "user-agent": `vitrine-pix-simulator/${charge.gateway}` },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    delivery.status = res.status;
    await res.arrayBuffer().catch(() => undefined);
  } catch (err) {
    delivery.error = err instanceof Error ? err.message : String(err);
  }
  state.deliveries.push(delivery);
  return delivery;
}
