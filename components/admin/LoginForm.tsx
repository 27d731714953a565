"use client";
import { useState, type FormEvent } from "react";
import type { UserDTO } from "@/common/contracts/dto";
import { useHydrated } from "@/components/ui/use-hydrated";
import { ApiError, apiRequest } from "./api-request";
import { FormAlert } from "./FormAlert";
import { FormField } from "./FormField";
import { buttonStyles, inputStyles } from "./styles";

export function LoginForm({ next }: { next: string }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Until the script runs, a submit would be the browser's own: a GET with the password in the address.
  const ready = useHydrated();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      await apiRequest<{ user: UserDTO }>("POST", "/api/auth/login", {
        email: form.get("email"),
        password: form.get("password"),
      });
      // A full load: the panel's header is rendered on the server and must learn who signed in.
      window.location.assign(next);
    } catch (caught) {
      setBusy(false);
      if (caught instanceof ApiError && caught.status === 401) setError("The email or password is wrong.");
      else if (caught instanceof ApiError && caught.status === 400)
        setError("Enter a valid email address and your password.");
      else setError("Signing in failed. Check your connection and try again.");
    }
  }

  return (
    <form method="post" onSubmit={(event) => void submit(event)} className="space-y-4">
      <FormAlert message={error} />
      <FormField htmlFor="login-email" label="Email">
        <input
          id="login-email"
          name="email"
          type="email"
          autoComplete="username"
          required
          autoFocus
          className={inputStyles}
          aria-invalid={!!error}
        />
      </FormField>
      <FormField htmlFor="login-password" label="Password">
        <input
          id="login-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className={inputStyles}
          aria-invalid={!!error}
        />
      </FormField>
      <button type="submit" disabled={busy || !ready} className={`${buttonStyles.primary} w-full`}>
        {busy ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
