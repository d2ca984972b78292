// Headers for every response: next.config.js sets them on what Next.js serves, the credentials fast path
// (scripts/credentials-callback.ts) on what it answers itself.

/** @type {{ key: string; value: string }[]} */
export const SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];
