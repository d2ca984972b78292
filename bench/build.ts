import { exited, OutputTail, spawnCaptured, stopGroup } from "./child-process";

const BUILD_TIMEOUT_MS = 180_000;

/** Runs `next build` for the production server; throws with the end of its output if it fails. */
export async function buildApp(log: (message: string) => void): Promise<void> {
  const started = Date.now();
  log("next build …");
  const tail = new OutputTail();
  const child = spawnCaptured("./node_modules/.bin/next", ["build"], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
  }, tail);
  const timer = setTimeout(() => {
    tail.push(`bench: next build exceeded ${BUILD_TIMEOUT_MS / 1000} s, stopping it`);
    void stopGroup(child);
  }, BUILD_TIMEOUT_MS);
  const code = await exited(child);
  clearTimeout(timer);
  if (code !== 0) throw new Error(`next build failed (${code}):\n${tail.text()}`);
  log(`next build done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}
