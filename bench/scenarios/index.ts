// The scenarios run against the server, in this order. Add new ones here; each returns its own table rows.
import { authOverhead } from "./auth-overhead";
import { enumerationTiming } from "./enumeration-timing";
import { growth } from "./growth";
import { pausedIdentifierAttack } from "./paused-attack";
import { pausedPhantomTiming } from "./paused-phantom-timing";
import { reservationCost } from "./reservation-cost";
import { resetRequestTiming } from "./reset-request-timing";
import { securityCenter } from "./security-center";
import { serverMemory } from "./server-memory";
import { signInPage } from "./sign-in-page";
import { signInThroughput } from "./sign-in-throughput";
import { signInWithCsrf } from "./sign-in-with-csrf";
import { signInUnderAttack } from "./sign-in-under-attack";
import { twoInstances } from "./two-instances";
import { twoStepThroughput } from "./two-step-throughput";
import type { Scenario } from "../types";

export const scenarios: Scenario[] = [
  // First: later scenarios compare with its successful sign-ins/s (context.measured).
  signInThroughput,
  // The same with a fresh CSRF pair for each sign-in (two requests).
  signInWithCsrf,
  // After them: its ratio is set beside the password-only one.
  twoStepThroughput,
  // In this process, with the server idle: set against the server CPU per sign-in just measured.
  reservationCost,
  authOverhead,
  enumerationTiming,
  pausedIdentifierAttack,
  signInUnderAttack,
  pausedPhantomTiming,
  signInPage,
  resetRequestTiming,
  securityCenter,
  // Last on the shared server: the peak covers everything above.
  serverMemory,
  // Two instances of its own behind nginx, on PostgreSQL and Redis (the shared server idles meanwhile); after the
  // sign-in throughput, whose single-instance figure it sets beside its own.
  twoInstances,
  // Starts servers of its own on prepared databases (the shared one idles meanwhile).
  growth,
];
