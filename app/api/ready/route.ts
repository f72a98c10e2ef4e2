import { checkReadiness } from "@/lib/health/check-readiness";

export const dynamic = "force-dynamic";

/** Readiness for orchestrators (load balancers, Kubernetes): 200 when every check passes, else 503. `/api/health` is liveness. */
export async function GET() {
  const { ready, checks } = await checkReadiness();
  return Response.json({ status: ready ? "ready" : "not_ready", checks }, { status: ready ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
