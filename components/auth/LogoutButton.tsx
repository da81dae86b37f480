"use client";

import { logout } from "./logout";

export function LogoutButton({ className }: { className?: string }) {
  return (
    <button type="button" className={className} onClick={() => logout("/login?uitgelogd=1")}>
      Uitloggen
    </button>
  );
}
