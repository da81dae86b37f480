// A minimal SQL connection over either database, used where Prisma does not fit: applying
// migrations, backups and health checks before the client exists, and the two statements of every
// save (the session lookup and the answer write), where Prisma would cost more than the SQL.
import pg from "pg";
import type { DatabaseKind } from "./config";

export interface SqlDriver {
  readonly kind: DatabaseKind;
  /** Runs one or more statements without parameters; answers the rows of the last one. */
  exec(sql: string): Promise<Record<string, unknown>[]>;
  query<T extends Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs `fn` inside one transaction on one connection; rolls back when it throws. */
  transaction<T>(fn: (tx: Pick<SqlDriver, "exec" | "query">) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** The rows of the last statement of a simple query (pg answers an array for several statements). */
const lastRows = (result: pg.QueryResult | pg.QueryResult[]): Record<string, unknown>[] => (Array.isArray(result) ? (result.at(-1)?.rows ?? []) : result.rows);

export function pgDriver(pool: pg.Pool, ownsPool = true): SqlDriver {
  const query = async <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) => (await pool.query<T>(sql, params)).rows;
  return {
    kind: "postgresql",
    exec: async (sql) => lastRows(await pool.query(sql)),
    query,
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await fn({
          exec: async (sql) => lastRows(await client.query(sql)),
          query: async <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) => (await client.query<T>(sql, params)).rows,
        });
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: async () => {
      if (ownsPool) await pool.end();
    },
  };
}
