// A short-lived connection to PostgreSQL's maintenance database, for creating and dropping the databases that tests,
// end-to-end specs and benches use (shared by test/databases.ts and e2e/support/shared-services.ts).
import pg from "pg";

export async function withAdmin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
