// Playwright globalSetup: the mail and SMS sinks live in the runner's main process, on the ports the portal
// was given, so every spec in every worker reads the same inbox through a small HTTP API (mailbox-client.ts).
import http from "node:http";
import { startSmsSink, type SmsSink } from "./sms-sink";
import { startSmtpSink, type SmtpSink } from "./smtp-sink";

export default async function globalSetup(): Promise<() => Promise<void>> {
  let smtp: SmtpSink | null = await startSmtpSink(Number(process.env.E2E_SMTP_PORT));
  const sms: SmsSink = await startSmsSink(Number(process.env.E2E_SMS_PORT));
  const received = { email: [] as unknown[], sms: sms.messages };
  const keep = (sink: SmtpSink) => {
    // Mail that arrived before a restart of the sink stays readable.
    const push = sink.messages.push.bind(sink.messages);
    sink.messages.push = (...items) => (received.email.push(...items), push(...items));
  };
  keep(smtp);

  const api = http.createServer(async (req, res) => {
    const reply = (body: unknown) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
    if (req.url === "/email") return reply(received.email);
    if (req.url === "/sms") return reply(received.sms);
    if (req.url === "/smtp/stop" && req.method === "POST") {
      await smtp?.stop();
      smtp = null;
      return reply({ ok: true });
    }
    if (req.url === "/smtp/start" && req.method === "POST") {
      smtp ??= await startSmtpSink(Number(process.env.E2E_SMTP_PORT));
      keep(smtp);
      return reply({ ok: true });
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => api.listen(Number(process.env.E2E_SINK_API_PORT), "127.0.0.1", resolve));

  return async () => {
    await new Promise<void>((resolve) => api.close(() => resolve()));
    await smtp?.stop();
    await sms.stop();
  };
}
