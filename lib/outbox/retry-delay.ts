import "server-only";
const BASE_DELAY_MS = 5_000;
const MAX_DELAY_MS = 10 * 60_000;

/** Wait before the next try after `attempts` failed ones: 5 s, 10 s, 20 s … capped at 10 min. */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const exponential = BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1);
  // ±10 %, so messages that failed together (a gateway outage) do not all retry in the same instant.
  const jittered = exponential * (0.9 + 0.2 * random());
  return Math.round(Math.min(MAX_DELAY_MS, jittered));
}
