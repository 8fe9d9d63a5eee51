/** The roles of the regulation (see DOMAIN.md "Who uses it"). A user may hold several. */
export const ROLES = ["CURATOR", "COORDINATOR", "MANAGER", "EXECUTOR", "DEPUTY_HEAD", "HEAD", "ADMIN"] as const;

export type TRole = (typeof ROLES)[number];

export const ROLE_LABELS = {
  CURATOR: "Куратор",
  COORDINATOR: "Координатор (отдел по организационным вопросам)",
  MANAGER: "Управляющий делами",
  EXECUTOR: "Исполнитель",
  DEPUTY_HEAD: "Заместитель главы",
  HEAD: "Глава Администрации",
  ADMIN: "Администратор (сектор ИТ)",
} as const satisfies Record<TRole, string>;

export const ROLE_SHORT_LABELS = {
  CURATOR: "Куратор",
  COORDINATOR: "Координатор",
  MANAGER: "Управляющий делами",
  EXECUTOR: "Исполнитель",
  DEPUTY_HEAD: "Заместитель главы",
  HEAD: "Глава",
  ADMIN: "Администратор",
} as const satisfies Record<TRole, string>;

export function isRole(value: unknown): value is TRole {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/**
 * Which roles a user may combine. A curator works for the regional government and spans
 * several municipalities, so it cannot also hold a municipal role.
 */
export function checkRoleCombination(roles: readonly TRole[]): string | null {
  if (roles.length === 0) return "Назначьте пользователю хотя бы одну роль";
  if (new Set(roles).size !== roles.length) return "Роль указана дважды";
  if (roles.includes("CURATOR") && roles.length > 1) {
    return "Куратор представляет региональное правительство и не может совмещать роли администрации";
  }
  return null;
}
