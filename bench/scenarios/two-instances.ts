// Several instances: two portal instances on one fresh PostgreSQL database and one Redis, behind a real nginx
// (TRUST_PROXY=1), as an operator runs them on several machines. Measured through nginx: successful sign-ins per
// second against the argon2id ceiling, paused-identifier refusals, how nginx split the answers between the
// instances, and each instance's peak memory. The topology is the e2e suite's (e2e/support/nginx.ts and
// shared-services.ts, which also give every answer a header naming the instance that gave it).
import { startNginx, UPSTREAM_HEADER, type Nginx } from "../../e2e/support/nginx";
import { missingForInstances, openSharedServices, type SharedServices } from "../../e2e/support/shared-services";
import { insertAccounts } from "../bench-accounts";
import { serverTreeCpuMs } from "../cpu-meter";
import { fetchCsrf, formHeaders, isSignedIn, signInForm, CREDENTIALS_PATH, PAUSED_IDENTIFIER } from "../http-client";
import { describeFailures, runLoad, type LoadResult } from "../load";
import { processTree, statusKiB } from "../proc-info";
import { freePort, removeOnBail, startServer, stopServer, type BenchServer } from "../server-process";
import { fixed, percent } from "../stats";
import type { BenchContext, Row, Scenario, ScenarioResult } from "../types";
import { ATTACK_CONNECTIONS, pausedAttackLoad, warmUpPaused } from "./paused-attack";
import { warmUp, withDeviceCookie } from "./sign-in-throughput";

const SIGN_IN_CONNECTIONS = 8;
const DURATION_S = 10;
/** The issue's sign-in target, the same as for one instance. */
const TARGET_SIGN_IN_RATIO = 0.9;
/** Paused-identifier refusals per second ≥ 100 × successful sign-ins per second (the issue's target). */
const TARGET_PAUSED_RATIO = 100;
/** Each server process stays within 250 MB at its peak under the sign-in load (the issue's target). */
const TARGET_MB = 250;
/**
 * One server process per instance. In production each instance has a machine of its own and runs one process per
 * core there; here both share this machine's cores, and the single-instance figure beside this one runs
 * BENCH_PROCESSES (one per core). Two instances of one process each keep the same number of processes as cores,
 * so the two figures differ by the topology (nginx, PostgreSQL, Redis, two instances), not by oversubscription.
 * Each instance still sizes its argon2id slots for the whole machine (it cannot know it shares it).
 */
const PROCESSES_PER_INSTANCE = 1;
const accountId = (i: number) => `bench-two-${i}@qianneng.test`;
const PASSWORD = "Bench-two-instances-2026";

type Instance = { label: "A" | "B"; server: BenchServer };
type Topology = { services: SharedServices; instances: Instance[]; nginx: Nginx };

/** `drop` runs once, whether the scenario ends normally or the run is cut short meanwhile. */
function onceOrOnBail(drop: () => Promise<void>): () => Promise<void> {
  const forget = removeOnBail(drop);
  return async () => {
    forget();
    await drop();
  };
}

/**
 * Brings the topology up, calling `keep` with each thing to stop as soon as it exists (so a failure half-way still
 * stops what started). A migrates and seeds the empty database (paused@ paused in the shared Redis); B starts on it.
 */
async function startTopology(context: BenchContext, keep: (stop: () => Promise<void>) => void): Promise<Topology> {
  const services = await openSharedServices();
  keep(onceOrOnBail(() => services.dispose()));
  const nginxPort = await freePort();
  const options = { appUrl: `http://localhost:${nginxPort}`, processes: PROCESSES_PER_INSTANCE };
  const instances: Instance[] = [];
  for (const label of ["A", "B"] as const) {
    const database = { databaseUrl: services.databaseUrl, redisUrl: services.redisUrl, prepared: label === "B" };
    const server = await startServer(context.log, database, options);
    keep(() => stopServer(server, context.log));
    instances.push({ label, server });
  }
  const nginx = await startNginx({ a: instances[0].server.port, b: instances[1].server.port }, nginxPort);
  keep(onceOrOnBail(() => nginx.stop()));
  context.log(`two instances: nginx on ${nginx.url} in front of :${instances[0].server.port} and :${instances[1].server.port}`);
  return { services, instances, nginx };
}

