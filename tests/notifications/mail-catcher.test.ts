// The demo's mail catcher (sandbox/mail): real SMTP on loopback, the page and the JSON API.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMailCatcher, type RunningMailCatcher } from "@/sandbox/mail";

const quiet = () => undefined;

async function send(
  catcher: RunningMailCatcher,
  mail: Parameters<ReturnType<typeof nodemailer.createTransport>["sendMail"]>[0],
) {
  const transport = nodemailer.createTransport(catcher.smtpUrl);
  try {
    return await transport.sendMail({ from: "Vitrine <no-reply@vitrine.local>", ...mail });
  } finally {
    transport.close();
  }
}

describe("mail catcher", () => {
  let catcher: RunningMailCatcher;
  const dir = mkdtempSync(path.join(tmpdir(), "vitrine-catcher-"));
  const file = path.join(dir, "mail.jsonl");

  beforeAll(async () => {
    catcher = await startMailCatcher({ smtpPort: 0, httpPort: 0, file, log: quiet });
  });
  afterAll(async () => {
    await catcher?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("keeps a message with its HTML, text and attachment, and serves each over HTTP", async () => {
    const pdf = Buffer.from("%PDF-1.4\n% test invoice\n");
    await send(catcher, {
      to: "Ana <ana@example.com>",
      subject: "Fatura 0001 da Vitrine",
      text: "Olá, sua fatura chegou.",
      html: "<p>Olá, <b>sua fatura</b> chegou.</p><script>parent.stolen = 1</script>",
      attachments: [{ filename: "fatura-0001.pdf", content: pdf, contentType: "application/pdf" }],
    });
    const mail = await catcher.waitFor((m) => m.subject === "Fatura 0001 da Vitrine");
    expect(mail.to).toEqual(["Ana <ana@example.com>"]);
    expect(mail.envelope.to).toEqual(["ana@example.com"]);

    const list = await (await fetch(`${catcher.url}/_mail/messages?to=ana@example.com`)).json();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id: mail.id, subject: "Fatura 0001 da Vitrine" });
    expect(list[0].attachments).toEqual([
      { filename: "fatura-0001.pdf", contentType: "application/pdf", size: pdf.length },
    ]);

    const full = await (await fetch(`${catcher.url}/_mail/messages/${mail.id}`)).json();
    expect(full.text.trim()).toBe("Olá, sua fatura chegou.");
    expect(full.html).toContain("<b>sua fatura</b>");

    const file0 = await fetch(`${catcher.url}${full.attachments[0].url}`);
    expect(file0.headers.get("content-type")).toBe("application/pdf");
    expect(file0.headers.get("content-disposition")).toContain('filename="fatura-0001.pdf"');
    expect(Buffer.from(await file0.arrayBuffer())).toEqual(pdf);

    // The message's own HTML runs no script: it is served under a sandboxing CSP, in a sandboxed iframe.
    const html = await fetch(`${catcher.url}/_mail/messages/${mail.id}/html`);
    expect(html.headers.get("content-security-policy")).toMatch(/^sandbox;.*default-src 'none'/);
    const page = await (await fetch(`${catcher.url}/m/${mail.id}`)).text();
    expect(page).toContain("Fatura 0001 da Vitrine");
    expect(page).toContain(`<iframe title="HTML body" sandbox src="/_mail/messages/${mail.id}/html">`);
    expect(page).not.toContain("parent.stolen");
    expect(page).toContain("fatura-0001.pdf");
  });

  it("escapes what a sender wrote on the page", async () => {
    await send(catcher, { to: "x@example.com", subject: '<img src=x onerror="alert(1)">', text: "x" });
    const page = await (await fetch(`${catcher.url}/`)).text();
    expect(page).not.toContain("<img src=x");
    expect(page).toContain("&#60;img src=x");
  });

  it("refuses recipients while told to fail (4xx or 5xx), then accepts again", async () => {
    catcher.failWith({ code: 451, message: "Try again later" });
    await expect(send(catcher, { to: "later@example.com", subject: "no", text: "x" })).rejects.toMatchObject({
      responseCode: 451,
    });
    catcher.failWith(null);
    await send(catcher, { to: "later@example.com", subject: "yes", text: "x" });
    expect(
      catcher
        .messages()
        .filter((m) => m.to.includes("later@example.com"))
        .map((m) => m.subject),
    ).toEqual(["yes"]);
  });

  it("keeps mail across a restart through its file, and DELETE empties it", async () => {
    const before = catcher.messages().length;
    expect(before).toBeGreaterThan(0);
    await catcher.close();
    catcher = await startMailCatcher({ smtpPort: 0, httpPort: 0, file, log: quiet });
    expect(catcher.messages().map((m) => m.subject)).toContain("Fatura 0001 da Vitrine");
    expect(catcher.messages()).toHaveLength(before);
    const res = await fetch(`${catcher.url}/_mail/messages`, { method: "DELETE" });
    expect(await res.json()).toEqual({ deleted: before });
    expect(await (await fetch(`${catcher.url}/_mail/messages`)).json()).toEqual([]);
    expect(await (await fetch(`${catcher.url}/`)).text()).toContain("No mail yet");
  });

  it("listens on loopback only", async () => {
    await expect(startMailCatcher({ host: "0.0.0.0", smtpPort: 0, httpPort: 0, log: quiet })).rejects.toThrow(
      /loopback/,
    );
  });
});
