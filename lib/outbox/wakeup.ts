import "server-only";
/** An interruptible sleep: the worker waits between rounds, and a nudge or stop() cuts the wait short. */
export type Wakeup = {
  sleep: (ms: number) => Promise<void>;
  /** Ends the current (or next) sleep after `ms`; repeated calls before then coalesce. */
  soon: (ms: number) => void;
  now: () => void;
};

export function createWakeup(): Wakeup {
  let wake: (() => void) | undefined;
  let pending = false;
  let soonTimer: NodeJS.Timeout | undefined;

  const fire = () => {
    clearTimeout(soonTimer);
    soonTimer = undefined;
    // A nudge that arrives mid-round must not be lost: the next sleep returns at once.
    if (wake) wake();
    else pending = true;
  };

  return {
    sleep: (ms) =>
      new Promise<void>((resolve) => {
        if (pending) {
          pending = false;
          resolve();
          return;
        }
        const timer = setTimeout(done, ms);
        timer.unref();
        function done() {
          clearTimeout(timer);
          wake = undefined;
          resolve();
        }
        wake = done;
      }),
    soon: (ms) => {
      if (soonTimer) return;
      soonTimer = setTimeout(fire, ms);
      soonTimer.unref();
    },
    now: fire,
  };
}
