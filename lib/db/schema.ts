import "server-only";
import type { Generated, Insertable, Selectable } from "kysely";

/** Timestamps are UTC epoch milliseconds in every table we own (bigint on PostgreSQL, integer on SQLite). */
export type Millis = number;

export type UserStatus = "active" | "frozen" | "self_frozen" | "closed";
export type UserRole = "user" | "agent";

export type UsersTable = {
  id: string;
  email: string | null;
  mobile: string | null;
  name: string;
  password_hash: string | null;
  status: UserStatus;
  role: UserRole;
  locale: string;
  frozen_reason: string | null;
  frozen_case_ref: string | null;
  frozen_at: Millis | null;
  password_changed_at: Millis | null;
  /** Written by the Auth.js adapter (Date on PostgreSQL, ISO text on SQLite). */
  email_verified_at: Date | string | null;
  created_at: Millis;
  updated_at: Millis;
  /** Since when sign-in asks for a code texted to the mobile (two-step verification by SMS); null when off. */
  sms_two_step_at: Generated<Millis | null>;
};

export type SessionsTable = {
  id: string;
  token_hash: string;
  user_id: string;
  persistent: number;
  ip: string | null;
  user_agent: string | null;
  created_at: Millis;
  last_seen_at: Millis;
  expires_at: Millis;
  /** "reset": proof of email/SMS that may set a password and nothing else. */
  purpose: Generated<SessionPurpose>;
  /** When this session last proved the password or a second factor (sign-in methods change only soon after). */
  proved_at: Generated<Millis | null>;
  /** A reset-only session: proved by the "email" link or an "sms" code. */
  reset_via: Generated<ResetVia | null>;
  /** A reset-only session of an account with two-step verification: when a second factor was given. */
  second_factor_at: Generated<Millis | null>;
};

export type ResetVia = "email" | "sms";

/** Auth.js verification tokens; columns named as @auth/kysely-adapter expects. */
export type VerificationTokensTable = {
  identifier: string;
  token: string;
  expires: Date | string;
};

export type SecurityEventsTable = {
  id: Generated<number>;
  type: string;
  user_id: string | null;
  identifier_hash: string | null;
  ip: string | null;
  user_agent: string | null;
  detail: string | null;
  created_at: Millis;
  /** How many times this event happened within its minute (repeated refusals, see repeatKeyOf); 1 otherwise. */
  repeat_count: Generated<number>;
  /** Set on a repeatable refusal: its type, identifier and minute. Null for every other event. */
  repeat_key: string | null;
};

export type TransactionKind = "top_up" | "payment" | "transfer_in" | "transfer_out" | "refund" | "withdrawal";

export type TransactionsTable = {
  id: string;
  user_id: string;
  kind: TransactionKind;
  amount_cents: number;
  currency: string;
  counterparty: string;
  occurred_at: Millis;
};

export type SignInFailuresTable = {
  key: string;
  failures: number;
  last_failure_at: Millis;
  paused_until: Millis | null;
};

export type RateCountersTable = {
  key: string;
  count: number;
  reset_at: Millis;
};

export type UnlockTokensTable = {
  token_hash: string;
  user_id: string;
  created_at: Millis;
  expires_at: Millis;
  used_at: Millis | null;
};

/** A 6-digit code sent to an email or mobile (status view, SMS reset); only its keyed hash is stored. */
export type OneTimeCodesTable = {
  id: string;
  identifier_hash: string;
  /** Null for an identifier without an account: the row exists so that both behave alike, but nothing is sent. */
  user_id: string | null;
  code_hash: string;
  created_at: Millis;
  expires_at: Millis;
  last_sent_at: Millis;
  attempts: Generated<number>;
  /** When it was used, or voided by a newer code. */
  used_at: Millis | null;
  /** "status": proves ownership for the status view; "reset": an SMS password reset; "unfreeze": lifts a self-freeze. */
  purpose: Generated<CodePurpose>;
};

/** "sign_in": the SMS second factor of a sign-in (or of a reset that came by email); "unfreeze": the channel proof of an account without two-step; "recovery": proves a new contact, which need not belong to any account. */
export type CodePurpose = "status" | "reset" | "sign_in" | "unfreeze" | "recovery";
/** "reset": may only set a new password; "second_factor": a password was accepted and a second factor is still owed. */
export type SessionPurpose = "full" | "reset" | "second_factor";

/** A previous password's hash; a user keeps at most five, since the last 5 cannot be reused. */
export type PasswordHistoryTable = {
  id: string;
  user_id: string;
  password_hash: string;
  created_at: Millis;
};

