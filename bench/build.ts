import { exited, OutputTail, spawnCaptured, stopGroup } from "./child-process";

const BUILD_TIMEOUT_MS = 180_000;

/** Runs `npm run build` (Next and the compiled server); throws with the end of its output if it fails. */
export async function buildApp(log: (message: string) => void): Promise<void> {
  const started = Date.now();
  log("npm run build …");
  const tail = new OutputTail();
  const child = spawnCaptured("npm", ["run", "build"], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
  }, tail);
  const timer = setTimeout(() => {
    tail.push(`bench: npm run build exceeded ${BUILD_TIMEOUT_MS / 1000} s, stopping it`);
    void stopGroup(child);
  }, BUILD_TIMEOUT_MS);
  const code = await exited(child);
  clearTimeout(timer);
  if (code !== 0) throw new Error(`npm run build failed (${code}):\n${tail.text()}`);
  log(`npm run build done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}
