import { getDb } from "@/lib/db";
import { findOwnAttachment } from "@/lib/server/support/find-own-attachment";
import { findSupportOwner } from "@/lib/server/support/find-support-owner";

/** A screenshot for its ticket's owner only; re-encoded on upload, and served so that it is never sniffed as anything else. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const owner = await findSupportOwner();
  const found = owner ? await findOwnAttachment(await getDb(), { id: (await params).id, owner }) : null;
  if (!found) return new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });
  return new Response(new Uint8Array(found.bytes), {
    headers: { "Content-Type": found.mime, "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff", "Content-Disposition": "inline" },
  });
}