export type OutboxChannel = "email" | "sms";
export type OutboxStatus = "pending" | "sent" | "failed";

/** One email or SMS waiting for (or done with) delivery by the outbox worker. */
export type OutboxTable = {
  id: string;
  channel: OutboxChannel;
  recipient: string;
  subject: string | null;
  /** Links and codes appear here only as slots (lib/outbox/secret-slot.ts); their values are in `secrets`. */
  body_text: string;
  body_html: string | null;
  /** The slots' values, encrypted (lib/outbox/outbox-secrets.ts); cleared when the message is sent or given up. */
  secrets: string | null;
  /** What the message is for, e.g. "lockout_notice"; never shown to its recipient. */
  kind: string;
  user_id: string | null;
  status: OutboxStatus;
  attempts: Generated<number>;
  next_attempt_at: Millis;
  /** While in the future, one worker holds the message (see claim_token); others leave it alone. */
  claimed_until: Millis | null;
  claim_token: string | null;
  last_error: string | null;
  created_at: Millis;
  sent_at: Millis | null;
  /** When it was sent or given up; retention counts from here. */
  settled_at: Millis | null;
};

/** An authenticator app (TOTP); the secret is sealed with a key derived from AUTH_SECRET. */
export type TotpCredentialsTable = {
  user_id: string;
  secret_sealed: string;
  created_at: Millis;
  /** Null while enrolment waits for its first code. */
  confirmed_at: Millis | null;
  /** The last time step (30 s) whose code was accepted: each step's code works once. */
  last_step: Generated<number>;
};

/** One of ten single-use backup codes; only a keyed hash is stored. */
export type BackupCodesTable = {
  id: string;
  user_id: string;
  code_hash: string;
  created_at: Millis;
  used_at: Millis | null;
};

/** A WebAuthn credential (passkey), named by its owner. */
export type PasskeysTable = {
  /** The credential id, base64url. */
  id: string;
  user_id: string;
  /** COSE public key, base64url. */
  public_key: string;
  counter: Generated<number>;
  /** JSON array of transports the authenticator reported. */
  transports: string | null;
  name: string;
  created_at: Millis;
  last_used_at: Millis | null;
};

export type WebauthnChallengePurpose = "register" | "sign_in" | "second_factor" | "reset";

/** A WebAuthn challenge waiting for its answer (single use, a few minutes). */
export type WebauthnChallengesTable = {
  id: string;
  challenge: string;
  user_id: string | null;
  purpose: WebauthnChallengePurpose;
  created_at: Millis;
  expires_at: Millis;
};

/** A browser that may skip the second step for 30 days; its cookie holds the token, the row only a hash. */
export type TrustedBrowsersTable = {
  id: string;
  user_id: string;
  token_hash: string;
  ip: string | null;
  user_agent: string | null;
  created_at: Millis;
  last_used_at: Millis;
  expires_at: Millis;
};

/** A new password set by a reset without a second factor: it takes effect after the hold unless cancelled. */
export type ResetHoldsTable = {
  id: string;
  user_id: string;
  password_hash: string;
  cancel_token_hash: string;
  created_at: Millis;
  effective_at: Millis;
  cancelled_at: Millis | null;
  applied_at: Millis | null;
};

export type SessionEndReason = "signed_out_elsewhere" | "signed_out_everywhere_else" | "password_changed" | "account_frozen" | "recovered";

/** Why a session was ended by something other than its own browser, kept until the session would have expired. */
export type EndedSessionsTable = {
  session_id: string;
  user_id: string;
  reason: SessionEndReason;
  ended_at: Millis;
  expires_at: Millis;
};

/** A browser an account has signed in from, known by a random id in a long-lived cookie (stored as a keyed hash). */
export type KnownDevicesTable = {
  id: string;
  user_id: string;
  device_hash: string;
  ip: string | null;
  user_agent: string | null;
  first_seen_at: Millis;
  last_seen_at: Millis;
};

/** A "this was not me" link in an alert: single use, 7 days, stored hashed; it freezes the account and starts a reset. */
export type NotMeTokensTable = {
  token_hash: string;
  user_id: string;
  alert: string;
  created_at: Millis;
  expires_at: Millis;
  used_at: Millis | null;
};

export type SupportTicketCategory = "suspicious_transaction" | "cannot_sign_in" | "account" | "other";
export type SupportTicketStatus = "open" | "answered" | "closed";

