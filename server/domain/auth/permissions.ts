import type { TRole } from "./roles";

/**
 * Every action the portal guards. Transport (tRPC procedures, route handlers) and pages ask
 * this one table, so a page never offers what the API would refuse.
 */
export const PERMISSIONS = [
  "portal.use",
  "case.view",
  "case.create",
  "case.route",
  "case.draft",
  "case.review",
  "case.approve",
  "case.approveOnBehalf",
  "case.post",
  "case.decline",
  "case.cancel",
  "case.markSignificant",
  "violations.view",
  "violations.decide",
  "violations.explain",
  "analytics.view",
  "routine.record",
  "case.import",
  "wall.view",
  "admin.users",
  "admin.departments",
  "admin.settings",
  "admin.accounts",
  "admin.apiKeys",
] as const;

export type TPermission = (typeof PERMISSIONS)[number];

/** Role → permissions, from DOMAIN.md "Who uses it" and the regulation's clauses. */
export const ROLE_PERMISSIONS = {
  // п.7, п.10: sends publications, approves or returns drafts.
  CURATOR: ["portal.use", "case.view", "case.create", "case.approve", "case.markSignificant", "analytics.view"],
  // п.2, п.7, п.8, п.10: routes, checks and forwards drafts, posts answers.
  COORDINATOR: [
    "portal.use",
    "case.view",
    "case.create",
    "case.route",
    "case.review",
    "case.approveOnBehalf",
    "case.post",
    "case.decline",
    "case.cancel",
    "case.markSignificant",
    "violations.explain",
    "analytics.view",
    "routine.record",
    "case.import",
    "wall.view",
  ],
  // п.4: own monitoring, directs publications, internal approval.
  MANAGER: [
    "portal.use",
    "case.view",
    "case.create",
    "case.route",
    "case.review",
    "case.markSignificant",
    "violations.explain",
    "analytics.view",
    "routine.record",
    "case.import",
    "wall.view",
  ],
  // п.5, п.9, п.10: drafts and reworks answers.
  EXECUTOR: ["portal.use", "case.view", "case.draft", "violations.explain"],
  // п.12, п.13: violations log and decisions; monthly analysis.
  DEPUTY_HEAD: [
    "portal.use",
    "case.view",
    "case.markSignificant",
    "violations.view",
    "violations.decide",
    "analytics.view",
    "wall.view",
  ],
  // п.13: monthly analytics, immediate reports.
  HEAD: ["portal.use", "case.view", "violations.view", "analytics.view", "wall.view"],
  // IT sector: people, structure, accounts, settings, keys, the wall screen.
  ADMIN: [
    "portal.use",
    "admin.users",
    "admin.departments",
    "admin.settings",
    "admin.accounts",
    "admin.apiKeys",
    "routine.record",
    "wall.view",
  ],
} as const satisfies Record<TRole, readonly TPermission[]>;

export function permissionsOf(roles: readonly TRole[]): ReadonlySet<TPermission> {
  const result = new Set<TPermission>();
  for (const role of roles) {
    for (const permission of ROLE_PERMISSIONS[role]) result.add(permission);
  }
  return result;
}

export function hasPermission(roles: readonly TRole[], permission: TPermission): boolean {
  return roles.some((role) => (ROLE_PERMISSIONS[role] as readonly TPermission[]).includes(permission));
}
