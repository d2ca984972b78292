import "server-only";
import type { OutboxTransport } from "@/lib/outbox/outbox-transport";

const TIMEOUT_MS = 10_000;

/** Sends outbox SMS as an HTTP POST of JSON { to, text } to SMS_WEBHOOK_URL; anything but 2xx is a failure. */
export function createWebhookTransport(url: string): OutboxTransport {
  return {
    async send(message) {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", "idempotency-key": message.id },
        body: JSON.stringify({ to: message.recipient, text: message.text }),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      // Read nothing from the body, but release the connection.
      await response.body?.cancel();
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
    },
    close: () => {},
  };
}
