import "server-only";
import { PostgresAdapter, type Kysely } from "kysely";

// Support conversations: each ticket's messages and its screenshots (kept in the database, so every server
// instance serves them), and the contact a visitor who cannot sign in proved by code.
export async function up(db: Kysely<any>): Promise<void> {
  const binary = db.getExecutor().adapter instanceof PostgresAdapter ? "bytea" : "blob";
  await db.schema
    .alterTable("support_tickets")
    .addColumn("contact_email", "text")
    .execute();
  await db.schema.alterTable("support_tickets").addColumn("contact_mobile", "text").execute();
  // The language replies are announced in, for a visitor without an account.
  await db.schema.alterTable("support_tickets").addColumn("locale", "text").execute();
  await db.schema
    .createTable("support_messages")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("ticket_id", "text", (c) => c.notNull().references("support_tickets.id").onDelete("cascade"))
    .addColumn("author", "text", (c) => c.notNull())
    .addColumn("author_user_id", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("support_messages_ticket").on("support_messages").columns(["ticket_id", "created_at"]).execute();
  await db.schema
    .createTable("support_attachments")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("ticket_id", "text", (c) => c.notNull().references("support_tickets.id").onDelete("cascade"))
    .addColumn("message_id", "text", (c) => c.references("support_messages.id").onDelete("cascade"))
    .addColumn("mime", "text", (c) => c.notNull())
    .addColumn("bytes", binary, (c) => c.notNull())
    .addColumn("size", "integer", (c) => c.notNull())
    .addColumn("width", "integer", (c) => c.notNull())
    .addColumn("height", "integer", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("support_attachments_ticket").on("support_attachments").column("ticket_id").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("support_attachments").execute();
  await db.schema.dropTable("support_messages").execute();
  await db.schema.alterTable("support_tickets").dropColumn("locale").execute();
  await db.schema.alterTable("support_tickets").dropColumn("contact_mobile").execute();
  await db.schema.alterTable("support_tickets").dropColumn("contact_email").execute();
}
