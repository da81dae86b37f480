// The one Prisma client of the process, over the embedded database or PostgreSQL. Kept on
// globalThis so that development reloads do not open the embedded database twice.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseConfig, type DatabaseConfig } from "./config";
import { pgDriver, type SqlDriver } from "./driver";
import { PGliteThread } from "./pglite-thread";

export type Database = {
  prisma: PrismaClient;
  /** Raw SQL on the same connection(s): migrations, backups, health checks and the save path. */
  sql: SqlDriver;
  config: DatabaseConfig;
  /**
   * The connections behind it, for the metrics (zelfscan_db_pool_connections): PostgreSQL's pool
   * (open, idle, requests waiting for a connection); the embedded database's one connection in its
   * thread (idle while no statement is in the thread; waiting: the statements queued behind the
   * running one). Absent on a Database made for one transaction (a benchmark's).
   */
  connections?: () => ConnectionCounts;
};

type ConnectionCounts = { total: number; idle: number; waiting: number };

export function createDatabase(config: DatabaseConfig): Database {
  if (config.kind === "postgresql") {
    const pool = new pg.Pool({ connectionString: config.url, max: 10, connectionTimeoutMillis: 5_000 });
    // An idle connection that the server drops must not crash the process; the pool reconnects.
    pool.on("error", () => undefined);
    return {
      prisma: new PrismaClient({ adapter: new PrismaPg(pool) }),
      sql: pgDriver(pool, false),
      config,
      connections: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    };
  }
  const thread = new PGliteThread(config.dataDir);
  return {
    prisma: new PrismaClient({ adapter: thread.prismaAdapter() }),
    sql: thread.sqlDriver(),
    config,
    connections: () => {
      const inThread = thread.pendingRequests;
      return { total: 1, idle: inThread === 0 ? 1 : 0, waiting: Math.max(0, inThread - 1) };
    },
  };
}

const globalForDb = globalThis as unknown as { zelfscanDatabase?: Database };

export function database(): Database {
  globalForDb.zelfscanDatabase ??= createDatabase(databaseConfig());
  return globalForDb.zelfscanDatabase;
}

export function prisma(): PrismaClient {
  return database().prisma;
}
