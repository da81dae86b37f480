// The embedded database's own thread (see pglite-thread.ts). PGlite is PostgreSQL compiled to
// WebAssembly and runs on the thread that opens it; here that is a worker thread, so that the
// application's thread handles requests while the database works, as it would with a database
// server. Plain JavaScript, so that Node.js can start it as it is (tests, scripts); in the Next.js
// build Turbopack bundles it as a worker of its own (new Worker(new URL(...)) in pglite-thread.ts).
//
// It holds the one PGlite instance of the process and, for Prisma, the PGlite driver adapter, and
// answers the requests of pglite-thread.ts: { id, op, ... } -> { id, ok, value | error }.
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";

const db = new PGlite(workerData.dataDir);
const adapter = db.waitReady.then(() => new PrismaPGlite(db).connect());

/** Open transactions by id: Prisma's (adapter transactions) and the SQL driver's. */
const transactions = new Map();
let nextTransaction = 1;

function deferred() {
  let resolve, reject;
  const promise = new Promise((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

function sqlScope(transactionId) {
  if (!transactionId) return db;
  const entry = transactions.get(transactionId);
  if (!entry || entry.kind !== "sql") throw new Error(`Onbekende transactie ${transactionId}`);
  return entry.scope;
}

async function handle(request) {
  switch (request.op) {
    case "ready":
      await db.waitReady;
      await adapter;
      return null;
    case "query": {
      const result = await sqlScope(request.transaction).query(request.sql, request.params);
      return { rows: result.rows };
    }
    case "exec": {
      // The rows of the last statement, as pg answers a simple query (pg-boss reads them).
      const results = await sqlScope(request.transaction).exec(request.sql);
      return results.at(-1)?.rows ?? [];
    }
    case "sql.begin": {
      // PGlite's own transaction, held open until the main thread ends it; other work waits.
      const started = deferred();
      const end = deferred();
      const id = nextTransaction++;
      const entry = { kind: "sql", scope: null, end };
      transactions.set(id, entry);
      entry.done = db
        .transaction(async (tx) => {
          entry.scope = tx;
          started.resolve();
          if (!(await end.promise)) await tx.rollback();
        })
        .finally(() => transactions.delete(id));
      entry.done.catch(() => undefined);
      await Promise.race([started.promise, entry.done]);
      return id;
    }
    case "sql.end": {
      const entry = transactions.get(request.transaction);
      if (!entry || entry.kind !== "sql") throw new Error(`Onbekende transactie ${request.transaction}`);
      entry.end.resolve(request.commit);
      await entry.done;
      return null;
    }
    case "prisma.queryRaw":
    case "prisma.executeRaw": {
      const target = request.transaction ? transactions.get(request.transaction)?.tx : await adapter;
      if (!target) throw new Error(`Onbekende transactie ${request.transaction}`);
      return request.op === "prisma.queryRaw" ? target.queryRaw(request.query) : target.executeRaw(request.query);
    }
    case "prisma.executeScript":
      return (await adapter).executeScript(request.script);
    case "prisma.begin": {
      const tx = await (await adapter).startTransaction(request.isolationLevel);
      const id = nextTransaction++;
      transactions.set(id, { kind: "prisma", tx });
      return { id, options: tx.options };
    }
    case "prisma.commit":
    case "prisma.rollback": {
      const entry = transactions.get(request.transaction);
      if (!entry || entry.kind !== "prisma") throw new Error(`Onbekende transactie ${request.transaction}`);
      transactions.delete(request.transaction);
      return request.op === "prisma.commit" ? entry.tx.commit() : entry.tx.rollback();
    }
    case "close":
      await db.close();
      return null;
    default:
      throw new Error(`Onbekende opdracht ${request.op}`);
  }
}

/** What the main thread needs of an error to rebuild it: name, message, SQLSTATE and the like. */
function plainError(error) {
  if (!(error instanceof Error)) return { name: "Error", message: String(error) };
  const fields = {};
  for (const [key, value] of Object.entries(error)) {
    if (value === undefined || typeof value === "function") continue;
    fields[key] = typeof value === "object" && value !== null ? JSON.parse(JSON.stringify(value)) : value;
  }
  return { ...fields, name: error.name, message: error.message };
}

parentPort.on("message", async ({ id, ...request }) => {
  try {
    parentPort.postMessage({ id, ok: true, value: await handle(request) });
  } catch (error) {
    parentPort.postMessage({ id, ok: false, error: plainError(error) });
  }
});
