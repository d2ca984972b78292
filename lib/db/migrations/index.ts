import "server-only";
import type { Migration } from "kysely";
import * as initial from "./0001-initial";
import * as outbox from "./0002-outbox";
import * as signInPauses from "./0003-sign-in-pauses";
import * as statusCodes from "./0004-status-codes";
import * as passwordHistory from "./0005-password-history";
import * as resetPurposes from "./0006-reset-purposes";
import * as outboxSecrets from "./0007-outbox-secrets";
import * as oneTimeCodes from "./0008-one-time-codes";
import * as twoStep from "./0009-two-step";
import * as securityCenter from "./0010-security-center";
import * as activity from "./0011-activity";
import * as supportTickets from "./0012-support-tickets";
import * as recovery from "./0013-recovery";
import * as incidents from "./0014-incidents";
import * as incidentFeatures from "./0015-incident-features";
import * as auditIndex from "./0016-audit-index";
import * as repeatedEvents from "./0017-repeated-events";

/** Every migration, in order; names never change once released. */
export const migrations: Record<string, Migration> = {
  "0001-initial": initial,
  "0002-outbox": outbox,
  "0003-sign-in-pauses": signInPauses,
  "0004-status-codes": statusCodes,
  "0005-password-history": passwordHistory,
  "0006-reset-purposes": resetPurposes,
  "0007-outbox-secrets": outboxSecrets,
  "0008-one-time-codes": oneTimeCodes,
  "0009-two-step": twoStep,
  "0010-security-center": securityCenter,
  "0011-activity": activity,
  "0012-support-tickets": supportTickets,
  "0013-recovery": recovery,
  "0014-incidents": incidents,
  "0015-incident-features": incidentFeatures,
  "0016-audit-index": auditIndex,
  "0017-repeated-events": repeatedEvents,
};
