// GET /sign-in as a browser without a session asks for it (gzip, zh-CN): server CPU per page, then what a first
// visit downloads, measured in Chromium.
import { describeCpu, describeFailures, runLoad, type LoadSpec } from "../load";
import { measurePageWeight } from "../page-weight";
import { fixed } from "../stats";
import type { BenchContext, Scenario, ScenarioResult } from "../types";

const CONNECTIONS = 10;
const DURATION_S = 10;
const WARM_UP_REQUESTS = 20;
const BROWSER_HEADERS = { "accept-encoding": "gzip, deflate", "accept-language": "zh-CN,zh;q=0.9" };
const CPU_TARGET_MS = 3;
const SCRIPT_TARGET_KB = 110;
// A cookie the sign-in page does not know: the request is rendered by Next every time, as before the page was kept.
const RENDERED_HEADERS = { ...BROWSER_HEADERS, cookie: "bench-rendered=1" };
const RENDERED_DURATION_S = 5;
const kb = (bytes: number) => bytes / 1024;

async function warmUp(baseUrl: string): Promise<void> {
  for (let i = 0; i < WARM_UP_REQUESTS; i++) {
    const response = await fetch(`${baseUrl}/sign-in`, { headers: BROWSER_HEADERS, signal: AbortSignal.timeout(10_000) });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`warm-up GET /sign-in → ${response.status}`);
  }
}

function loadSpec(context: BenchContext): LoadSpec {
  return {
    baseUrl: context.baseUrl,
    serverPid: context.serverPid,
    path: "/sign-in",
    connections: CONNECTIONS,
    duration: DURATION_S,
    headers: BROWSER_HEADERS,
    isSuccess: (status) => status === 200,
  };
}

async function run(context: BenchContext): Promise<ScenarioResult> {
  await warmUp(context.baseUrl);
  context.log(`sign-in page: ${CONNECTIONS} connections for ${DURATION_S} s …`);
  const result = await runLoad(loadSpec(context));
  const others = result.failureCount + result.transportErrors;
  const total = result.successes + others;
  const cpuMs = result.successes ? result.cpu.serverMs / result.successes : Number.NaN;
  context.log(`sign-in page rendered every time: ${CONNECTIONS} connections for ${RENDERED_DURATION_S} s …`);
  const rendered = await runLoad({ ...loadSpec(context), duration: RENDERED_DURATION_S, headers: RENDERED_HEADERS });
  const renderedCpuMs = rendered.successes ? rendered.cpu.serverMs / rendered.successes : Number.NaN;
  context.log("sign-in page: first load in Chromium …");
  const weight = await measurePageWeight(`${context.baseUrl}/sign-in`);
  return {
    rows: [
      { metric: `GET /sign-in requests/s (${CONNECTIONS} conn, ${DURATION_S} s)`, value: `${fixed(result.successPerSecond)}/s`, target: "—", met: null },
      { metric: "GET /sign-in latency p50 / p99", value: `${fixed(result.p50, 0)} / ${fixed(result.p99, 0)} ms`, target: "—", met: null },
      { metric: "GET /sign-in responses other than 200", value: `${others} of ${total}`, target: "0", met: others === 0 },
      { metric: "Server CPU per GET /sign-in (gzip, no session)", value: `${fixed(cpuMs)} ms`, target: `≤ ${CPU_TARGET_MS} ms`, met: cpuMs <= CPU_TARGET_MS },
      {
        metric: `Server CPU per GET /sign-in rendered by Next every time (an unknown cookie; ${RENDERED_DURATION_S} s)`,
        value: `${fixed(renderedCpuMs)} ms (${fixed(rendered.successPerSecond)}/s, ${rendered.successes} × 200)`,
        target: "—",
        met: null,
      },
      {
        metric: "/sign-in first load in Chromium: JavaScript transferred (gzip, cache disabled)",
        value: `${fixed(kb(weight.scriptBytes))} KB (${weight.scriptCount} files)`,
        target: `≤ ${SCRIPT_TARGET_KB} KB`,
        met: kb(weight.scriptBytes) <= SCRIPT_TARGET_KB,
      },
      {
        metric: "/sign-in first load in Chromium: document / stylesheets / everything transferred",
        value: `${fixed(kb(weight.documentBytes))} / ${fixed(kb(weight.stylesheetBytes))} / ${fixed(kb(weight.totalBytes))} KB`,
        target: "—",
        met: null,
      },
    ],
    notes: [describeCpu("Sign-in page load", result), ...(others ? [describeFailures("Sign-in page load", result)] : [])],
    problems: result.successes <= total / 2 ? [describeFailures("sign-in page: most responses were not 200", result)] : [],
  };
}

export const signInPage: Scenario = { name: "sign-in page", run };
