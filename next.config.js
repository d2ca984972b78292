import createNextIntlPlugin from "next-intl/plugin";
import { SECURITY_HEADERS } from "./lib/security/security-headers.js";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

// The per-request CSP is set in proxy.ts; the security headers every response carries live in one list.
/** @type {import('next').NextConfig} */
const nextConfig = {
  serverExternalPackages: ["kysely"],
  poweredByHeader: false,
  // Support forms carry up to 5 screenshots of 5 MB, /recover a 5 MB photo; the HTTP edge (lib/server/http/body-limit-for.ts) keeps 1 MB for every other path.
  // A route's code is loaded by its first request, not all at start: a process holds only what it serves (the agent
  // console's pages stay out of a sign-in process), which keeps each of several processes near 250 MB.
  experimental: { serverActions: { bodySizeLimit: "27mb" }, preloadEntriesOnStart: false },
  async headers() {
    return [
      { source: "/:path*", headers: SECURITY_HEADERS },
      // Their URLs carry a reset or "not me" token: never sent on as a Referer (a later rule overrides the first).
      { source: "/reset-password", headers: [{ key: "Referrer-Policy", value: "no-referrer" }] },
      { source: "/not-me", headers: [{ key: "Referrer-Policy", value: "no-referrer" }] },
    ];
  },
};

export default withNextIntl(nextConfig);
