/** Where the connection check draws its lines; one place, so the page and its tests agree. */
export const CONNECTION_LIMITS = {
  // A sign-in makes several requests in a row: at 600 ms each it already feels stuck and forms may time out.
  slowMedianMs: 600,
  // Below 50 KB/s the sign-in page's scripts take several seconds, about what a weak 3G link gives.
  slowKBps: 50,
  // Answers arriving in fits and starts: the middle half of the samples spread over more than this.
  unstableSpreadMs: 300,
  // Authenticator codes are accepted one 30-second step either side; beyond that they fail.
  clockSkewMs: 30_000,
} as const;

export type DownloadResult = { bytes: number; ms: number; finished: boolean };

/** What the browser measured. A ping or download that failed outright is null. */
export type Measurements = {
  online: boolean;
  pings: (number | null)[];
  download: DownloadResult | null;
  /** The server's clock minus the device's, from the fastest ping; null when no ping answered. */
  clockOffsetMs: number | null;
  cookies: boolean;
  openIncidents: number;
};

/** In the order the page names them: the first is the verdict, the rest are "also". */
export type Problem = "offline" | "service" | "clock" | "cookies" | "slow" | "unstable";
export type Advice = "dataOn" | "switchNetwork" | "move" | "vpn" | "later" | "status" | "clock" | "cookies";

export type Verdict = {
  problems: Problem[];
  advice: Advice[];
  medianMs: number | null;
  spreadMs: number | null;
  answered: number;
  kbps: number | null;
};

const ADVICE: Record<Problem, Advice[]> = {
  offline: ["dataOn", "switchNetwork", "move", "later"],
  service: ["status", "later"],
  clock: ["clock"],
  cookies: ["cookies"],
  slow: ["switchNetwork", "move", "vpn", "later"],
  unstable: ["switchNetwork", "move", "vpn"],
};

function median(sorted: number[]): number {
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Interquartile range (nearest rank): one slow sample in five, say the first on a cold link, does not move it. */
function spread(sorted: number[]): number {
  const last = sorted.length - 1;
  return sorted[Math.ceil((3 * last) / 4)] - sorted[Math.floor(last / 4)];
}

/** Reads the measurements as a person would want them told: what is wrong, most telling first, and what to try. */
export function judgeConnection(m: Measurements): Verdict {
  const answeredPings = m.pings.filter((p): p is number => p !== null).sort((a, b) => a - b);
  const answered = answeredPings.length;
  const medianMs = answered > 0 ? median(answeredPings) : null;
  const spreadMs = answered > 0 ? spread(answeredPings) : null;
  const kbps = m.download && m.download.ms > 0 ? m.download.bytes / 1024 / (m.download.ms / 1000) : null;
  const offline = !m.online || answered === 0;

  const found: Record<Problem, boolean> = {
    offline,
    service: m.openIncidents > 0,
    clock: !offline && m.clockOffsetMs !== null && Math.abs(m.clockOffsetMs) > CONNECTION_LIMITS.clockSkewMs,
    cookies: !m.cookies,
    slow:
      !offline &&
      ((medianMs ?? 0) > CONNECTION_LIMITS.slowMedianMs ||
        (m.download !== null && (!m.download.finished || (kbps ?? 0) < CONNECTION_LIMITS.slowKBps))),
    unstable: !offline && (answered < m.pings.length || (spreadMs ?? 0) > CONNECTION_LIMITS.unstableSpreadMs || m.download === null),
  };
  const problems = (Object.keys(ADVICE) as Problem[]).filter((p) => found[p]);
  const advice = [...new Set(problems.flatMap((p) => ADVICE[p]))];
  return { problems, advice, medianMs, spreadMs, answered, kbps };
}
