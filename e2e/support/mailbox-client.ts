// What the portal sent, as received by the sinks in the runner's main process (global-sinks.ts).
import type { SunkSms } from "./sms-sink";
import type { SunkEmail } from "./smtp-sink";

const api = () => `http://127.0.0.1:${process.env.E2E_SINK_API_PORT}`;

async function list<T>(channel: "email" | "sms"): Promise<T[]> {
  return (await fetch(`${api()}/${channel}`)).json() as Promise<T[]>;
}

async function waitFor<T>(channel: "email" | "sms", predicate: (m: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (await list<T>(channel)).find(predicate);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no matching ${channel} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export const mailbox = {
  emails: () => list<SunkEmail>("email"),
  texts: () => list<SunkSms>("sms"),
  waitForEmail: (predicate: (m: SunkEmail) => boolean, timeoutMs = 20_000) => waitFor("email", predicate, timeoutMs),
  waitForSms: (predicate: (m: SunkSms) => boolean, timeoutMs = 20_000) => waitFor("sms", predicate, timeoutMs),
  stopSmtp: async () => void (await fetch(`${api()}/smtp/stop`, { method: "POST" })),
  startSmtp: async () => void (await fetch(`${api()}/smtp/start`, { method: "POST" })),
};
