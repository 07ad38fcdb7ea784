// Waiting for runners (projectors, process managers) to reach a position: resolves true once `done()` holds,
// re-checked each time a waiter is notified, or false after the timeout.
export function waitUntil(
  done: () => boolean,
  waiters: Set<() => void>,
  wakeUp: () => void,
  timeoutMs: number,
): Promise<boolean> {
  if (done()) return Promise.resolve(true);
  return new Promise<boolean>((resolve) => {
    const check = () => {
      if (!done()) return;
      cleanup();
      resolve(true);
    };
    const timer = setTimeout(() => {
      cleanup();
      resolve(false);
    }, timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      waiters.delete(check);
    };
    waiters.add(check);
    wakeUp();
  });
}
