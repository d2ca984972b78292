import { getDb } from "@/lib/db";
import { findAgent } from "@/lib/server/agent/find-agent";
import { findRecoveryPhotoForAgent } from "@/lib/server/agent/find-recovery-photo-for-agent";

/** A recovery request's ID photo for an agent whose console is open; anyone else gets the same 404 as a missing one. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { access } = await findAgent();
  const found = access === "open" ? await findRecoveryPhotoForAgent(await getDb(), (await params).id) : null;
  if (!found) return new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });
  return new Response(new Uint8Array(found.bytes), {
    headers: { "Content-Type": found.mime, "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff", "Content-Disposition": "inline" },
  });
}