/** The context the shared scenarios' helpers expect, aimed at nginx (CPU is metered per instance separately). */
const throughNginx = (context: BenchContext, topology: Topology): BenchContext => ({ ...context, baseUrl: topology.nginx.url, serverPid: topology.instances[0].server.pid });

const instancesCpuMs = (instances: Instance[]) => instances.reduce((sum, i) => sum + serverTreeCpuMs(i.server.pid), 0);

type Measured = {
  result: LoadResult;
  /** CPU time both instances spent on the run. */
  cpuMs: number;
  /** CPU time nginx (master and worker) spent on it. */
  nginxMs: number;
};

/** A load run through nginx, with the CPU time both instances and nginx spent on it. */
async function measure(topology: Topology, load: Parameters<typeof runLoad>[0]): Promise<Measured> {
  const before = { instances: instancesCpuMs(topology.instances), nginx: serverTreeCpuMs(topology.nginx.pid) };
  const result = await runLoad({ ...load, countHeader: UPSTREAM_HEADER });
  return { result, cpuMs: instancesCpuMs(topology.instances) - before.instances, nginxMs: serverTreeCpuMs(topology.nginx.pid) - before.nginx };
}

/**
 * Where the machine's CPU went per expected response: runLoad meters instance A as "the server"; B and nginx are
 * metered here, and what is left of the others is PostgreSQL, Redis and whatever else runs on the machine.
 */
function describeTopologyCpu(label: string, { result, cpuMs, nginxMs }: Measured): string {
  const { serverMs, benchMs, othersMs, machineBusy } = result.cpu;
  const rest = Math.max(0, othersMs - (cpuMs - serverMs) - nginxMs);
  const per = (ms: number) => (result.successes ? (ms / result.successes).toFixed(2) : "n/a");
  return `${label}: CPU per expected response — both instances ${per(cpuMs)} ms, nginx ${per(nginxMs)} ms, load generator ${per(benchMs)} ms, everything else (PostgreSQL, Redis, other jobs) ${per(rest)} ms; machine ${(machineBusy * 100).toFixed(0)} % busy.`;
}

/** Answers per instance, from the header nginx adds (it lists every upstream it tried; the last one answered). */
function split(instances: Instance[], result: LoadResult): { text: string; missing: string[] } {
  const counts = new Map<string, number>(instances.map((i) => [i.label, 0]));
  let unnamed = 0;
  for (const [value, n] of result.byHeader) {
    const port = Number(value.split(",").pop()?.trim().split(":").pop());
    const instance = instances.find((i) => i.server.port === port);
    if (instance) counts.set(instance.label, counts.get(instance.label)! + n);
    else unnamed += n;
  }
  const total = [...counts.values()].reduce((a, b) => a + b, unnamed);
  const share = (n: number) => `${n} (${percent(total ? n / total : Number.NaN)})`;
  const text = [...counts].map(([label, n]) => `${label} ${share(n)}`).join(" │ ") + (unnamed ? ` │ not named ${unnamed}` : "");
  return { text, missing: [...counts].filter(([, n]) => n === 0).map(([label]) => label) };
}

async function signIns(context: BenchContext, topology: Topology) {
  await insertAccounts(topology.services.db, Array.from({ length: SIGN_IN_CONNECTIONS }, (_, i) => accountId(i)), PASSWORD);
  const target = throughNginx(context, topology);
  const csrf = withDeviceCookie(await fetchCsrf(target.baseUrl));
  const bodies = Array.from({ length: SIGN_IN_CONNECTIONS }, (_, i) => signInForm(accountId(i), PASSWORD, csrf));
  // The browser's device row is in the shared database: whichever instance answers knows it as a returning one.
  await warmUp(target, bodies, csrf);
  context.log(`two instances: sign-ins through nginx, ${SIGN_IN_CONNECTIONS} connections for ${DURATION_S} s …`);
  return measure(topology, {
    baseUrl: target.baseUrl,
    serverPid: target.serverPid,
    path: CREDENTIALS_PATH,
    method: "POST",
    headers: formHeaders(csrf),
    bodies,
    connections: SIGN_IN_CONNECTIONS,
    duration: DURATION_S,
    isSuccess: isSignedIn,
  });
}

