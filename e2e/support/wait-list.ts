/** Messages a test sink has received, and a way to wait for one that has not arrived yet. */
export type WaitList<T> = {
  items: T[];
  push: (item: T) => void;
  waitFor: (predicate: (item: T) => boolean, timeoutMs?: number) => Promise<T>;
};

export function createWaitList<T>(describe: (item: T) => string): WaitList<T> {
  const items: T[] = [];
  const waiters = new Set<(item: T) => void>();
  return {
    items,
    push(item) {
      items.push(item);
      for (const waiter of [...waiters]) waiter(item);
    },
    waitFor(predicate, timeoutMs = 10_000) {
      const found = items.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise<T>((resolve, reject) => {
        const waiter = (item: T) => {
          if (!predicate(item)) return;
          clearTimeout(timer);
          waiters.delete(waiter);
          resolve(item);
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          const seen = items.map(describe).join("; ") || "nothing";
          reject(new Error(`No matching message within ${timeoutMs} ms; received: ${seen}`));
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
  };
}
