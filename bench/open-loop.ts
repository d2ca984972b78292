// An open-loop load: requests leave on a fixed schedule whatever the server does (an attacker does not wait for
// answers), each from one of several simulated client addresses. Used for "a genuine user while an attack runs".
import http from "node:http";
import { cpuMeter, type CpuSpent } from "./cpu-meter";

export type OpenLoopSpec = {
  baseUrl: string;
  serverPid: number;
  path: string;
  headers: Record<string, string>;
  body: string;
  /** Requests per second, kept whatever the server's latency. */
  rate: number;
  /** Simulated client addresses, sent as X-Forwarded-For (the server trusts one proxy hop in the bench). */
  addresses: string[];
  isExpected: (status: number, location: string | undefined) => boolean;
};

export type OpenLoopResult = {
  sent: number;
  expected: number;
  /** Responses that were not the expected ones, and transport errors, by kind. */
  others: Map<string, number>;
  /** Requests sent per second over the run, and answered per second. */
  sentPerSecond: number;
  answeredPerSecond: number;
  /** Requests still unanswered when the run was stopped. */
  unanswered: number;
  seconds: number;
  cpu: CpuSpent;
};

const TICK_MS = 5;

/** Starts the schedule; stop() ends it and waits (up to 5 s) for the answers still due. */
export function startOpenLoop(spec: OpenLoopSpec): { stop: () => Promise<OpenLoopResult> } {
  const url = new URL(spec.path, spec.baseUrl);
  // Enough sockets that a slow server makes requests pile up at the server, not in this process.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const stopMeter = cpuMeter(spec.serverPid);
  const started = performance.now();
  const others = new Map<string, number>();
  // settled = answered + failed in transport.
  let [sent, expected, answered, settled] = [0, 0, 0, 0];
  const count = (key: string) => others.set(key, (others.get(key) ?? 0) + 1);

  const send = () => {
    const address = spec.addresses[sent % spec.addresses.length];
    sent++;
    const req = http.request(url, { method: "POST", agent, headers: { ...spec.headers, "x-forwarded-for": address, "content-length": Buffer.byteLength(spec.body) } }, (res) => {
      res.resume();
      res.on("end", () => {
        answered++;
        settled++;
        const location = res.headers.location;
        if (spec.isExpected(res.statusCode ?? 0, location)) expected++;
        else count(location ? `${res.statusCode} → ${location}` : String(res.statusCode));
      });
    });
    req.on("error", (error) => {
      settled++;
      count(`transport: ${error.message}`);
    });
    req.end(spec.body);
  };

  const timer = setInterval(() => {
    const due = Math.floor(((performance.now() - started) / 1000) * spec.rate);
    while (sent < due) send();
  }, TICK_MS);

  return {
    stop: async () => {
      clearInterval(timer);
      const seconds = (performance.now() - started) / 1000;
      const deadline = performance.now() + 5000;
      while (settled < sent && performance.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const cpu = stopMeter();
      agent.destroy();
      return { sent, expected, others, sentPerSecond: sent / seconds, answeredPerSecond: answered / seconds, unanswered: sent - answered, seconds, cpu };
    },
  };
}
