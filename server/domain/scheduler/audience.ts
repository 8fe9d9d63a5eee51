import type { TRole } from "../auth/roles";
import type { TCaseStatus, TClockKind } from "../cases/case-types";

/**
 * Who must act on a running clock, and so who is reminded before its deadline (DOMAIN.md "Who
 * uses it"). Everything is within the case's municipality; curators are those curating it.
 *
 * - ROUTE and FORWARD: the coordinators and the manager, who route (п.7, п.4) and check and
 *   forward drafts (п.10); they are also told of every new publication and submitted draft.
 * - DRAFT and REWORK: the case's executor, or while none is named every executor of its
 *   department (п.5). A draft clock running before the case was ever routed is late because of
 *   routing, as violations.ts charges it, so then it is the coordinators and the manager.
 * - ANSWER (24 h, п.8): the coordinators and the manager, who post the answer and answer for
 *   the clock, plus whoever holds the case now: its executor while the draft is being written
 *   or reworked, the curator while it waits for approval.
 */
export type TAudience =
  | { kind: "users"; userIds: readonly string[] }
  | { kind: "roles"; roles: readonly TRole[]; departmentId: string | null };

export interface TCaseHolders {
  status: TCaseStatus;
  departmentId: string | null;
  executorId: string | null;
}

const COORDINATION: TAudience = { kind: "roles", roles: ["COORDINATOR", "MANAGER"], departmentId: null };

function executorsOf(c: TCaseHolders): TAudience {
  if (c.executorId !== null) return { kind: "users", userIds: [c.executorId] };
  return { kind: "roles", roles: ["EXECUTOR"], departmentId: c.departmentId };
}

export function findAudience(clock: TClockKind, c: TCaseHolders): TAudience[] {
  switch (clock) {
    case "ROUTE":
    case "FORWARD":
      return [COORDINATION];
    case "DRAFT":
    case "REWORK":
      return c.departmentId === null ? [COORDINATION] : [executorsOf(c)];
    case "ANSWER": {
      if ((c.status === "ASSIGNED" || c.status === "REWORK") && c.departmentId !== null) {
        return [COORDINATION, executorsOf(c)];
      }
      if (c.status === "AT_CURATOR") {
        return [COORDINATION, { kind: "roles", roles: ["CURATOR"], departmentId: null }];
      }
      return [COORDINATION];
    }
  }
}
