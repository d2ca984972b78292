import "server-only";
import { KyselyAdapter } from "@auth/kysely-adapter";
import type { Adapter } from "next-auth/adapters";
import {
  OperationNodeTransformer,
  type IdentifierNode,
  type Kysely,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from "kysely";
import type { Database } from "@/lib/db/schema";

// The adapter speaks Auth.js's table and column names; ours are snake_case. Only these names differ.
const TO_OURS: Record<string, string> = { User: "users", VerificationToken: "verification_tokens", emailVerified: "email_verified_at" };

class RenameIdentifiers extends OperationNodeTransformer {
  protected override transformIdentifier(node: IdentifierNode): IdentifierNode {
    const name = TO_OURS[node.name];
    return name ? { ...node, name } : node;
  }
}

/** Lets @auth/kysely-adapter read and write our users and verification_tokens tables. */
export class AuthTableNames implements KyselyPlugin {
  readonly #transformer = new RenameIdentifiers();

  transformQuery({ node }: PluginTransformQueryArgs): RootOperationNode {
    return this.#transformer.transformNode(node);
  }

  async transformResult({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const rows = result.rows.map(({ email_verified_at, ...row }) =>
      email_verified_at === undefined ? row : { ...row, emailVerified: email_verified_at },
    );
    return { ...result, rows };
  }
}

/**
 * Auth.js's adapter, used only by the email-link reset: users are never created through it, and a new
 * link replaces every older one for the same address.
 */
export function createAuthAdapter(db: Kysely<Database>): Adapter {
  const authDb = db.withPlugin(new AuthTableNames());
  // The adapter's own Database type names Auth.js's tables; the plugin maps them onto ours.
  const adapter = KyselyAdapter(authDb as unknown as Parameters<typeof KyselyAdapter>[0]);
  return {
    ...adapter,
    async createUser() {
      throw new Error("accounts are never created by the email provider");
    },
    async createVerificationToken(token) {
      await db.deleteFrom("verification_tokens").where("identifier", "=", token.identifier).execute();
      return adapter.createVerificationToken!(token);
    },
  };
}
