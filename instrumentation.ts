// Next.js calls register() once when a server process starts, before it serves requests.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { prepareDatabaseOrExit } = await import("@/lib/db/prepare");
  await prepareDatabaseOrExit();
}
