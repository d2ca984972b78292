// The server's peak resident memory over the whole run (VmHWM), read last.
import { statusKiB } from "../proc-info";
import type { BenchContext, Scenario, ScenarioResult } from "../types";

async function run(context: BenchContext): Promise<ScenarioResult> {
  const peak = statusKiB(context.serverPid, "VmHWM");
  const now = statusKiB(context.serverPid, "VmRSS");
  const mib = (kib: number | undefined) => (kib === undefined ? "n/a" : `${(kib / 1024).toFixed(0)} MiB`);
  return {
    rows: [{ metric: "Server peak RSS (VmHWM, whole run)", value: `${mib(peak)} (now ${mib(now)})`, target: "—", met: null }],
    notes: [`Memory is that of the server process: ${context.serverPidNote}.`],
    problems: peak === undefined ? [`could not read /proc/${context.serverPid}/status`] : [],
  };
}

export const serverMemory: Scenario = { name: "server memory", run };
