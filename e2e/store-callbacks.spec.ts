import { expect, test } from "@playwright/test";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { shot, signUpViaUi, uniqueEmail, useLocale } from "./support/helpers";

type Received = { headers: IncomingHttpHeaders; body: string };

/** The seller's store server: answers 200 and keeps every signed POST it gets. */
async function startStore() {
  const received: Received[] = [];
  const answer = { status: 200 };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res
        .writeHead(answer.status, { "content-type": "text/plain" })
        .end(answer.status === 200 ? "ok, stored" : "endpoint removed");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/payments/events/`,
    received,
    answer,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

const webhookHeaders = (h: IncomingHttpHeaders) => ({
  "webhook-id": String(h["webhook-id"]),
  "webhook-timestamp": String(h["webhook-timestamp"]),
  "webhook-signature": String(h["webhook-signature"]),
});

test("a seller adds a callback endpoint, sends a signed test event and redelivers it", async ({ page }) => {
  const store = await startStore();
  try {
    await useLocale(page, "en");
    await signUpViaUi(page, { name: "Bruno Lima", email: uniqueEmail("callbacks"), storeName: "Bruno Bikes" });
    await page.goto("/dashboard/callbacks");
    await expect(page.getByText("No callback endpoint yet")).toBeVisible();
    await shot(page, "callbacks-01-empty");

    await page.getByRole("button", { name: "Add endpoint" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Endpoint URL").fill("http://10.0.0.5/hooks");
    await dialog.getByRole("button", { name: "Add endpoint" }).click();
    await expect(dialog.getByText(/public http\(s\) addresses/)).toBeVisible();
    await dialog.getByLabel("Endpoint URL").fill(store.url);
    await dialog.getByRole("button", { name: "Add endpoint" }).click();

    const secretBlock = page.getByTestId("callback-secret");
    await expect(secretBlock).toBeVisible();
    const secret = (await secretBlock.locator("code").textContent())!.trim();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    await shot(page, "callbacks-02-secret");
    await page.getByRole("button", { name: "I saved it" }).click();
    await expect(page.getByTestId("endpoint-url")).toHaveText(store.url);
    await expect(page.getByTestId("secret-prefix")).toHaveText(`${secret.slice(0, 12)}…`);
    await expect(page.getByText(secret)).toHaveCount(0);

    await page.getByRole("button", { name: "Send test event" }).click();
    await expect.poll(() => store.received.length, { timeout: 30_000 }).toBe(1);
    const first = store.received[0]!;
    const event = new Webhook(secret).verify(first.body, webhookHeaders(first.headers)) as {
      id: string;
      type: string;
      data: { test: boolean };
    };
    expect(event).toMatchObject({ type: "payment.succeeded", data: { test: true } });
    expect(first.headers["x-payments-signature"]).toMatch(/^sha256=[0-9a-f]{64}$/);

    await expect(page.getByTestId("delivery-status").first()).toHaveText("Delivered", { timeout: 15_000 });
    await expect(page.getByTestId("delivery-event-id").first()).toHaveText(event.id);
    await expect(page.getByRole("cell", { name: "ok, stored" })).toBeVisible();
    await page.reload();
    await expect(page.getByText("Last success")).toBeVisible();
    await shot(page, "callbacks-03-delivered-1280");

    await page.getByRole("button", { name: "Redeliver" }).first().click();
    await expect.poll(() => store.received.length, { timeout: 30_000 }).toBe(2);
    const second = store.received[1]!;
    expect(second.headers["webhook-id"]).toBe(event.id);
    expect(new Webhook(secret).verify(second.body, webhookHeaders(second.headers))).toMatchObject({ id: event.id });
    await expect(page.getByRole("row").filter({ hasText: event.id }).getByRole("cell").nth(2)).toHaveText("2", {
      timeout: 15_000,
    });

    await page.getByRole("button", { name: "Rotate secret" }).click();
    await expect(page.getByRole("dialog").getByText(/signed with both the old and the new secret/)).toBeVisible();
    await shot(page, "callbacks-04-rotate-confirm");
    await page.getByRole("dialog").getByRole("button", { name: "Rotate", exact: true }).click();
    const rotated = (await page.getByTestId("callback-secret").locator("code").textContent())!.trim();
    expect(rotated).not.toBe(secret);
    await page.getByRole("button", { name: "I saved it" }).click();
    await expect(page.getByText(/Old secret still signs until/)).toBeVisible();

    // The store removes its endpoint (410 Gone): Vitrine stops sending and says so, until re-enabled.
    store.answer.status = 410;
    await page.getByRole("button", { name: "Send test event" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "410 Gone" })).toBeVisible({ timeout: 15_000 });
    await expect(page.getByText("Stopped", { exact: true })).toBeVisible();
    await shot(page, "callbacks-05-gone-1280");
    store.answer.status = 200;
    await page.getByRole("button", { name: "Re-enable" }).click();
    await expect(page.getByText("Active", { exact: true })).toBeVisible();

    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, "callbacks-06-phone");
    await useLocale(page, "pt-BR");
    await page.goto("/dashboard/callbacks");
    await expect(page.getByRole("heading", { name: "Callbacks da loja" })).toBeVisible();
    await expect(
      page.getByTestId("delivery-item").filter({ hasText: event.id }).getByTestId("delivery-status"),
    ).toHaveText("Entregue");
    await expect(page.getByTestId("delivery-item").first().getByTestId("delivery-status")).toHaveText("Falhou");
    await shot(page, "callbacks-07-phone-pt");
  } finally {
    await store.close();
  }
});

test("the delivery log shows the newest 50 and pages to older deliveries with Load more", async ({ page }) => {
  const store = await startStore();
  try {
    await useLocale(page, "en");
    await signUpViaUi(page, { name: "Carla Dias", email: uniqueEmail("callbacks-pages"), storeName: "Carla Café" });
    await page.goto("/dashboard/callbacks");
    await page.getByRole("button", { name: "Add endpoint" }).click();
    await page.getByRole("dialog").getByLabel("Endpoint URL").fill(store.url);
    await page.getByRole("dialog").getByRole("button", { name: "Add endpoint" }).click();
    await page.getByRole("button", { name: "I saved it" }).click();
    // 53 test events through the API the page itself calls (same session, same origin).
    const sent = await page.evaluate(async () => {
      const { data } = (await (await fetch("/api/v1/callbacks/endpoints")).json()) as { data: Array<{ id: string }> };
      let ok = 0;
      for (let i = 0; i < 53; i++) {
        const res = await fetch("/api/v1/callbacks/test", {
          method: "POST",
          headers: { "content-type": "application/json", "idempotency-key": `pages-${i}-${Date.now()}` },
          body: JSON.stringify({ endpointId: data[0]!.id }),
        });
        if (res.ok) ok++;
      }
      return ok;
    });
    expect(sent).toBe(53);
    await expect.poll(() => store.received.length, { timeout: 60_000 }).toBe(53);

    await page.reload();
    const rows = page.locator("table tbody tr");
    await expect(rows).toHaveCount(50);
    const more = page.getByTestId("delivery-log-more");
    await expect(more).toHaveText("Load more");
    await more.scrollIntoViewIfNeeded();
    await shot(page, "callbacks-08-load-more-1280");
    await more.click();
    await expect(rows).toHaveCount(53);
    await expect(more).toHaveCount(0);
    const ids = await page.locator("table").getByTestId("delivery-event-id").allTextContents();
    expect(new Set(ids).size).toBe(ids.length);

    await page.setViewportSize({ width: 390, height: 844 });
    await useLocale(page, "pt-BR");
    await page.goto("/dashboard/callbacks");
    await expect(page.getByTestId("delivery-item")).toHaveCount(50);
    await page.getByTestId("delivery-log-more").scrollIntoViewIfNeeded();
    await expect(page.getByTestId("delivery-log-more")).toHaveText("Carregar mais");
    await shot(page, "callbacks-09-load-more-phone-pt");
    await page.getByTestId("delivery-log-more").click();
    await expect(page.getByTestId("delivery-item")).toHaveCount(53);
  } finally {
    await store.close();
  }
});
