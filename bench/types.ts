// Shared shapes for the benchmark run: a scenario measures something and returns table rows.

/** One line of the results table. `met` is null when the metric has no target (recorded for reference). */
export type Row = {
  metric: string;
  value: string;
  target: string;
  met: boolean | null;
};

/** What a scenario reports: its rows, plus problems that make the whole run fail (wrong responses, crashes). */
export type ScenarioResult = {
  rows: Row[];
  /** Remarks printed under the table (which process was measured, breakdown of errors …). */
  notes: string[];
  problems: string[];
};

/** The argon2id reference measured in the bench process before any load test. */
export type Argon2Reference = {
  /** Parallel verifies per second on this machine: the physical ceiling for sign-ins. */
  verifiesPerSecond: number;
  /** Median latency of one verify, nothing else running (ms). */
  singleVerifyMs: number;
  /** CPU time one verify costs when all cores are busy (ms). */
  cpuMsPerVerify: number;
};

/** Results a scenario hands to later ones in the same run (ratios are only meaningful within one run). */
export type Measured = {
  /** Successful sign-ins per second under load (sign-in throughput). */
  signInsPerSecond?: number;
  /** Server CPU time per successful sign-in under load, ms. */
  serverCpuMsPerSignIn?: number;
  /** Server CPU time per credentials POST refused before any hash or query (invalid_input), ms: the framework's floor. */
  serverCpuMsFloor?: number;
};

export type BenchContext = {
  /** http://localhost:PORT — localhost, not 127.0.0.1, or Next's cookies do not come back. */
  baseUrl: string;
  /** PID of the process that owns the listening socket. */
  serverPid: number;
  /** How the server PID was found, for the report. */
  serverPidNote: string;
  /** The server's SQLite file (E2E_DB_FILE, relative to the working directory), for writing fixtures and reading results. */
  dbFile: string;
  argon2: Argon2Reference;
  /** Filled in by earlier scenarios, read by later ones. */
  measured: Measured;
  log: (message: string) => void;
};

/** A benchmark scenario; add new ones as modules under bench/scenarios/ and list them in scenarios/index.ts. */
export type Scenario = {
  /** Also what `--only=` names, with spaces as dashes ("sign-in-throughput"). */
  name: string;
  /** Time it may take beyond the run's usual allowance (the watchdog waits this much longer when it runs). */
  budgetMs?: number;
  run: (context: BenchContext) => Promise<ScenarioResult>;
};
