import type { DownloadResult, Measurements } from "./connection-verdict";

const PINGS = 5;
// A ping that takes longer than this counts as lost; a 2G round trip is well under it.
const PING_TIMEOUT_MS = 5_000;
// The download is cut off here so a very slow link still gets its verdict ("too slow to finish").
export const DOWNLOAD_TIMEOUT_MS = 8_000;
const TEST_COOKIE = "qn-cookie-check";

type Ping = { rttMs: number; clockOffsetMs: number };

async function ping(): Promise<Ping | null> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), PING_TIMEOUT_MS);
  try {
    const sentAt = Date.now();
    const start = performance.now();
    const response = await fetch("/api/ping", { cache: "no-store", signal: controller.signal });
    if (!response.ok) return null;
    const { serverTime } = (await response.json()) as { serverTime: number };
    const rttMs = performance.now() - start;
    // The server read its clock about halfway through the round trip.
    return { rttMs, clockOffsetMs: serverTime - (sentAt + rttMs / 2) };
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}

async function download(): Promise<DownloadResult | null> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), DOWNLOAD_TIMEOUT_MS);
  const start = performance.now();
  let bytes = 0;
  try {
    const response = await fetch("/api/ping/download", { cache: "no-store", signal: controller.signal });
    if (!response.ok || !response.body) return null;
    const reader = response.body.getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) bytes += chunk.value.byteLength;
    return { bytes, ms: performance.now() - start, finished: true };
  } catch {
    return controller.signal.aborted ? { bytes, ms: performance.now() - start, finished: false } : null;
  } finally {
    clearTimeout(timer);
  }
}

function cookiesWork(): boolean {
  if (!navigator.cookieEnabled) return false;
  document.cookie = `${TEST_COOKIE}=1; path=/; max-age=10; SameSite=Lax`;
  const works = document.cookie.split("; ").includes(`${TEST_COOKIE}=1`);
  document.cookie = `${TEST_COOKIE}=; path=/; max-age=0; SameSite=Lax`;
  return works;
}

/** One run of the check from this browser: pings one after another (so they do not queue behind each other), then the download. */
export async function measureConnection(openIncidents: number): Promise<Measurements> {
  const pings: (Ping | null)[] = [];
  for (let i = 0; i < PINGS; i++) pings.push(await ping());
  const answered = pings.filter((p): p is Ping => p !== null);
  const fastest = answered.reduce<Ping | null>((best, p) => (best === null || p.rttMs < best.rttMs ? p : best), null);
  return {
    online: navigator.onLine,
    pings: pings.map((p) => (p ? Math.round(p.rttMs) : null)),
    download: answered.length > 0 ? await download() : null,
    clockOffsetMs: fastest ? Math.round(fastest.clockOffsetMs) : null,
    cookies: cookiesWork(),
    openIncidents,
  };
}