async function pausedAttempts(context: BenchContext, topology: Topology) {
  const target = throughNginx(context, topology);
  const csrf = await fetchCsrf(target.baseUrl);
  await warmUpPaused(target, csrf);
  context.log(`two instances: paused-identifier attack through nginx, ${ATTACK_CONNECTIONS} connections for ${DURATION_S} s …`);
  return measure(topology, pausedAttackLoad(target, csrf, DURATION_S));
}

const mb = (kib: number | undefined) => (kib === undefined ? Number.NaN : (kib * 1024) / 1e6);

/** Peak RSS (VmHWM) of every process of each instance, over the instance's whole life. */
function peaks(instances: Instance[]) {
  return instances.map((i) => ({ label: i.label, processes: processTree(i.server.pid).map((pid) => mb(statusKiB(pid, "VmHWM"))) }));
}

function rows(context: BenchContext, signIn: Measured, paused: Measured, topology: Topology): { rows: Row[]; problems: string[] } {
  const problems: string[] = [];
  const { instances } = topology;
  const s = signIn.result;
  const p = paused.result;
  const signInRatio = s.successPerSecond / context.argon2.verifiesPerSecond;
  const single = context.measured.signInsPerSecond;
  const pausedRatio = p.successPerSecond / s.successPerSecond;
  const [signInSplit, pausedSplit] = [split(instances, s), split(instances, p)];
  const signInOthers = s.failureCount + s.transportErrors;
  const pausedOthers = p.failureCount + p.transportErrors;
  const memory = peaks(instances);
  const largest = Math.max(...memory.flatMap((m) => m.processes));

  if (s.successes <= (s.successes + signInOthers) / 2) problems.push(describeFailures("two instances, sign-in load: most requests were not successful sign-ins", s));
  if (p.successes <= (p.successes + pausedOthers) / 2) problems.push(describeFailures("two instances, paused attack: most responses were not 302 → code=sign_in_paused", p));
  for (const [what, result] of [["sign-ins", signInSplit], ["paused attempts", pausedSplit]] as const) {
    if (result.missing.length) problems.push(`two instances: nginx gave no ${what} to instance ${result.missing.join(", ")} (${result.text}): not a two-instance figure`);
  }
  if (memory.some((m) => m.processes.some(Number.isNaN))) problems.push("two instances: could not read /proc/<pid>/status of an instance's processes");

  return {
    problems,
    rows: [
      {
        metric: `Two instances: successful sign-ins/s through nginx (PostgreSQL + Redis, ${SIGN_IN_CONNECTIONS} conn, one account each, a returning browser, ${DURATION_S} s) │ one instance on SQLite, same run`,
        value: `${fixed(s.successPerSecond)}/s │ ${single ? `${fixed(single)}/s` : "not measured in this run"}`,
        target: "—",
        met: null,
      },
      { metric: "Two instances: sign-in latency p50 / p99", value: `${fixed(s.p50, 0)} / ${fixed(s.p99, 0)} ms`, target: "—", met: null },
      { metric: "Two instances: sign-ins/s ÷ argon2id verifies/s", value: percent(signInRatio), target: `≥ ${percent(TARGET_SIGN_IN_RATIO)}`, met: signInRatio >= TARGET_SIGN_IN_RATIO },
      {
        metric: "Two instances: server CPU per sign-in, both instances (argon2id verify share)",
        value: `${fixed(signIn.cpuMs / s.successes)} ms (${percent((context.argon2.cpuMsPerVerify * s.successes) / signIn.cpuMs)})`,
        target: "—",
        met: null,
      },
      { metric: "Two instances: sign-in responses answered by instance A │ B", value: signInSplit.text, target: "—", met: null },
      { metric: "Two instances: sign-in responses other than 302 → /account", value: `${signInOthers} of ${s.successes + signInOthers}`, target: "0", met: signInOthers === 0 },
      { metric: `Two instances: paused-identifier attempts/s through nginx (${PAUSED_IDENTIFIER}, wrong password, ${ATTACK_CONNECTIONS} conn, ${DURATION_S} s)`, value: `${fixed(p.successPerSecond)}/s`, target: "—", met: null },
      { metric: "Two instances: paused attempt latency p50 / p99", value: `${fixed(p.p50, 0)} / ${fixed(p.p99, 0)} ms`, target: "—", met: null },
      { metric: "Two instances: server CPU per paused attempt, both instances", value: `${fixed(paused.cpuMs / p.successes, 2)} ms`, target: "—", met: null },
      { metric: "Two instances: paused attempts/s ÷ successful sign-ins/s", value: `${fixed(pausedRatio)}×`, target: `≥ ${TARGET_PAUSED_RATIO}×`, met: pausedRatio >= TARGET_PAUSED_RATIO },
      { metric: "Two instances: paused-attack responses answered by instance A │ B", value: pausedSplit.text, target: "—", met: null },
      { metric: "Two instances: attack responses other than 302 → code=sign_in_paused", value: `${pausedOthers} of ${p.successes + pausedOthers}`, target: "0", met: pausedOthers === 0 },
      {
        metric: `Two instances: peak RSS per instance process (VmHWM, ${PROCESSES_PER_INSTANCE} process each, start-up and both loads)`,
        value: memory.map((m) => `${m.label} ${m.processes.map((v) => `${v.toFixed(0)} MB`).join(", ")}`).join(" │ "),
        target: `≤ ${TARGET_MB} MB`,
        met: largest <= TARGET_MB,
      },
    ],
  };
}

