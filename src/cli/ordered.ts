/**
 * Runs `work` over a sequence with at most `window` items started and not yet emitted, and emits
 * results strictly in input order. The window bounds memory (a stream of any length holds at most
 * `window` documents) and gives backpressure: a slow `emit` (a full pipe) stops new work.
 */
export async function runOrdered<T, R>(
  items: AsyncIterable<T> | Iterable<T>,
  window: number,
  work: (item: T, index: number) => Promise<R>,
  emit: (result: R, item: T, index: number) => Promise<void> | void,
  stopped: () => boolean,
): Promise<void> {
  const pending: { item: T; index: number; result: Promise<R> }[] = [];
  let index = 0;
  const flushOne = async (): Promise<void> => {
    const head = pending.shift();
    if (!head) return;
    const result = await head.result;
    if (!stopped()) await emit(result, head.item, head.index);
  };
  for await (const item of items) {
    if (stopped()) break;
    pending.push({ item, index, result: work(item, index) });
    index += 1;
    while (pending.length >= window) await flushOne();
  }
  while (pending.length > 0) await flushOne();
}
