import { hasPermission } from "../auth/permissions";
import type { TRole } from "../auth/roles";

/**
 * Who may see and who may fill in the routine-post register (п.6).
 *
 * - `routine.record` (coordinator, manager, administrator): records and deletes posts of any
 *   account of their municipality.
 * - The person responsible for an account (whatever their roles): records and deletes posts of
 *   that account, since the Thursday reminder asks exactly them to.
 * - `analytics.view` (head, deputy head): sees the register, read-only; the monthly analysis
 *   draws on it.
 * Everyone else, and anyone without a municipality of their own (a curator), sees nothing.
 */

export interface TRoutineAccess {
  canView: boolean;
  canRecordAll: boolean;
  /** Active accounts the person is responsible for. */
  ownAccountIds: readonly string[];
}

export function routineAccessOf(
  person: { roles: readonly TRole[]; hasMunicipality: boolean },
  ownAccountIds: readonly string[],
): TRoutineAccess {
  if (!person.hasMunicipality) return { canView: false, canRecordAll: false, ownAccountIds: [] };
  const canRecordAll = hasPermission(person.roles, "routine.record");
  return {
    canRecordAll,
    ownAccountIds,
    canView: canRecordAll || ownAccountIds.length > 0 || hasPermission(person.roles, "analytics.view"),
  };
}

export function canRecordOn(access: TRoutineAccess, account: { id: string }): boolean {
  return access.canRecordAll || access.ownAccountIds.includes(account.id);
}
