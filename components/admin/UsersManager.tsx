"use client";
import { useState, type FormEvent } from "react";
import type { Role, UserDTO } from "@/common/contracts/dto";
import type { UpdateUserInput } from "@/common/contracts/schemas";
import { apiRequest, messageOf } from "./api-request";
import { ConfirmButton } from "./ConfirmButton";
import { DataTable } from "./DataTable";
import { FormAlert, type Notice } from "./FormAlert";
import { FormField } from "./FormField";
import { Panel } from "./Panel";
import { ROLE_NAMES } from "./role-names";
import { RoleOptions } from "./RoleOptions";
import { buttonStyles, inputStyles } from "./styles";
import { LiveListStatus } from "./LiveListStatus";
import { useLiveList } from "./use-live-list";

export function UsersManager({ initial, selfId }: { initial: UserDTO[]; selfId: string }) {
  const [users, setUsers] = useState(initial);
  const [notice, setNotice] = useState<Notice | null>(null);
  // Another admin's changes show without a reload.
  const live = useLiveList({ list: "users" }, async () => {
    setUsers((await apiRequest<{ users: UserDTO[] }>("GET", "/api/users")).users);
  });

  async function update(user: UserDTO, change: UpdateUserInput, done: string) {
    setNotice(null);
    try {
      const answer = await apiRequest<{ user: UserDTO }>("PATCH", `/api/users/${encodeURIComponent(user.id)}`, change);
      setUsers((list) => list.map((u) => (u.id === user.id ? answer.user : u)));
      setNotice({ tone: "success", message: done });
    } catch (caught) {
      setNotice({ tone: "error", message: messageOf(caught, `${user.displayName} could not be changed. Try again.`) });
    }
  }

  return (
    <div className="space-y-6">
      <CreateUserForm
        onCreated={(user) => setUsers((list) => (list.some((u) => u.id === user.id) ? list : [...list, user]))}
      />
      <section aria-labelledby="users-heading" className="space-y-3">
        <h2 id="users-heading" className="text-base font-bold">
          Everyone with access{" "}
          <span className="font-normal text-neutral-600 dark:text-neutral-400">({users.length})</span>
        </h2>
        <LiveListStatus state={live} />
        <div aria-live="polite">{notice && <FormAlert tone={notice.tone} message={notice.message} />}</div>
        <DataTable caption="Users" columns={["Name", "Email", "Role", "Access", { label: "Actions", hidden: true }]}>
          {users.map((user) => {
            const self = user.id === selfId;
            return (
              <tr
                key={user.id}
                data-email={user.email}
                className={user.active ? "" : "text-neutral-600 dark:text-neutral-400"}
              >
                <th scope="row" className="px-3 py-1.5 font-semibold">
                  {user.displayName}
                  {self && <span className="ml-1 font-normal text-neutral-600 dark:text-neutral-400">(you)</span>}
                </th>
                <td className="px-3 py-1.5">{user.email}</td>
                <td className="px-3 py-1.5">
                  <label htmlFor={`role-${user.id}`} className="sr-only">
                    Role of {user.displayName}
                  </label>
                  <select
                    id={`role-${user.id}`}
                    value={user.role}
                    disabled={self}
                    title={self ? "You cannot change your own role" : undefined}
                    onChange={(e) => {
                      const role = e.target.value as Role;
                      void update(
                        user,
                        { role },
                        `${user.displayName} is now ${/^[aeiou]/.test(ROLE_NAMES[role]) ? "an" : "a"} ${ROLE_NAMES[role]}.`,
                      );
                    }}
                    className={`${inputStyles} w-auto py-1`}
                  >
                    <RoleOptions />
                  </select>
                </td>
                <td className="px-3 py-1.5">
                  {user.active ? (
                    <span className="rounded bg-green-100 px-1.5 py-0.5 text-xs font-semibold text-green-800 dark:bg-green-950 dark:text-green-300">
                      Active
                    </span>
                  ) : (
                    <span className="rounded bg-neutral-200 px-1.5 py-0.5 text-xs font-semibold text-neutral-700 dark:bg-neutral-800 dark:text-neutral-300">
                      Deactivated
                    </span>
                  )}
                </td>
                <td className="px-3 py-1.5 text-right">
                  {self ? null : user.active ? (
                    <ConfirmButton
                      label="Deactivate"
                      ariaLabel={`Deactivate ${user.displayName}`}
                      title={`Deactivate ${user.displayName}?`}
                      message="They are signed out at once, their API tokens stop working and they cannot sign in until you reactivate them. Their entries stay published."
                      confirmLabel="Deactivate"
                      onConfirm={() => update(user, { active: false }, `${user.displayName} is deactivated.`)}
                    />
                  ) : (
                    <ConfirmButton
                      label="Reactivate"
                      ariaLabel={`Reactivate ${user.displayName}`}
                      title={`Reactivate ${user.displayName}?`}
                      message="They can sign in again with their password."
                      confirmLabel="Reactivate"
                      tone="primary"
                      onConfirm={() => update(user, { active: true }, `${user.displayName} is active again.`)}
                    />
                  )}
                </td>
              </tr>
            );
          })}
        </DataTable>
      </section>
    </div>
  );
}

function CreateUserForm({ onCreated }: { onCreated: (user: UserDTO) => void }) {
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const given = data.get("displayName");
    const displayName = typeof given === "string" ? given.trim() : "";
    setBusy(true);
    setNotice(null);
    try {
      const { user } = await apiRequest<{ user: UserDTO }>("POST", "/api/users", {
        email: data.get("email"),
        ...(displayName ? { displayName } : {}),
        role: data.get("role"),
        password: data.get("password"),
      });
      onCreated(user);
      form.reset();
      setNotice({
        tone: "success",
        message: `${user.displayName} (${user.email}) can now sign in as ${ROLE_NAMES[user.role]}.`,
      });
    } catch (caught) {
      setNotice({ tone: "error", message: messageOf(caught, "The user could not be created. Try again.") });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Panel headingId="create-user-heading" heading="Add a user">
      <form
        onSubmit={(event) => void submit(event)}
        className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[1fr_1fr_10rem_1fr_auto] lg:items-end"
      >
        <FormField htmlFor="new-user-email" label="Email">
          <input id="new-user-email" name="email" type="email" required autoComplete="off" className={inputStyles} />
        </FormField>
        <FormField htmlFor="new-user-name" label="Name">
          <input id="new-user-name" name="displayName" maxLength={100} autoComplete="off" className={inputStyles} />
        </FormField>
        <FormField htmlFor="new-user-role" label="Role">
          <select id="new-user-role" name="role" defaultValue="JOURNALIST" className={inputStyles}>
            <RoleOptions />
          </select>
        </FormField>
        <FormField htmlFor="new-user-password" label="Initial password">
          <input
            id="new-user-password"
            name="password"
            type="password"
            required
            minLength={8}
            maxLength={200}
            autoComplete="new-password"
            aria-describedby="new-user-password-hint"
            className={inputStyles}
          />
          <p id="new-user-password-hint" className="sr-only">
            At least 8 characters. Give it to them in person or over a secure channel.
          </p>
        </FormField>
        <button type="submit" disabled={busy} className={buttonStyles.primary}>
          Create user
        </button>
      </form>
      <div className="mt-3" aria-live="polite">
        {notice && <FormAlert tone={notice.tone} message={notice.message} />}
      </div>
    </Panel>
  );
}
