// Ends the session on the server, then loads the login page afresh (no state of the signed-in
// user stays in the page).
export async function logout(target: string): Promise<void> {
  await fetch("/api/sessie", { method: "DELETE", cache: "no-store" }).catch(() => undefined);
  window.location.assign(target);
}
