import { runningBuildId } from "@/lib/server/build-id";

export const dynamic = "force-dynamic";

/**
 * The smallest answer the portal gives: the connection check times round trips against it and reads the server's
 * clock from it; open pages read the running build id from it to notice a redeploy. Never cached.
 */
export function GET() {
  return Response.json({ serverTime: Date.now(), buildId: runningBuildId() }, { headers: { "Cache-Control": "no-store" } });
}
