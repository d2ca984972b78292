import { NextResponse } from "next/server";
import { getDb } from "@/lib/db";
import { findOwnTicket } from "@/lib/server/support/find-own-ticket";
import { findSupportOwner } from "@/lib/server/support/find-support-owner";

const NO_STORE = { "Cache-Control": "no-store" };

/** The conversation, polled by its page while open; another owner's reference reads as absent (404). */
export async function GET(_request: Request, { params }: { params: Promise<{ reference: string }> }): Promise<NextResponse> {
  try {
    const owner = await findSupportOwner();
    if (!owner) return NextResponse.json({ error: "unauthorized" }, { status: 401, headers: NO_STORE });
    const ticket = await findOwnTicket(await getDb(), { reference: (await params).reference, owner });
    if (!ticket) return NextResponse.json({ error: "not_found" }, { status: 404, headers: NO_STORE });
    return NextResponse.json(ticket, { headers: NO_STORE });
  } catch (error) {
    console.error("support ticket failed", error);
    return NextResponse.json({ error: "unavailable" }, { status: 503, headers: NO_STORE });
  }
}
