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
};

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

export type Database = {
  users: UsersTable;
  sessions: SessionsTable;
  verification_tokens: VerificationTokensTable;
  security_events: SecurityEventsTable;
  transactions: TransactionsTable;
};

export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type Session = Selectable<SessionsTable>;
