import "server-only";
// Per-network limits: the counts are configuration (IP_FAILED_SIGNIN_LIMIT, IP_AUTH_POST_PER_MINUTE), the windows are fixed here.
export const IP_FAILURE_WINDOW_MS = 24 * 3_600_000;
export const IP_THROTTLE_MS = 3_600_000;
export const IP_POST_WINDOW_MS = 60_000;

export const keys = {
  ipFailures: (ip: string) => `ip-failures:${ip}`,
  ipThrottle: (ip: string) => `ip-throttle:${ip}`,
  ipPosts: (ip: string) => `ip-posts:${ip}`,
};
