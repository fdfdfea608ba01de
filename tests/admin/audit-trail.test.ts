// The admin's audit trail reads as sentences in both languages, with the diff (secrets hidden),
// and filters by actor (email), store, action domain and day; pages are keyset and gap-free.
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/db";
import { sellerWithStore } from "../support/seller";
import { appendAudit } from "@/lib/audit/log";
import { listAuditPage, parseAuditFilter } from "@/lib/admin/audit-query";
import { auditDiff, auditSentence } from "@/lib/admin/audit-sentences";
import { prisma } from "@/lib/db/client";

describe("audit trail as sentences", () => {
  useTestDatabase();
  let ana: Awaited<ReturnType<typeof sellerWithStore>>;
  let bia: Awaited<ReturnType<typeof sellerWithStore>>;

  beforeAll(async () => {
    ana = await sellerWithStore({ tag: "audit-ana" });
    bia = await sellerWithStore({ tag: "audit-bia" });
    await prisma.$transaction(async (tx) => {
      for (let i = 0; i < 7; i++)
        await appendAudit(
          tx,
          { actor: { type: "user", id: ana.user.id } },
          {
            storeId: ana.store.id,
            action: "api_key.created",
            target: { type: "api_key", id: `key_${i}` },
            after: { name: `key ${i}` },
          },
        );
      await appendAudit(
        tx,
        { actor: { type: "user", id: ana.user.id } },
        {
          storeId: ana.store.id,
          action: "store.settings_updated",
          target: { type: "store", id: ana.store.id },
          before: { name: "Old name", currency: "BRL" },
          after: { name: "New name", currency: "BRL" },
        },
      );
      await appendAudit(
        tx,
        { actor: { type: "stripe" } },
        {
          storeId: bia.store.id,
          action: "order.refunded",
          target: { type: "order", id: "ord_bia_1" },
        },
      );
      await appendAudit(
        tx,
        { actor: { type: "system", id: "dunning" } },
        {
          storeId: bia.store.id,
          action: "order.something_new",
          target: { type: "order", id: "ord_bia_2" },
        },
      );
    });
  });

  it("words who did what to which object, in English and Portuguese", async () => {
    const page = await listAuditPage({ store: bia.store.id });
    const [unknown, refunded] = page.entries;
    expect(auditSentence(refunded!, "en", page.users)).toEqual({ actor: "Stripe", phrase: "refunded order ord_bia_1" });
    expect(auditSentence(refunded!, "pt-BR", page.users)).toEqual({
      actor: "A Stripe",
      phrase: "reembolsou o pedido ord_bia_1",
    });
    // An action nobody worded yet still reads, naming the action.
    expect(auditSentence(unknown!, "en", page.users).phrase).toBe("recorded “order something new” on order ord_bia_2");
    expect(auditSentence(unknown!, "en", page.users).actor).toBe("Vitrine (dunning)");
    const mine = await listAuditPage({ action: "store.settings_updated", store: ana.store.id });
    const sentence = auditSentence(mine.entries[0]!, "en", mine.users);
    expect(sentence.actor).toBe(`${ana.user.name} (${ana.user.email})`);
    expect(sentence.phrase).toBe(`updated the settings of store ${ana.store.name}`);
    expect(auditDiff(mine.entries[0]!.before, mine.entries[0]!.after)).toEqual([
      { field: "name", before: "Old name", after: "New name" },
    ]);
  });

  it("never shows a secret in a diff, only that it changed", () => {
    expect(auditDiff({ signingSecret: "whsec_old" }, { signingSecret: "whsec_new", url: "https://a" })).toEqual([
      { field: "signingSecret", before: "••••", after: "••••" },
      { field: "url", before: "—", after: "https://a" },
    ]);
  });

  it("filters by actor email, store, action domain and day, and pages without gaps", async () => {
    const byEmail = await listAuditPage({ actor: ana.user.email });
    expect(byEmail.entries.length).toBeGreaterThanOrEqual(8);
    expect(byEmail.entries.every((e) => e.actorId === ana.user.id)).toBe(true);
    expect((await listAuditPage({ actor: "nobody@example.com" })).entries).toEqual([]);
    const domain = await listAuditPage({ action: "order.", store: bia.store.id });
    expect(domain.entries.map((e) => e.action).sort()).toEqual(["order.refunded", "order.something_new"]);
    const today = new Date().toISOString().slice(0, 10);
    expect(
      (await listAuditPage({ store: ana.store.id, from: today, to: today })).entries.length,
    ).toBeGreaterThanOrEqual(8);
    expect((await listAuditPage({ store: ana.store.id, to: "2000-01-01" })).entries).toEqual([]);

    const seen: string[] = [];
    let before: string | undefined;
    for (let i = 0; i < 10; i++) {
      const page = await listAuditPage({ store: ana.store.id, action: "api_key.created", before }, 3);
      seen.push(...page.entries.map((e) => e.targetId!));
      if (!page.nextBefore) break;
      before = page.nextBefore;
    }
    expect(seen).toEqual(["key_6", "key_5", "key_4", "key_3", "key_2", "key_1", "key_0"]);
  });

  it("drops a malformed filter instead of failing the page", () => {
    expect(parseAuditFilter({ action: "DROP TABLE", from: "yesterday", store: "st_1", before: ["12", "x"] })).toEqual({
      store: "st_1",
      before: "12",
    });
  });
});
