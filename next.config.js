import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

// Headers for every response, static assets included; the per-request CSP is set in proxy.ts.
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  serverExternalPackages: ["kysely"],
  poweredByHeader: false,
  // Support forms carry up to 5 screenshots of 5 MB, /recover a 5 MB photo; the HTTP edge (lib/server/http/body-limit-for.ts) keeps 1 MB for every other path.
  experimental: { serverActions: { bodySizeLimit: "27mb" } },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // Their URLs carry a reset or "not me" token: never sent on as a Referer (a later rule overrides the first).
      { source: "/reset-password", headers: [{ key: "Referrer-Policy", value: "no-referrer" }] },
      { source: "/not-me", headers: [{ key: "Referrer-Policy", value: "no-referrer" }] },
    ];
  },
};

export default withNextIntl(nextConfig);
