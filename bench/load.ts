// autocannon runs that classify every response, so a fast stream of errors cannot pass for throughput.
import autocannon, { type AutocannonResult } from "autocannon";
import { cpuMeter, type CpuSpent } from "./cpu-meter";
import { headerValue } from "./http-client";

export type LoadSpec = {
  baseUrl: string;
  /** The server process, to account its CPU time. */
  serverPid: number;
  path: string;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
  /** One body per connection, in turn (connection i sends bodies[i % length]); replaces `body`. */
  bodies?: string[];
  connections: number;
  /** Seconds. */
  duration: number;
  /** Decides whether a response is the expected one, from its status and Location header. */
  isSuccess: (status: number, location: string | undefined) => boolean;
  /** A response header to tally every response by (e.g. the instance a proxy names); see LoadResult.byHeader. */
  countHeader?: string;
};

export type LoadResult = {
  /** Expected responses per second over the measured duration. */
  successPerSecond: number;
  successes: number;
  /** Responses that were not the expected ones, by status (and Location when there is one). */
  failures: Map<string, number>;
  failureCount: number;
  /** Socket errors and timeouts reported by autocannon. */
  transportErrors: number;
  p50: number;
  p99: number;
  /** Every response by its value of spec.countHeader ("" when absent); empty without countHeader. */
  byHeader: Map<string, number>;
  cpu: CpuSpent;
  raw: AutocannonResult;
};

/** A load run in progress (see startLoad). */
export type RunningLoad = {
  /** Ends the run early (autocannon stops at its next one-second tick) and resolves with its result. */
  stop: () => Promise<LoadResult>;
  /** Resolves when the run ends by itself after spec.duration seconds. */
  done: Promise<LoadResult>;
};

/** Starts a load run in the background of this process (for measuring something else while it runs). */
export function startLoad(spec: LoadSpec): RunningLoad {
  let successes = 0;
  const failures = new Map<string, number>();
  const byHeader = new Map<string, number>();
  const countHeader = spec.countHeader?.toLowerCase();
  const stopMeter = cpuMeter(spec.serverPid);
  let clients = 0;
  const bodies = spec.bodies;
  const instance = autocannon({
    url: spec.baseUrl,
    connections: spec.connections,
    duration: spec.duration,
    timeout: 10,
    ...(bodies?.length ? { setupClient: (client) => client.setBody(bodies[clients++ % bodies.length]) } : {}),
    requests: [
      {
        method: spec.method ?? "GET",
        path: spec.path,
        headers: spec.headers,
        body: spec.body,
        onResponse: (status, _body, _context, headers) => {
          const location = headerValue(headers, "location");
          if (countHeader) {
            const value = headerValue(headers, countHeader) ?? "";
            byHeader.set(value, (byHeader.get(value) ?? 0) + 1);
          }
          if (spec.isSuccess(status, location)) successes++;
          else {
            const key = location ? `${status} → ${location}` : String(status);
            failures.set(key, (failures.get(key) ?? 0) + 1);
          }
        },
      },
    ],
  });
  const done = Promise.resolve(instance).then((raw): LoadResult => {
    const cpu = stopMeter();
    const failureCount = [...failures.values()].reduce((a, b) => a + b, 0);
    return {
      successPerSecond: successes / raw.duration,
      successes,
      failures,
      failureCount,
      transportErrors: raw.errors + raw.timeouts,
      p50: raw.latency.p50,
      p99: raw.latency.p99,
      byHeader,
      cpu,
      raw,
    };
  });
  return {
    stop: () => {
      instance.stop();
      return done;
    },
    done,
  };
}

export function runLoad(spec: LoadSpec): Promise<LoadResult> {
  return startLoad(spec).done;
}

/** One-line description of what went wrong in a load run, for the problems list. */
export function describeFailures(label: string, result: Pick<LoadResult, "successes" | "failures" | "failureCount" | "transportErrors">): string {
  const kinds = [...result.failures.entries()].slice(0, 5).map(([key, count]) => `${count}× ${key}`);
  if (result.transportErrors) kinds.push(`${result.transportErrors} socket errors/timeouts`);
  return `${label}: ${result.successes} expected responses, ${result.failureCount + result.transportErrors} others (${kinds.join("; ")})`;
}

/** Where the CPU went during a load run, per expected response, for the notes under the table. */
export function describeCpu(label: string, result: Pick<LoadResult, "successes" | "cpu">): string {
  const { serverMs, benchMs, othersMs, machineBusy } = result.cpu;
  const per = (ms: number) => (result.successes ? (ms / result.successes).toFixed(1) : "n/a");
  return (
    `${label}: CPU per expected response — server ${per(serverMs)} ms, load generator ${per(benchMs)} ms, ` +
    `other processes ${per(othersMs)} ms; machine ${(machineBusy * 100).toFixed(0)} % busy.`
  );
}
