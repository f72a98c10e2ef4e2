import { checkDatabase } from "@/lib/health/check-database";

export const dynamic = "force-dynamic";

export async function GET() {
  const databaseUp = await checkDatabase();
  return Response.json(
    { status: databaseUp ? "ok" : "degraded", db: databaseUp ? "ok" : "down" },
    { status: databaseUp ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
