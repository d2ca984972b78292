// The physical ceiling for sign-ins: argon2id verifies per second with every core busy, measured in this process.
import { verify } from "@node-rs/argon2";
import { hashPassword } from "../lib/password/argon2";
import { median } from "./stats";
import type { Argon2Reference, Row } from "./types";

const IN_FLIGHT = 8;
const DURATION_MS = 5000;
const SINGLE_SAMPLES = 40;
const SINGLE_BUDGET_MS = 3000;
const PASSWORD = "Qianneng#2026";

/** Keeps IN_FLIGHT verifies running for DURATION_MS: completed verifies per second and CPU ms per verify. */
async function parallelRate(hash: string): Promise<{ perSecond: number; cpuMs: number }> {
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const deadline = started + DURATION_MS;
  let completed = 0;
  const worker = async () => {
    while (performance.now() < deadline) {
      if (!(await verify(hash, PASSWORD))) throw new Error("argon2 verify returned false for the right password");
      completed++;
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  const cpu = process.cpuUsage(cpuBefore);
  return { perSecond: completed / ((performance.now() - started) / 1000), cpuMs: (cpu.user + cpu.system) / 1000 / completed };
}

/** Median latency of one verify alone (bounded by count and time). */
async function singleLatency(hash: string): Promise<number> {
  const samples: number[] = [];
  const deadline = performance.now() + SINGLE_BUDGET_MS;
  while (samples.length < SINGLE_SAMPLES && performance.now() < deadline) {
    const started = performance.now();
    await verify(hash, PASSWORD);
    samples.push(performance.now() - started);
  }
  return median(samples);
}

export async function measureArgon2(log: (message: string) => void): Promise<Argon2Reference> {
  const hash = await hashPassword(PASSWORD);
  await singleLatency(hash); // warm-up: thread pool started, code paged in
  const singleVerifyMs = await singleLatency(hash);
  log(`argon2id: ${IN_FLIGHT} verifies in flight for ${DURATION_MS / 1000} s …`);
  const { perSecond, cpuMs } = await parallelRate(hash);
  log(`argon2id: ${perSecond.toFixed(1)} verifies/s, one verify ${singleVerifyMs.toFixed(1)} ms (${cpuMs.toFixed(1)} ms CPU)`);
  return { verifiesPerSecond: perSecond, singleVerifyMs, cpuMsPerVerify: cpuMs };
}

export function argon2Rows(reference: Argon2Reference): Row[] {
  return [
    { metric: `argon2id verifies/s (m=19 MiB, t=2, p=1; ${IN_FLIGHT} in flight, ${DURATION_MS / 1000} s, server idle)`, value: `${reference.verifiesPerSecond.toFixed(1)}/s`, target: "— (the ceiling)", met: null },
    { metric: "argon2id one verify: latency alone (median) / CPU time", value: `${reference.singleVerifyMs.toFixed(1)} / ${reference.cpuMsPerVerify.toFixed(1)} ms`, target: "—", met: null },
  ];
}

/** The same parallel measurement once the server is gone: how far the machine drifted during the run. */
export async function measureArgon2Drift(before: Argon2Reference, log: (message: string) => void): Promise<Row> {
  const { perSecond } = await parallelRate(await hashPassword(PASSWORD));
  const change = perSecond / before.verifiesPerSecond - 1;
  log(`argon2id after the load tests: ${perSecond.toFixed(1)} verifies/s`);
  return {
    metric: "argon2id verifies/s again after the load tests (drift check, server stopped)",
    value: `${perSecond.toFixed(1)}/s (${change >= 0 ? "+" : ""}${(change * 100).toFixed(0)} %)`,
    target: "—",
    met: null,
  };
}
