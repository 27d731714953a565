"use client";
import { useState } from "react";
import { useHydrated } from "@/components/ui/use-hydrated";
import { apiRequest } from "./api-request";

export function SignOutButton() {
  const [busy, setBusy] = useState(false);
  // Server-rendered disabled: a click before the page's script has loaded would do nothing at all.
  const ready = useHydrated();
  async function signOut() {
    setBusy(true);
    try {
      await apiRequest("POST", "/api/auth/logout");
    } finally {
      // A full load, so every server-rendered part of the panel forgets the user.
      window.location.assign("/admin/login");
    }
  }
  return (
    <button
      type="button"
      onClick={() => void signOut()}
      disabled={busy || !ready}
      className="rounded border border-neutral-600 px-2 py-1 text-sm font-medium text-neutral-100 hover:bg-neutral-800 disabled:opacity-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white"
    >
      Sign out
    </button>
  );
}
