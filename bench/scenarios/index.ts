// The scenarios run against the server, in this order. Add new ones here; each returns its own table rows.
import { authOverhead } from "./auth-overhead";
import { enumerationTiming } from "./enumeration-timing";
import { serverMemory } from "./server-memory";
import { signInPage } from "./sign-in-page";
import { signInThroughput } from "./sign-in-throughput";
import type { Scenario } from "../types";

export const scenarios: Scenario[] = [
  signInThroughput,
  authOverhead,
  enumerationTiming,
  signInPage,
  // Last: the peak covers everything above.
  serverMemory,
];
