// CPU time spent during a measurement: by the server, by this process (the load generator), by the machine.
import fs from "node:fs";
import { processTree } from "./proc-info";

const TICK_MS = 10; // USER_HZ is 100 on Linux (getconf CLK_TCK)

/** utime + stime of a process, in ms. */
export function processCpuMs(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return Number.NaN;
  }
}

/** Busy and total CPU time of the whole machine (all cores), in ms, from /proc/stat. */
function machineCpuMs(): { busy: number; total: number } {
  const [, ...ticks] = fs.readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/);
  const values = ticks.map(Number);
  const idle = values[3] + (values[4] ?? 0);
  const total = values.slice(0, 8).reduce((a, b) => a + b, 0);
  return { busy: (total - idle) * TICK_MS, total: total * TICK_MS };
}

function selfCpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

export type CpuSpent = {
  serverMs: number;
  /** This process: autocannon and the scenario code. */
  benchMs: number;
  /** Everything else on the machine (other jobs, the kernel outside these two processes). */
  othersMs: number;
  /** Share of the machine's CPU capacity that was busy. */
  machineBusy: number;
};

/** CPU time of every process of the server (a primary and its workers), by pid. */
function serverCpuMs(root: number): Map<number, number> {
  return new Map(processTree(root).map((pid) => [pid, processCpuMs(pid)]));
}

/** CPU time of the server's whole process tree (a primary and its workers), in ms. */
export function serverTreeCpuMs(root: number): number {
  return [...serverCpuMs(root).values()].reduce((sum, ms) => sum + (Number.isNaN(ms) ? 0 : ms), 0);
}

/**
 * Starts measuring; call the returned function when the measured part is over. The server is `serverPid` and every
 * process below it (its workers); a worker that ended meanwhile is not counted, one started meanwhile counts whole.
 */
export function cpuMeter(serverPid: number): () => CpuSpent {
  const server = serverCpuMs(serverPid);
  const self = selfCpuMs();
  const machine = machineCpuMs();
  return () => {
    const serverMs = [...serverCpuMs(serverPid)].reduce((sum, [pid, ms]) => sum + (Number.isNaN(ms) ? 0 : ms - (server.get(pid) ?? 0)), 0);
    const benchMs = selfCpuMs() - self;
    const now = machineCpuMs();
    const busy = now.busy - machine.busy;
    return { serverMs, benchMs, othersMs: Math.max(0, busy - serverMs - benchMs), machineBusy: busy / (now.total - machine.total) };
  };
}
