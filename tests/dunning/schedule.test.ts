// The dunning schedule: what an admin may set (and the 422s for what not), that a change is audited
// and moves every open case onto the new days, and when each step and the downgrade fall due.
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/db";
import { appRequest, noParams, sessionCookie } from "../support/session";
import { sellerWithStore } from "../support/seller";
import { GET as getSchedule, PUT as putSchedule } from "@/app/api/v1/admin/dunning/schedule/route";
import { signUp, SignUpInput } from "@/lib/auth/sign-up";
import { prisma } from "@/lib/db/client";
import {
  DEFAULT_DUNNING_SCHEDULE,
  downgradeDueAt,
  DunningScheduleDays,
  getDunningSchedule,
  nextAction,
  reminderDueAt,
} from "@/lib/dunning/schedule";
import { resetRateLimiters } from "@/lib/rate-limit/limiter";

const DAY = 86_400_000;
const T0 = new Date("2026-03-10T12:00:00Z");
const at = (days: number) => new Date(T0.getTime() + days * DAY);

describe("schedule maths", () => {
  it("puts reminders on the schedule's days and the downgrade a day after the last one", () => {
    const days = [...DEFAULT_DUNNING_SCHEDULE];
    expect(days).toEqual([0, 3, 5, 7]);
    expect([0, 1, 2, 3].map((s) => reminderDueAt(T0, days, s))).toEqual([at(0), at(3), at(5), at(7)]);
    expect(downgradeDueAt(T0, days)).toEqual(at(8));
    expect(nextAction(T0, days, -1)).toEqual({ kind: "reminder", step: 0, at: at(0) });
    expect(nextAction(T0, days, 2)).toEqual({ kind: "reminder", step: 3, at: at(7) });
    expect(nextAction(T0, days, 3)).toEqual({ kind: "downgrade", at: at(8) });
  });

  it("never downgrades sooner than a day after the last reminder actually went out", () => {
    // The last reminder went out late (day 7.5): Free on day 8.5, not day 8.
    expect(nextAction(T0, [0, 3, 5, 7], 3, at(7.5))).toEqual({ kind: "downgrade", at: at(8.5) });
    // A schedule shortened under a case that already sent more reminders: a day of notice from the change.
    expect(nextAction(T0, [0, 1], 2, at(6))).toEqual({ kind: "downgrade", at: at(7) });
  });

  it.each([
    [[0, 3, 5, 7], true],
    [[2], true],
    [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], true],
    [[], false],
    [[0, 3, 3], false],
    [[5, 3], false],
    [[-1, 2], false],
    [[0, 1.5], false],
    [[0, 61], false],
    [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], false],
    [["0", "3"], false],
  ])("accepts %j: %s", (days, ok) => {
    expect(DunningScheduleDays.safeParse(days).success).toBe(ok);
  });
});

describe("admin schedule route", () => {
  useTestDatabase();

  async function admin() {
    const { user } = await signUp(
      SignUpInput.parse({
        name: "Admin",
        email: `admin-${Date.now()}-${Math.random().toString(36).slice(2)}@example.com`,
        password: "correct-horse-9",
        storeName: "Admin store",
      }),
      { ip: "203.0.113.9", userAgent: "vitest", requestId: "req_test_sched" },
    );
    await prisma.user.update({ where: { id: user.id }, data: { role: "ADMIN" } });
    return { user, cookie: await sessionCookie(user.id) };
  }

  const put = (cookie: string, body: unknown) =>
    putSchedule(appRequest("/api/v1/admin/dunning/schedule", { method: "PUT", body, headers: { cookie } }), noParams);

  it("answers the default, refuses bad schedules with 422 and writes nothing, saves a good one audited and moves open cases", async () => {
    resetRateLimiters();
    const { user, cookie } = await admin();
    const first = await getSchedule(appRequest("/api/v1/admin/dunning/schedule", { headers: { cookie } }), noParams);
    expect(first.status).toBe(200);
    expect((await first.json()).schedule).toMatchObject({ days: [0, 3, 5, 7], graceDays: 1, isDefault: true });

    for (const bad of [
      { days: [3, 1] },
      { days: [] },
      { days: [0, -2] },
      { days: [0, 2.5] },
      { days: "0,3" },
      { days: [0], extra: 1 },
    ]) {
      const res = await put(cookie, bad);
      expect(res.status, JSON.stringify(bad)).toBe(422);
      expect((await res.json()).error.code).toBe("validation_failed");
    }
    const tooMany = await put(cookie, { days: Array.from({ length: 11 }, (_, i) => i) });
    expect(tooMany.status).toBe(422);
    expect(await prisma.platformSetting.count()).toBe(0);

    // An open case that has sent its first reminder (day 0), started two days ago.
    const seller = await sellerWithStore({ tag: "sched" });
    const started = new Date(Date.now() - 2 * DAY);
    const open = await prisma.dunningCase.create({
      data: {
        storeId: seller.store.id,
        stripeInvoiceId: "in_sched_test",
        amountDue: 4900,
        currency: "BRL",
        startedAt: started,
        step: 0,
        nextStepAt: new Date(started.getTime() + 3 * DAY),
      },
    });

    const ok = await put(cookie, { days: [0, 1, 4] });
    expect(ok.status).toBe(200);
    expect((await ok.json()).schedule).toMatchObject({ days: [0, 1, 4], isDefault: false });
    expect(await getDunningSchedule()).toMatchObject({ days: [0, 1, 4], updatedById: user.id });
    // Its next reminder is now on day 1 (already due), not day 3.
    const moved = await prisma.dunningCase.findUniqueOrThrow({ where: { id: open.id } });
    expect(moved.nextStepAt).toEqual(new Date(started.getTime() + DAY));

    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: "dunning.schedule_updated" } });
    expect(audit).toMatchObject({ actorId: user.id, before: { days: [0, 3, 5, 7] }, after: { days: [0, 1, 4] } });
  });

  it("is for admins only", async () => {
    resetRateLimiters();
    const before = await getDunningSchedule();
    const seller = await sellerWithStore({ tag: "sched-seller" });
    const cookie = await sessionCookie(seller.user.id);
    const res = await put(cookie, { days: [0, 1] });
    expect(res.status).toBe(403);
    const anonymous = await putSchedule(
      appRequest("/api/v1/admin/dunning/schedule", { method: "PUT", body: { days: [0, 1] } }),
      noParams,
    );
    expect(anonymous.status).toBe(401);
    expect((await getDunningSchedule()).days).toEqual(before.days);
  });
});
