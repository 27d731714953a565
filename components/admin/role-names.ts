import type { Role } from "@/common/contracts/dto";

/** How the panel names a role in running text ("Signed in as Sam (editor)"), in the order it lists them. */
export const ROLE_NAMES = {
  CONTRIBUTOR: "contributor",
  JOURNALIST: "journalist",
  EDITOR: "editor",
  ADMIN: "admin",
} as const satisfies Record<Role, string>;

/** Every role, least access first (the compiler keeps ROLE_NAMES complete). */
export const ROLES = Object.keys(ROLE_NAMES) as readonly Role[];
