import { describe, expect, it } from "vitest";
import { coalesce } from "./coalesce";

const tick = () => new Promise((r) => setTimeout(r, 5));

describe("coalesce", () => {
  it("sends a lone call at once and groups the calls that arrive while a batch is in flight", async () => {
    const batches: number[][] = [];
    const run = coalesce(
      async (items: number[]) => {
        batches.push(items);
        await tick();
        return items.map((n) => n * 10);
      },
      async (n: number) => {
        batches.push([n]);
        await tick();
        return n * 10;
      },
    );
    const answers = await Promise.all([1, 2, 3, 4, 5].map(run));
    expect(answers).toEqual([10, 20, 30, 40, 50]);
    expect(batches).toEqual([[1], [2, 3, 4, 5]]);
    expect(await run(6)).toBe(60);
  });

  it("retries a failed batch item by item, so only the bad item's caller fails", async () => {
    const run = coalesce(
      async (items: number[]) => {
        await tick();
        if (items.includes(13)) throw new Error("batch refused");
        return items;
      },
      async (n: number) => {
        await tick();
        if (n === 13) throw new Error("thirteen");
        return n;
      },
    );
    const results = await Promise.allSettled([1, 2, 13, 4].map(run));
    expect(results.map((r) => (r.status === "fulfilled" ? r.value : (r.reason as Error).message))).toEqual([
      1,
      2,
      "thirteen",
      4,
    ]);
  });

  it("caps a batch at maxBatch items", async () => {
    const sizes: number[] = [];
    const run = coalesce(
      async (items: number[]) => {
        sizes.push(items.length);
        await tick();
        return items;
      },
      async (n: number) => {
        sizes.push(1);
        await tick();
        return n;
      },
      3,
    );
    await Promise.all(Array.from({ length: 8 }, (_, i) => run(i)));
    expect(sizes).toEqual([1, 3, 3, 1]);
  });
});
