import { checkHealth } from "@/lib/server/health/check-health";
import { getDb } from "@/lib/db";

export const dynamic = "force-dynamic";

/** Liveness and readiness: 200 when the database answers, 503 when it does not. */
export async function GET() {
  const health = await checkHealth(() => getDb());
  return Response.json(health, { status: health.status === "ok" ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
