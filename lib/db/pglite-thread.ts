// The embedded database (PGlite) runs in a worker thread of its own (pglite-worker.mjs), so that
// the application's thread serves requests while the database works: on a machine with two cores
// they work side by side, as the application and a PostgreSQL server do. This is the application's
// side: the SQL driver (driver.ts) and the Prisma driver adapter, both sending their statements to
// the thread. Errors come back with their name, message and SQLSTATE, so that callers recognise a
// unique violation or a Prisma driver error exactly as they would without the thread.
import { mkdirSync } from "node:fs";
import { Worker } from "node:worker_threads";
import type { IsolationLevel, SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, SqlResultSet, Transaction } from "@prisma/driver-adapter-utils";
import type { SqlDriver } from "./driver";

type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: Record<string, unknown> & { name: string; message: string } };

function rebuildError(plain: Record<string, unknown> & { name: string; message: string }): Error {
  const { name, message, ...fields } = plain;
  return Object.assign(new Error(message), fields, { name });
}

export class PGliteThread {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private nextId = 1;
  private failure: Error | null = null;
  readonly ready: Promise<void>;

  constructor(dataDir: string) {
    // PGlite creates its own folder but not the folders above it.
    if (!dataDir.includes("://")) mkdirSync(dataDir, { recursive: true });
    this.worker = new Worker(new URL("./pglite-worker.mjs", import.meta.url), { workerData: { dataDir } });
    // Only work in progress keeps the process alive, as with a connection pool.
    this.worker.unref();
    this.worker.on("message", (reply: Reply) => this.settle(reply));
    this.worker.on("error", (error) => this.fail(error));
    this.worker.on("exit", (code) => this.fail(new Error(`De ingebouwde database is gestopt (code ${code}).`)));
    this.ready = this.request<void>({ op: "ready" });
  }

  /** Statements sent to the thread and not yet answered (the running one and those queued behind it). */
  get pendingRequests(): number {
    return this.pending.size;
  }

  request<T>(message: Record<string, unknown>): Promise<T> {
    if (this.failure) {
      // After close (or a crash of the thread) a loop that is still winding down may send one more
      // statement that nobody waits for (seen in CI: pg-boss's polling right after the worker
      // stopped, in a test that then closed the database). Whoever awaits it still gets the error;
      // one nobody awaits is not an unhandled rejection. A new error per statement, so that its
      // stack names the caller.
      const refused = Promise.reject<T>(new Error(this.failure.message, { cause: this.failure }));
      refused.catch(() => undefined);
      return refused;
    }
    const id = this.nextId++;
    if (this.pending.size === 0) this.worker.ref();
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.worker.postMessage({ id, ...message });
    });
  }

  private settle(reply: Reply) {
    const waiting = this.pending.get(reply.id);
    if (!waiting) return;
    this.pending.delete(reply.id);
    if (this.pending.size === 0) this.worker.unref();
    if (reply.ok) waiting.resolve(reply.value);
    else waiting.reject(rebuildError(reply.error));
  }

  private fail(error: Error) {
    this.failure ??= error;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }

  async close(): Promise<void> {
    if (this.failure) return;
    await this.request({ op: "close" });
    this.failure = new Error("De ingebouwde database is gesloten.");
    await this.worker.terminate();
  }

  /** The minimal SQL connection of driver.ts over this thread. */
  sqlDriver(): SqlDriver {
    const scoped = (transaction: number | null): Pick<SqlDriver, "exec" | "query"> => ({
      exec: (sql) => this.request<Record<string, unknown>[]>({ op: "exec", sql, transaction }),
      query: async <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) =>
        (await this.request<{ rows: T[] }>({ op: "query", sql, params, transaction })).rows,
    });
    return {
      kind: "embedded",
      ...scoped(null),
      transaction: async (fn) => {
        const transaction = await this.request<number>({ op: "sql.begin" });
        let result;
        try {
          result = await fn(scoped(transaction));
        } catch (error) {
          await this.request({ op: "sql.end", transaction, commit: false });
          throw error;
        }
        await this.request({ op: "sql.end", transaction, commit: true });
        return result;
      },
      close: () => this.close(),
    };
  }

  /** Prisma's driver adapter, running in the thread (pglite-prisma-adapter) and reached from here. */
  prismaAdapter(): SqlDriverAdapterFactory {
    const info = { provider: "postgres" as const, adapterName: "pglite-prisma-adapter (eigen thread)" };
    const queryable = (transaction: number | null) => ({
      ...info,
      queryRaw: (query: SqlQuery) => this.request<SqlResultSet>({ op: "prisma.queryRaw", query, transaction }),
      executeRaw: (query: SqlQuery) => this.request<number>({ op: "prisma.executeRaw", query, transaction }),
    });
    const adapter: SqlDriverAdapter = {
      ...queryable(null),
      executeScript: (script: string) => this.request<void>({ op: "prisma.executeScript", script }),
      startTransaction: async (isolationLevel?: IsolationLevel): Promise<Transaction> => {
        const { id, options } = await this.request<{ id: number; options: Transaction["options"] }>({ op: "prisma.begin", isolationLevel });
        return {
          ...queryable(id),
          options,
          commit: () => this.request<void>({ op: "prisma.commit", transaction: id }),
          rollback: () => this.request<void>({ op: "prisma.rollback", transaction: id }),
        };
      },
      getConnectionInfo: () => ({ supportsRelationJoins: true }),
      dispose: async () => undefined,
    };
    return { ...info, connect: async () => adapter };
  }
}
