import "server-only";
import type { Kysely } from "kysely";

// Two-step verification: an authenticator app (its secret sealed, not hashed: it must be read back), backup codes
// (hashed, single use), passkeys, SMS codes (a flag on the user; the codes live in one_time_codes), browsers
// trusted to skip the step, the 72-hour hold of a reset without a second factor, and what a session has proved.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("totp_credentials")
    .addColumn("user_id", "text", (c) => c.primaryKey().references("users.id").onDelete("cascade"))
    .addColumn("secret_sealed", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("confirmed_at", "bigint")
    // The last 30-second step whose code was accepted: a code is good once per step.
    .addColumn("last_step", "bigint", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable("backup_codes")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("code_hash", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("used_at", "bigint")
    .execute();
  await db.schema.createIndex("backup_codes_user").on("backup_codes").columns(["user_id", "code_hash"]).execute();
  await db.schema
    .createTable("passkeys")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("public_key", "text", (c) => c.notNull())
    .addColumn("counter", "bigint", (c) => c.notNull().defaultTo(0))
    .addColumn("transports", "text")
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("last_used_at", "bigint")
    .execute();
  await db.schema.createIndex("passkeys_user").on("passkeys").column("user_id").execute();
  await db.schema
    .createTable("webauthn_challenges")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("challenge", "text", (c) => c.notNull())
    .addColumn("user_id", "text", (c) => c.references("users.id").onDelete("cascade"))
    .addColumn("purpose", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("expires_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("trusted_browsers")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("ip", "text")
    .addColumn("user_agent", "text")
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("last_used_at", "bigint", (c) => c.notNull())
    .addColumn("expires_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("trusted_browsers_user").on("trusted_browsers").column("user_id").execute();
  await db.schema
    .createTable("reset_holds")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("cancel_token_hash", "text", (c) => c.notNull().unique())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("effective_at", "bigint", (c) => c.notNull())
    .addColumn("cancelled_at", "bigint")
    .addColumn("applied_at", "bigint")
    .execute();
  await db.schema.createIndex("reset_holds_due").on("reset_holds").columns(["effective_at"]).execute();
  await db.schema.alterTable("users").addColumn("sms_two_step_at", "bigint").execute();
  // The last time this session proved the password or a second factor (changes to sign-in methods want it recent).
  await db.schema.alterTable("sessions").addColumn("proved_at", "bigint").execute();
  // A reset-only session: how the reset was proved ("email" link or "sms" code), and when a second factor was given.
  await db.schema.alterTable("sessions").addColumn("reset_via", "text").execute();
  await db.schema.alterTable("sessions").addColumn("second_factor_at", "bigint").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("sessions").dropColumn("second_factor_at").execute();
  await db.schema.alterTable("sessions").dropColumn("reset_via").execute();
  await db.schema.alterTable("sessions").dropColumn("proved_at").execute();
  await db.schema.alterTable("users").dropColumn("sms_two_step_at").execute();
  for (const table of ["reset_holds", "trusted_browsers", "webauthn_challenges", "passkeys", "backup_codes", "totp_credentials"]) {
    await db.schema.dropTable(table).execute();
  }
}