/** Error lines the instances printed, for the notes (the run's own check covers the shared server only). */
function errorNotes(instances: Instance[]): string[] {
  return instances.flatMap(({ label, server }) => {
    const errors = server.output.text().split("\n").filter((l) => /error/i.test(l));
    return errors.length ? [`Two instances: instance ${label} logged ${errors.length} error line(s), last: ${errors.at(-1)}`] : [];
  });
}

async function run(context: BenchContext): Promise<ScenarioResult> {
  const missing = await missingForInstances();
  if (missing) return { rows: [{ metric: "Two instances behind nginx (PostgreSQL + Redis)", value: `not measured: ${missing}`, target: "—", met: null }], notes: [], problems: [] };
  const stops: (() => Promise<void>)[] = [];
  try {
    const topology = await startTopology(context, (stop) => stops.unshift(stop));
    const signIn = await signIns(context, topology);
    const paused = await pausedAttempts(context, topology);
    const measured = rows(context, signIn, paused, topology);
    const { instances, nginx, services } = topology;
    const server = instances[0].server;
    return {
      rows: measured.rows,
      notes: [
        `Two instances: dist/e2e-server.js twice (WEB_CONCURRENCY=${PROCESSES_PER_INSTANCE} each: on this machine both instances share its cores, and one process each keeps as many server processes as cores, like the single-instance server), both on a fresh PostgreSQL database (${new URL(services.databaseUrl).pathname.slice(1)} on ${new URL(services.databaseUrl).host}, dropped afterwards) and an empty Redis database (${services.redisUrl}, its keys deleted afterwards); A migrated and seeded it, B started on it. nginx (1 worker, round robin, TRUST_PROXY=1 on the instances) at ${nginx.url}; every request went through it and was counted by the instance nginx named in its answer. Server CPU = utime + stime of both instances' processes; nginx, PostgreSQL and Redis run on the same 2 cores, their share is in the next notes. Instance A's process: ${server.pidNote}.`,
        describeTopologyCpu("Two instances, sign-in load", signIn),
        describeTopologyCpu("Two instances, paused-identifier attack", paused),
        ...errorNotes(instances),
      ],
      problems: measured.problems,
    };
  } finally {
    for (const stop of stops) await stop().catch((error: unknown) => context.log(`two instances: cleanup failed: ${error instanceof Error ? error.message : String(error)}`));
  }
}

export const twoInstances: Scenario = { name: "two instances", budgetMs: 150_000, run };
