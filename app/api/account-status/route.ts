import { NextResponse } from "next/server";
import { getDb } from "@/lib/db";
import { getCounterStore } from "@/lib/server/counters";
import { findStatusViewer } from "@/lib/server/status/find-status-viewer";
import { getAccountStatus } from "@/lib/server/status/get-account-status";

// Polled by the status view; a status must never be served from a cache to someone else.
const NO_STORE = { "Cache-Control": "no-store" };

/** The status of the account this browser proved (status ticket) or is signed in to; 401 otherwise. */
export async function GET(): Promise<NextResponse> {
  try {
    const userId = await findStatusViewer();
    const status = userId ? await getAccountStatus({ db: await getDb(), store: await getCounterStore(), userId }) : null;
    if (!status) return NextResponse.json({ error: "unauthorized" }, { status: 401, headers: NO_STORE });
    return NextResponse.json(status, { headers: NO_STORE });
  } catch (error) {
    console.error("account status failed", error);
    return NextResponse.json({ error: "unavailable" }, { status: 503, headers: NO_STORE });
  }
}
