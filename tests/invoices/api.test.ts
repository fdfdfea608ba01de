// The invoices API through the real route handlers: tenant scoping (another store's invoice is a
// 404, for the JSON and the PDF), the issuer filter, keyset pages, API key or session, issuing and
// voiding a store invoice with clear 4xx answers, and the tax identity settings.
import { PDFParse } from "pdf-parse";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/db";
import { systemCtx } from "../support/seller";
import { callRoute, pixSeller, type PixSeller } from "../pix/support";
import { GET as listRoute, POST as createRoute } from "@/app/api/v1/invoices/route";
import { GET as getRoute } from "@/app/api/v1/invoices/[id]/route";
import { GET as pdfRoute } from "@/app/api/v1/invoices/[id]/pdf/route";
import { POST as voidRoute } from "@/app/api/v1/invoices/[id]/void/route";
import { GET as getTaxRoute, PUT as putTaxRoute } from "@/app/api/v1/store/tax-identity/route";
import { prisma } from "@/lib/db/client";
import { issueInvoice } from "@/lib/invoices/issue";
import { platformParty, storeParty } from "@/lib/invoices/parties";
import { issuedStoreInvoice } from "./support";

const newInvoice = {
  customer: { name: "Maria da Silva", email: "maria@example.com", taxIdType: "cpf", taxId: "529.982.247-25" },
  lines: [
    { description: "Aula de violão (4 encontros)", quantity: 4, unitAmount: 8000 },
    { description: "Apostila", unitAmount: 2500 },
  ],
  dueInDays: 5,
};

