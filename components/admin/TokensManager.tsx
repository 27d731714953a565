"use client";
import { useState, type FormEvent } from "react";
import type { UserDTO } from "@/common/contracts/dto";
import type { ApiTokenDTO } from "@/server/db/tokens";
import { apiRequest, messageOf } from "./api-request";
import { ConfirmButton } from "./ConfirmButton";
import { DataTable } from "./DataTable";
import { FormAlert, type Notice } from "./FormAlert";
import { FormField } from "./FormField";
import { Panel } from "./Panel";
import { ROLE_NAMES } from "./role-names";
import { Timestamp } from "./Timestamp";
import { buttonStyles, inputStyles } from "./styles";

export function TokensManager({
  initial,
  users,
  selfId,
}: {
  initial: ApiTokenDTO[];
  users: UserDTO[];
  selfId: string;
}) {
  const [tokens, setTokens] = useState(initial);
  const [created, setCreated] = useState<{ token: string; apiToken: ApiTokenDTO } | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const nameOf = (userId: string) => users.find((user) => user.id === userId)?.displayName ?? "Unknown user";

  async function revoke(token: ApiTokenDTO) {
    setNotice(null);
    try {
      await apiRequest("DELETE", `/api/tokens/${encodeURIComponent(token.id)}`);
      const revokedAt = new Date().toISOString();
      setTokens((list) => list.map((t) => (t.id === token.id ? { ...t, revokedAt } : t)));
      if (created?.apiToken.id === token.id) setCreated(null);
      setNotice({ tone: "success", message: `The token “${token.name}” is revoked. Anything using it now gets 401.` });
    } catch (caught) {
      setNotice({ tone: "error", message: messageOf(caught, "The token could not be revoked. Try again.") });
    }
  }

  return (
    <div className="space-y-6">
      <CreateTokenForm
        users={users.filter((user) => user.active)}
        selfId={selfId}
        onCreated={(answer) => {
          setCreated(answer);
          setTokens((list) => [answer.apiToken, ...list]);
        }}
      />
      {created && <NewTokenBox token={created.token} name={created.apiToken.name} onDone={() => setCreated(null)} />}
      <section aria-labelledby="tokens-heading" className="space-y-3">
        <h2 id="tokens-heading" className="text-base font-bold">
          Tokens
        </h2>
        <div aria-live="polite">{notice && <FormAlert tone={notice.tone} message={notice.message} />}</div>
        {tokens.length === 0 ? (
          <p className="rounded border border-dashed border-neutral-300 p-6 text-center text-neutral-600 dark:border-neutral-700">
            No API tokens yet.
          </p>
        ) : (
          <DataTable
            caption="API tokens, newest first"
            columns={["Name", "Acts as", "Created", "Last used", "Status", { label: "Actions", hidden: true }]}
          >
            {tokens.map((token) => (
              <tr
                key={token.id}
                data-token-id={token.id}
                className={token.revokedAt ? "text-neutral-600 dark:text-neutral-400" : ""}
              >
                <th scope="row" className="px-3 py-1.5 font-semibold">
                  {token.name}
                </th>
                <td className="px-3 py-1.5">{nameOf(token.userId)}</td>
                <td className="px-3 py-1.5 whitespace-nowrap">
                  <Timestamp iso={token.createdAt} />
                </td>
                <td className="px-3 py-1.5 whitespace-nowrap">
                  <Timestamp iso={token.lastUsedAt} empty="Never" />
                </td>
                <td className="px-3 py-1.5 whitespace-nowrap">
                  {token.revokedAt ? (
                    <span>
                      Revoked <Timestamp iso={token.revokedAt} />
                    </span>
                  ) : (
                    <span className="rounded bg-green-100 px-1.5 py-0.5 text-xs font-semibold text-green-800 dark:bg-green-950 dark:text-green-300">
                      Active
                    </span>
                  )}
                </td>
                <td className="px-3 py-1.5 text-right">
                  {!token.revokedAt && (
                    <ConfirmButton
                      label="Revoke"
                      ariaLabel={`Revoke ${token.name}`}
                      title={`Revoke “${token.name}”?`}
                      message={`Scripts and feeds using it stop working at once (it acts as ${nameOf(token.userId)}). This cannot be undone.`}
                      confirmLabel="Revoke token"
                      onConfirm={() => revoke(token)}
                    />
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </div>
  );
}

function CreateTokenForm({
  users,
  selfId,
  onCreated,
}: {
  users: UserDTO[];
  selfId: string;
  onCreated: (answer: { token: string; apiToken: ApiTokenDTO }) => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    setBusy(true);
    setError(null);
    try {
      onCreated(
        await apiRequest<{ token: string; apiToken: ApiTokenDTO }>("POST", "/api/tokens", {
          name: data.get("name"),
          userId: data.get("userId"),
        }),
      );
      form.reset();
    } catch (caught) {
      setError(messageOf(caught, "The token could not be created. Try again."));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Panel headingId="create-token-heading" heading="Create a token">
      <form onSubmit={(event) => void submit(event)} className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
        <FormField htmlFor="new-token-name" label="Token name">
          <input
            id="new-token-name"
            name="name"
            required
            maxLength={100}
            placeholder="e.g. Wire feed (Reuters)"
            autoComplete="off"
            className={inputStyles}
          />
        </FormField>
        <FormField htmlFor="new-token-user" label="Acts as">
          <select id="new-token-user" name="userId" defaultValue={selfId} className={inputStyles}>
            {users.map((user) => (
              <option key={user.id} value={user.id}>
                {user.displayName} ({ROLE_NAMES[user.role]})
              </option>
            ))}
          </select>
        </FormField>
        <button type="submit" disabled={busy} className={buttonStyles.primary}>
          Create token
        </button>
      </form>
      {error && (
        <div className="mt-3">
          <FormAlert message={error} />
        </div>
      )}
    </Panel>
  );
}

/** The plain token, shown this once: the server keeps only its hash. */
function NewTokenBox({ token, name, onDone }: { token: string; name: string; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(token);
      setCopied(true);
    } catch {
      // Clipboard access can be refused (no HTTPS, permissions); the field is selectable by hand.
      setCopied(false);
    }
  }
  return (
    <section
      aria-labelledby="new-token-heading"
      className="space-y-2 rounded border border-amber-400 bg-amber-50 p-4 dark:border-amber-700 dark:bg-amber-950"
    >
      <h2 id="new-token-heading" className="text-base font-bold">
        New token “{name}”
      </h2>
      <p role="alert" className="font-medium text-amber-900 dark:text-amber-200">
        Copy this token now. It will not be shown again: Liveline stores only a fingerprint of it.
      </p>
      <div className="flex gap-2">
        <label htmlFor="new-token-value" className="sr-only">
          New API token
        </label>
        <input
          id="new-token-value"
          readOnly
          value={token}
          onFocus={(e) => e.target.select()}
          className={`${inputStyles} font-mono`}
        />
        <button type="button" onClick={() => void copy()} className={buttonStyles.secondary}>
          {copied ? "Copied" : "Copy"}
        </button>
        <button type="button" onClick={onDone} className={buttonStyles.primary}>
          Done
        </button>
      </div>
    </section>
  );
}
