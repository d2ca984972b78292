// A closed-loop load for flows of several requests (autocannon repeats one): each connection starts its next
// attempt when the last one ends, until the duration is over; attempts under way then still finish and count.
import { cpuMeter, type CpuSpent } from "./cpu-meter";
import { percentile } from "./stats";

export type Attempt = { outcome: string; ms: number };

export type ClosedLoopSpec = {
  /** The server process, to account its CPU time. */
  serverPid: number;
  connections: number;
  /** Seconds during which new attempts start. */
  duration: number;
  /** One complete flow for connection `index`; `outcome` is `success` when it went as expected. */
  attempt: (index: number) => Promise<Attempt>;
  success: string;
};

export type ClosedLoopResult = {
  successPerSecond: number;
  successes: number;
  /** Attempts that ended otherwise, by outcome; those that threw (socket errors, timeouts) as `error: <message>`. */
  failures: Map<string, number>;
  failureCount: number;
  /** Seconds from the start to the end of the last attempt. */
  elapsedS: number;
  p50: number;
  p99: number;
  cpu: CpuSpent;
};

export async function runClosedLoop(spec: ClosedLoopSpec): Promise<ClosedLoopResult> {
  const failures = new Map<string, number>();
  const latencies: number[] = [];
  let successes = 0;
  const fail = (outcome: string) => failures.set(outcome, (failures.get(outcome) ?? 0) + 1);
  const stopMeter = cpuMeter(spec.serverPid);
  const started = performance.now();
  const end = started + spec.duration * 1000;
  const connection = async (index: number) => {
    while (performance.now() < end) {
      try {
        const { outcome, ms } = await spec.attempt(index);
        latencies.push(ms);
        if (outcome === spec.success) successes++;
        else fail(outcome);
      } catch (error) {
        fail(`error: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: spec.connections }, (_, i) => connection(i)));
  const elapsedS = (performance.now() - started) / 1000;
  const cpu = stopMeter();
  const failureCount = [...failures.values()].reduce((a, b) => a + b, 0);
  return { successPerSecond: successes / elapsedS, successes, failures, failureCount, elapsedS, p50: percentile(latencies, 50), p99: percentile(latencies, 99), cpu };
}