/** A support case, quoted by its reference "QN-YYYY-NNNNNN". */
export type SupportTicketsTable = {
  id: string;
  reference: string;
  user_id: string | null;
  category: SupportTicketCategory;
  body: string;
  transaction_id: string | null;
  status: Generated<SupportTicketStatus>;
  /** The contact a visitor proved by code (no account signed in); replies are announced there. */
  contact_email: string | null;
  contact_mobile: string | null;
  locale: string | null;
  created_at: Millis;
  updated_at: Millis;
};

export type SupportMessageAuthor = "user" | "agent";

/** One message in a support conversation; the ticket's opening text is its first. */
export type SupportMessagesTable = {
  id: string;
  ticket_id: string;
  author: SupportMessageAuthor;
  author_user_id: string | null;
  body: string;
  created_at: Millis;
};

/** A screenshot, re-encoded without metadata; bytes are a Buffer on both dialects. */
export type SupportAttachmentsTable = {
  id: string;
  ticket_id: string;
  message_id: string | null;
  mime: string;
  bytes: Buffer;
  size: number;
  width: number;
  height: number;
  created_at: Millis;
};

export type RecoveryStatus = "pending" | "approved" | "refused";

/** An identity-proof recovery request: user_id is the account its identifier named, or null (same row either way). */
export type RecoveryRequestsTable = {
  id: string;
  reference: string;
  user_id: string | null;
  contact_kind: "email" | "mobile";
  contact_hash: string;
  /** Sealed JSON of the new contact, the identifier typed and the answers; null once past retention. */
  evidence_sealed: string | null;
  /** Sealed base64 of the re-encoded ID photo; null once past retention. */
  photo_sealed: string | null;
  status: Generated<RecoveryStatus>;
  created_at: Millis;
  decided_at: Millis | null;
  decided_by: string | null;
  /** After an approval: when the reset link goes to the new contact (the 72 h hold), and when it went. */
  reset_link_due_at: Generated<Millis | null>;
  reset_link_sent_at: Generated<Millis | null>;
};

export type IncidentSeverity = "minor" | "major";
export type IncidentStatus = "investigating" | "identified" | "monitoring" | "resolved";

/** A service incident an agent posts, in both languages; resolved_at is set once, when it ends. */
export type IncidentsTable = {
  id: string;
  title_zh: string;
  title_en: string;
  body_zh: string;
  body_en: string;
  severity: IncidentSeverity;
  /** 1 when users may be unable to sign in, else 0; derived from `features` when the incident is posted. */
  affects_sign_in: number;
  /** The affected features (INCIDENT_FEATURES), a JSON array of names. */
  features: string;
  status: IncidentStatus;
  created_by: string | null;
  created_at: Millis;
  updated_at: Millis;
  resolved_at: Millis | null;
};

/** One step of an incident's timeline: the status it moved to and what was said. */
export type IncidentUpdatesTable = {
  id: string;
  incident_id: string;
  status: IncidentStatus;
  body_zh: string;
  body_en: string;
  agent_id: string | null;
  created_at: Millis;
};

export type ClientPlatform = "ios" | "android" | "harmony";

/** Per platform: the oldest app version still allowed to sign in and the newest one (semver strings). */
export type ClientVersionRulesTable = {
  platform: ClientPlatform;
  minimum: string;
  latest: string;
  update_url: string;
  message_zh: string;
  message_en: string;
  updated_by: string | null;
  updated_at: Millis;
};

export type Database = {
  users: UsersTable;
  sessions: SessionsTable;
  verification_tokens: VerificationTokensTable;
  security_events: SecurityEventsTable;
  transactions: TransactionsTable;
  outbox: OutboxTable;
  sign_in_failures: SignInFailuresTable;
  rate_counters: RateCountersTable;
  unlock_tokens: UnlockTokensTable;
  one_time_codes: OneTimeCodesTable;
  password_history: PasswordHistoryTable;
  totp_credentials: TotpCredentialsTable;
  backup_codes: BackupCodesTable;
  passkeys: PasskeysTable;
  webauthn_challenges: WebauthnChallengesTable;
  trusted_browsers: TrustedBrowsersTable;
  reset_holds: ResetHoldsTable;
  ended_sessions: EndedSessionsTable;
  known_devices: KnownDevicesTable;
  not_me_tokens: NotMeTokensTable;
  support_tickets: SupportTicketsTable;
  support_messages: SupportMessagesTable;
  support_attachments: SupportAttachmentsTable;
  recovery_requests: RecoveryRequestsTable;
  incidents: IncidentsTable;
  incident_updates: IncidentUpdatesTable;
  client_version_rules: ClientVersionRulesTable;
};

export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type Session = Selectable<SessionsTable>;
