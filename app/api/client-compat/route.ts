import { localeFromAcceptLanguage } from "@/i18n/locales";
import { getDb } from "@/lib/db";
import { checkClientCompat, clientCompatRefusal } from "@/lib/server/app-versions/check-client-compat";
import { parseClientCompatQuery } from "@/lib/validation/client-compat";

export const dynamic = "force-dynamic";

// Apps send no portal cookie: the language comes from Accept-Language alone, so a shared cache may keep one answer per language.
const CACHEABLE = { "Cache-Control": "public, max-age=60", Vary: "Accept-Language" };
const NO_STORE = { "Cache-Control": "no-store", Vary: "Accept-Language" };

/** Native apps ask whether their version may still sign in: ok, update recommended or update required. */
export async function GET(request: Request): Promise<Response> {
  const locale = localeFromAcceptLanguage(request.headers.get("accept-language"));
  const parsed = parseClientCompatQuery(new URL(request.url).searchParams);
  if (!parsed.ok) return Response.json(clientCompatRefusal(parsed.fields, locale), { status: 400, headers: NO_STORE });
  try {
    return Response.json(await checkClientCompat({ db: await getDb(), query: parsed.query, locale }), { headers: CACHEABLE });
  } catch (error) {
    console.error("client-compat failed", error);
    return Response.json({ error: "unavailable" }, { status: 503, headers: NO_STORE });
  }
}
