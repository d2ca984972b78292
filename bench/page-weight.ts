// What a first visit to a page downloads, measured in Chromium the way Lighthouse counts it: the bytes transferred
// (compressed, headers included) per resource type, with the browser cache disabled.
import { chromium, type CDPSession } from "@playwright/test";

export type PageWeight = {
  /** Bytes transferred for script resources (the JavaScript chunks; inline scripts are part of the document). */
  scriptBytes: number;
  scriptCount: number;
  documentBytes: number;
  stylesheetBytes: number;
  totalBytes: number;
};

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];

type Pending = { type: string };

/** Sums `encodedDataLength` (what crossed the wire) of every request the page made until the network went idle. */
function recordTransfers(cdp: CDPSession): Map<string, Pending & { bytes: number }> {
  const pending = new Map<string, Pending>();
  const finished = new Map<string, Pending & { bytes: number }>();
  cdp.on("Network.requestWillBeSent", (event) => pending.set(event.requestId, { type: event.type ?? "Other" }));
  cdp.on("Network.loadingFinished", (event) => {
    const request = pending.get(event.requestId);
    if (request) finished.set(event.requestId, { ...request, bytes: event.encodedDataLength });
  });
  return finished;
}

export async function measurePageWeight(url: string): Promise<PageWeight> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const context = await browser.newContext({ locale: "zh-CN" });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    const transfers = recordTransfers(cdp);
    const response = await page.goto(url, { waitUntil: "networkidle" });
    if (response?.status() !== 200) throw new Error(`GET ${url} → ${response?.status()}`);
    const all = [...transfers.values()];
    const sum = (type?: string) => all.filter((t) => !type || t.type === type).reduce((n, t) => n + t.bytes, 0);
    return {
      scriptBytes: sum("Script"),
      scriptCount: all.filter((t) => t.type === "Script").length,
      documentBytes: sum("Document"),
      stylesheetBytes: sum("Stylesheet"),
      totalBytes: sum(),
    };
  } finally {
    await browser.close();
  }
}
