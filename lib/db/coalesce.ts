// Group commit for hot single-row writes (issue #19): callers that arrive while a batch statement
// is in flight wait for it to finish and then go together in the next one. Nothing waits on a
// timer: an idle process sends a lone item at once, a busy one sends one statement for many
// callers. Each caller still gets its own answer, after its row is committed.

type Waiter<I, O> = { item: I; resolve: (out: O) => void; reject: (err: unknown) => void };

/**
 * `runBatch` answers one output per input, in order. When it throws, the batch is retried one item
 * at a time through `runOne`, so a single bad row (or a deadlock with another instance's batch)
 * fails only its own caller.
 */
export function coalesce<I, O>(
  runBatch: (items: I[]) => Promise<O[]>,
  runOne: (item: I) => Promise<O>,
  maxBatch = 100,
): (item: I) => Promise<O> {
  let queue: Waiter<I, O>[] = [];
  let flushing = false;

  async function flush() {
    flushing = true;
    try {
      while (queue.length > 0) {
        const batch = queue.slice(0, maxBatch);
        queue = queue.slice(maxBatch);
        if (batch.length === 1) {
          const [w] = batch as [Waiter<I, O>];
          await runOne(w.item).then(w.resolve, w.reject);
          continue;
        }
        try {
          const outs = await runBatch(batch.map((w) => w.item));
          for (const [i, w] of batch.entries()) w.resolve(outs[i] as O);
        } catch {
          await Promise.all(batch.map((w) => runOne(w.item).then(w.resolve, w.reject)));
        }
      }
    } finally {
      flushing = false;
    }
  }

  return (item) =>
    new Promise<O>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      if (!flushing) void flush();
    });
}
