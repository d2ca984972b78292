import "server-only";
import { getConfig } from "@/lib/config";

export function getAuthSecret(): string {
  const secret = getConfig().AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set (npm run dev creates one in data/)");
  return secret;
}
