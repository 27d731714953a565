import type { Role } from "@/common/contracts/dto";

/** How the panel names a role in running text ("Signed in as Sam (editor)"). */
export const ROLE_NAMES: Record<Role, string> = { ADMIN: "admin", EDITOR: "editor", JOURNALIST: "journalist" };

export const ROLES: readonly Role[] = ["JOURNALIST", "EDITOR", "ADMIN"];
