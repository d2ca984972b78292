// Peak resident memory of every server process over the whole run (VmHWM), read last.
import { processTree, statusKiB } from "../proc-info";
import type { BenchContext, Scenario, ScenarioResult } from "../types";

/** Target: each server process stays within 250 MB at its peak under the sign-in load. */
const TARGET_MB = 250;

async function run(context: BenchContext): Promise<ScenarioResult> {
  const processes = processTree(context.serverPid).map((pid) => ({ pid, peak: statusKiB(pid, "VmHWM"), now: statusKiB(pid, "VmRSS") }));
  const mb = (kib: number | undefined) => (kib === undefined ? Number.NaN : (kib * 1024) / 1e6);
  const workers = processes.filter((p) => p.pid !== context.serverPid);
  const primary = processes.find((p) => p.pid === context.serverPid);
  const peak = Math.max(...processes.map((p) => mb(p.peak)));
  const list = (ps: typeof processes) => ps.map((p) => `${mb(p.peak).toFixed(0)} MB (now ${mb(p.now).toFixed(0)})`).join(", ");
  return {
    rows: [
      {
        metric: `Peak RSS per server process (VmHWM, whole run; ${workers.length ? `${workers.length} workers, then the primary` : "one process"})`,
        value: workers.length ? `${list(workers)}; primary ${list(primary ? [primary] : [])}` : list(processes),
        target: "—",
        met: null,
      },
      { metric: "Largest peak RSS of any server process", value: `${peak.toFixed(0)} MB`, target: `≤ ${TARGET_MB} MB`, met: peak <= TARGET_MB },
    ],
    notes: [`Memory is that of every process of the server: ${context.serverPidNote}, and its workers ${workers.map((p) => p.pid).join(", ") || "(none)"}.`],
    problems: processes.some((p) => p.peak === undefined) ? [`could not read /proc/<pid>/status of the server's processes`] : [],
  };
}

export const serverMemory: Scenario = { name: "server memory", run };