describe("invoices API", () => {
  useTestDatabase();
  let a: PixSeller;
  let b: PixSeller;
  const aInvoices: string[] = [];
  let bInvoice: string;

  beforeAll(async () => {
    process.env.RATE_LIMIT_API_KEY = "100000/minute";
    a = await pixSeller("inv-a");
    b = await pixSeller("inv-b");
    for (let i = 0; i < 5; i++) aInvoices.push((await issuedStoreInvoice(a.store.id, {}, "paid")).id);
    const platform = await issueInvoice(
      {
        issuer: "PLATFORM",
        storeId: a.store.id,
        sourceType: "plan",
        sourceId: `in_api_${a.store.id}`,
        currency: "BRL",
        lines: [{ description: "Vitrine Pro", quantity: 1, unitAmount: 14900 }],
        issuerDetails: platformParty(),
        customerDetails: await storeParty(prisma, a.store.id),
      },
      { status: "paid", paidAt: new Date() },
      systemCtx,
    );
    aInvoices.push(platform.invoice.id);
    bInvoice = (await issuedStoreInvoice(b.store.id)).id;
  });

  it("lists only the store's own invoices, both issuers, filterable, in keyset pages", async () => {
    const all = await callRoute(listRoute, { apiKey: a.apiKey, path: "/api/v1/invoices" });
    expect(all.status).toBe(200);
    expect(all.json.data.map((i: { id: string }) => i.id).sort()).toEqual([...aInvoices].sort());
    expect(all.json.data.some((i: { id: string }) => i.id === bInvoice)).toBe(false);

    const platform = await callRoute(listRoute, { apiKey: a.apiKey, path: "/api/v1/invoices?issuer=platform" });
    expect(platform.json.data).toHaveLength(1);
    expect(platform.json.data[0]).toMatchObject({ issuer: "platform", total: 14900, currency: "BRL" });
    expect(platform.json.data[0].number).toMatch(/^VIT-\d{4}-\d{6}$/);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof callRoute>> = await callRoute(listRoute, {
        apiKey: a.apiKey,
        path: `/api/v1/invoices?limit=2${cursor ? `&cursor=${cursor}` : ""}`,
      });
      expect(page.json.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.json.data.map((i: { id: string }) => i.id));
      cursor = page.json.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(aInvoices.length);
    expect(new Set(seen).size).toBe(aInvoices.length);

    const bad = await callRoute(listRoute, { apiKey: a.apiKey, path: "/api/v1/invoices?issuer=everyone" });
    expect(bad.status).toBe(422);
    expect(bad.json.error.code).toBe("validation_failed");
  });

  it("another store's invoice is a 404 — JSON and PDF; its own PDF downloads with the number as filename", async () => {
    const theirs = await callRoute(getRoute, { apiKey: a.apiKey, params: { id: bInvoice } });
    expect(theirs.status).toBe(404);
    expect(theirs.json.error.code).toBe("not_found");
    const theirPdf = await callRoute(pdfRoute, { apiKey: a.apiKey, params: { id: bInvoice } });
    expect(theirPdf.status).toBe(404);

    const mine = await callRoute(getRoute, { cookie: a.cookie, params: { id: aInvoices[0]! } });
    expect(mine.status).toBe(200);
    expect(mine.json.invoice).toMatchObject({ id: aInvoices[0], status: "paid", lines: [{ amount: 10000 }] });

    const { NextRequest } = await import("next/server");
    const res = await pdfRoute(
      new NextRequest(new URL(`/api/v1/invoices/${aInvoices[0]}/pdf?locale=en`, "http://localhost:3000"), {
        headers: { authorization: `Bearer ${a.apiKey}` },
      }),
      { params: Promise.resolve({ id: aInvoices[0]! }) },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    const number = mine.json.invoice.number as string;
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="${number}.pdf"`);
    const { text } = await new PDFParse({ data: new Uint8Array(await res.arrayBuffer()) }).getText();
    expect(text).toContain(number);
    expect(text).toContain("PAID");

    const anonymous = await callRoute(listRoute, { path: "/api/v1/invoices" });
    expect(anonymous.status).toBe(401);
  });

  it("issues an open invoice to a buyer: validated, idempotent under a key, voidable", async () => {
    const badCpf = await callRoute(createRoute, {
      apiKey: a.apiKey,
      body: { ...newInvoice, customer: { ...newInvoice.customer, taxId: "529.982.247-24" } },
    });
    expect(badCpf.status).toBe(422);
    expect(badCpf.json.error).toMatchObject({ code: "validation_failed", param: "customer.taxId" });
    const fractional = await callRoute(createRoute, {
      apiKey: a.apiKey,
      body: { ...newInvoice, lines: [{ description: "x", unitAmount: 10.5 }] },
    });
    expect(fractional.status).toBe(422);
    const before = await prisma.invoice.count({ where: { storeId: a.store.id } });
    expect(before).toBe(aInvoices.length);

    const created = await callRoute(createRoute, {
      apiKey: a.apiKey,
      body: newInvoice,
      headers: { "idempotency-key": "aula-123" },
    });
    expect(created.status).toBe(201);
    expect(created.json.invoice).toMatchObject({
      status: "open",
      issuer: "store",
      subtotal: 34500,
      total: 34500,
      amountDue: 34500,
      customer: { name: "Maria da Silva", taxId: "52998224725", taxIdType: "cpf" },
    });
    const again = await callRoute(createRoute, {
      apiKey: a.apiKey,
      body: newInvoice,
      headers: { "idempotency-key": "aula-123" },
    });
    expect(again.status).toBe(200);
    expect(again.json.invoice.id).toBe(created.json.invoice.id);
    const other = await callRoute(createRoute, {
      apiKey: a.apiKey,
      body: { ...newInvoice, dueInDays: 1, lines: [{ description: "Outra", unitAmount: 100 }] },
      headers: { "idempotency-key": "aula-123" },
    });
    expect(other.status).toBe(409);
    expect(other.json.error.code).toBe("idempotency_conflict");

    const voided = await callRoute(voidRoute, { apiKey: a.apiKey, params: { id: created.json.invoice.id } });
    expect(voided.status).toBe(200);
    expect(voided.json.invoice).toMatchObject({ status: "void", amountDue: 0 });
    const receipt = await callRoute(voidRoute, { apiKey: a.apiKey, params: { id: aInvoices[0]! } });
    expect(receipt.status).toBe(409);
    const foreign = await callRoute(voidRoute, { apiKey: a.apiKey, params: { id: bInvoice } });
    expect(foreign.status).toBe(404);
  });

  it("tax identity: check digits refused with a 422 and nothing saved; a valid CNPJ saved, audited masked", async () => {
    const bad = await callRoute(putTaxRoute, {
      method: "PUT",
      cookie: a.cookie,
      body: { legalName: "Loja A Ltda.", taxIdType: "cnpj", taxId: "11.222.333/0001-82" },
      headers: { origin: "http://localhost:3000" },
    });
    expect(bad.status).toBe(422);
    expect(bad.json.error.param).toBe("taxId");
    expect((await prisma.store.findUniqueOrThrow({ where: { id: a.store.id } })).legalName).toBeNull();

    const ok = await callRoute(putTaxRoute, {
      method: "PUT",
      cookie: a.cookie,
      body: {
        legalName: "Loja A Ltda.",
        taxIdType: "cnpj",
        taxId: "11.222.333/0001-81",
        address: { line1: "Rua A, 1", city: "Recife", state: "PE", postalCode: "50000-000", country: "br" },
      },
      headers: { origin: "http://localhost:3000" },
    });
    expect(ok.status).toBe(200);
    expect(ok.json.taxIdentity).toMatchObject({
      legalName: "Loja A Ltda.",
      taxId: "11222333000181",
      taxIdType: "cnpj",
      address: { city: "Recife", country: "BR" },
    });
    const read = await callRoute(getTaxRoute, { cookie: a.cookie });
    expect(read.json.taxIdentity.taxId).toBe("11222333000181");
    const audit = await prisma.auditLog.findFirstOrThrow({
      where: { storeId: a.store.id, action: "store.tax_identity_updated" },
    });
    expect(JSON.stringify(audit.after)).not.toContain("11222333000181");
    expect(audit.after).toMatchObject({ taxId: "**.222.333/0001-**" });

    // New documents print it; documents issued before keep their snapshot.
    const fresh = await issuedStoreInvoice(a.store.id);
    expect(fresh.issuerDetails).toMatchObject({ legalName: "Loja A Ltda.", taxId: "11222333000181" });
    const old = await prisma.invoice.findUniqueOrThrow({ where: { id: aInvoices[0]! } });
    expect(old.issuerDetails).toMatchObject({ legalName: null, taxId: null });

    const anonymous = await callRoute(putTaxRoute, { method: "PUT", body: { legalName: "x" } });
    expect(anonymous.status).toBe(401);
  });
});
