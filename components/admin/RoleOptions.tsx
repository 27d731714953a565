import { ROLE_NAMES, ROLES } from "./role-names";

/** Every role as an <option>, by the name people see, for the role pickers of the users page. */
export function RoleOptions() {
  return ROLES.map((role) => (
    <option key={role} value={role}>
      {ROLE_NAMES[role]}
    </option>
  ));
}
