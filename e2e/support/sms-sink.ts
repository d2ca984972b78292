// An SMS gateway inside the test process: takes the JSON POSTs the portal makes to SMS_WEBHOOK_URL.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createWaitList } from "./wait-list";

export type SunkSms = { to: string; text: string };

export type SmsSink = {
  port: number;
  /** For SMS_WEBHOOK_URL. */
  url: string;
  messages: SunkSms[];
  waitFor: (predicate: (sms: SunkSms) => boolean, timeoutMs?: number) => Promise<SunkSms>;
  /** Answer every request with this status instead of taking it (a failing gateway); null to recover. */
  failWith: (status: number | null) => void;
  stop: () => Promise<void>;
};

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function parseSms(body: string): SunkSms | undefined {
  try {
    const value = JSON.parse(body) as Partial<SunkSms>;
    return typeof value.to === "string" && typeof value.text === "string" ? { to: value.to, text: value.text } : undefined;
  } catch {
    return undefined;
  }
}

/** Listens on 127.0.0.1:`port` (0 = any free port); a stopped sink's port can be given to a new one. */
export async function startSmsSink(port = 0): Promise<SmsSink> {
  const list = createWaitList<SunkSms>((m) => `${m.to} “${m.text.slice(0, 40)}”`);
  let failure: number | null = null;
  const server = http.createServer(async (req, res) => {
    const body = await readBody(req);
    const sms = req.method === "POST" ? parseSms(body) : undefined;
    const status = failure ?? (sms ? 200 : 400);
    if (status === 200 && sms) list.push(sms);
    res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify({ ok: status === 200 }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    port: actual,
    url: `http://127.0.0.1:${actual}/sms`,
    messages: list.items,
    waitFor: list.waitFor,
    failWith: (status) => {
      failure = status;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive sockets from fetch would hold close() open for seconds.
        server.closeAllConnections();
      }),
  };
}
