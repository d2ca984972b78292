// Compares the build a page was rendered by with the one now serving /api/ping.

const CHECK_EVERY_MS = 3 * 60_000;
// A submit waits at most this long for the check; a slow or failed check lets the form go as before.
const SUBMIT_CHECK_TIMEOUT_MS = 2_000;
// A build confirmed this recently is trusted: a form filled in quickly is not held for a round trip (a slow link pays it).
const CONFIRMED_FRESH_MS = 60_000;

/** The build now serving the portal, or null when /api/ping cannot tell (offline, slow, an error page). */
async function fetchRunningBuildId(timeoutMs?: number): Promise<string | null> {
  try {
    const response = await fetch("/api/ping", { cache: "no-store", signal: timeoutMs ? AbortSignal.timeout(timeoutMs) : undefined });
    const body: unknown = response.ok ? await response.json() : null;
    return body && typeof body === "object" && "buildId" in body && typeof body.buildId === "string" ? body.buildId : null;
  } catch {
    return null;
  }
}

/**
 * Checks when the tab is shown again, when the network returns, every few minutes while visible, and before a
 * form submit unless the build was confirmed within the last minute: a submit is held for the check, then let
 * through, or stopped for good once the build differs.
 * `onStale(stoppedSubmit)` says whether a submit was just stopped. Returns the function that stops watching.
 */
export function watchBuild(buildId: string, onStale: (stoppedSubmit: boolean) => void): () => void {
  let stale = false;
  // The page was rendered by `buildId` just now.
  let confirmedAt = Date.now();
  const held = new WeakSet<HTMLFormElement>();
  const released = new WeakSet<HTMLFormElement>();
  const settle = (running: string | null, stoppedSubmit: boolean) => {
    if (running === buildId) confirmedAt = Date.now();
    if (running === null || running === buildId) return false;
    stale = true;
    onStale(stoppedSubmit);
    return true;
  };
  const check = async () => {
    if (!stale) settle(await fetchRunningBuildId(), false);
  };

  function onSubmit(event: SubmitEvent) {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || released.has(form)) return;
    if (!stale && Date.now() - confirmedAt < CONFIRMED_FRESH_MS) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    if (stale) return onStale(true);
    if (held.has(form)) return;
    held.add(form);
    const submitter = event.submitter && form.contains(event.submitter) ? event.submitter : undefined;
    void fetchRunningBuildId(SUBMIT_CHECK_TIMEOUT_MS).then((running) => {
      held.delete(form);
      if (stale || settle(running, true)) return;
      released.add(form);
      try {
        form.requestSubmit(submitter);
      } finally {
        released.delete(form);
      }
    });
  }
  const onVisible = () => document.visibilityState === "visible" && void check();
  const onOnline = () => void check();
  const timer = setInterval(onVisible, CHECK_EVERY_MS);
  window.addEventListener("submit", onSubmit, true);
  document.addEventListener("visibilitychange", onVisible);
  window.addEventListener("online", onOnline);
  return () => {
    clearInterval(timer);
    window.removeEventListener("submit", onSubmit, true);
    document.removeEventListener("visibilitychange", onVisible);
    window.removeEventListener("online", onOnline);
  };
}
