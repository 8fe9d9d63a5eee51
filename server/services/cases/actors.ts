import type { TSessionUser } from "../../auth/session-user";
import type { TCaseReader } from "./queries";
import type { TCaseActor } from "./transition";

/** Executors see their department's cases only; every other reader their municipalities'. */
export function readerOf(user: TSessionUser): TCaseReader {
  const onlyExecutor = user.roles.every((r) => r === "EXECUTOR");
  return {
    municipalityIds: user.municipalityIds,
    ...(onlyExecutor ? { onlyDepartmentId: user.department?.id ?? null } : {}),
  };
}

/** The signed-in person as the case services see an actor. */
export function caseActorOf(user: TSessionUser): TCaseActor {
  return {
    userId: user.id,
    roles: user.roles,
    departmentId: user.department?.id ?? null,
    municipalityIds: user.municipalityIds,
  };
}
