import { Prisma } from "../../db/generated/client";
import { isTerminalStatus, OPEN_STATUSES } from "../../domain/cases/case-types";
import { recordDueViolations, VIOLATION_CASE_SELECT } from "../cases/record-violations";
import { describeError, type TTickContext, type TTickMunicipality } from "./context";

// The open statuses spelled out (not "NOT IN the terminal ones"), so the
// (municipalityId, status, currentDueAt) index reads the open cases only, not all of them.
const OPEN_STATUS_LIST = Prisma.raw(OPEN_STATUSES.map((s) => `'${s}'`).join(", "));

/**
 * п.12: every violation is recorded at the moment it happens, not only when someone next opens
 * or moves the case. Each tick finds the open cases with a clock past its deadline whose
 * violation is not recorded yet, and records it through the same code as a late transition.
 *
 * The query mirrors `listClockRuns` (server/domain/cases/violations.ts): the clock running now
 * (routing again, forwarding, rework) and the T0 draft and answer clocks, each only while its
 * violation is missing, so a case overdue for days is not looked at again every minute. It
 * reads ids only, a batch at a time; each case is then judged and written in its own short
 * transaction.
 */
export async function scanViolations(ctx: TTickContext, m: TTickMunicipality): Promise<number> {
  const { prisma, now, batchSize } = ctx;
  // Read when a case is found: most ticks find none in most municipalities.
  let coordinating: Promise<{ id: string } | null> | null = null;
  const coordinatingDepartment = () =>
    (coordinating ??= prisma.department.findFirst({
      where: { municipalityId: m.id, isCoordinating: true },
      select: { id: true },
    }));
  let cursor = "";
  let recorded = 0;
  for (;;) {
    const batch = await prisma.$queryRaw<{ id: string }[]>`
      SELECT c."id" FROM "Case" c
      WHERE c."municipalityId" = ${m.id}
        AND c."status" IN (${OPEN_STATUS_LIST})
        AND c."id" > ${cursor}
        AND (
          (c."currentClock" IN ('ROUTE', 'FORWARD', 'REWORK') AND c."currentDueAt" < ${now}
            AND NOT EXISTS (SELECT 1 FROM "Violation" v WHERE v."caseId" = c."id"
              AND v."type"::text = c."currentClock"::text || '_LATE' AND v."dueAt" = c."currentDueAt"))
          OR (c."answerDueAt" < ${now}
            AND NOT EXISTS (SELECT 1 FROM "Violation" v WHERE v."caseId" = c."id" AND v."type" = 'ANSWER_LATE'))
          OR (c."draftDueAt" < ${now}
            AND NOT EXISTS (SELECT 1 FROM "AnswerDraft" d WHERE d."caseId" = c."id" AND d."submittedAt" IS NOT NULL)
            AND NOT EXISTS (SELECT 1 FROM "Violation" v WHERE v."caseId" = c."id" AND v."type" = 'DRAFT_LATE'))
        )
      ORDER BY c."id"
      LIMIT ${batchSize}`;
    for (const { id } of batch) {
      try {
        recorded += await recordForCase(ctx, id, (await coordinatingDepartment())?.id ?? null);
      } catch (error) {
        // A person's action on this very case holds what we need: it records the same
        // violations itself (it judges every clock due), and the next tick looks again.
        if (!isLockTimeout(error)) ctx.errors.push(`violations, case ${id}: ${describeError(error)}`);
      }
    }
    const last = batch.at(-1);
    if (!last || batch.length < batchSize) return recorded;
    cursor = last.id;
  }
}

async function recordForCase(ctx: TTickContext, caseId: string, coordinatingDepartmentId: string | null) {
  return ctx.prisma.$transaction(
    async (tx) => {
      // The case row first, as a person's change takes it: the case cannot change between this
      // judgement and its commit. One being changed right now is left to that change.
      const locked = await tx.$queryRaw<{ id: string }[]>`
        SELECT "id" FROM "Case" WHERE "id" = ${caseId} FOR NO KEY UPDATE SKIP LOCKED`;
      if (locked.length === 0) return 0;
      // A transition that found the same late clock has inserted its violation before taking the
      // case row; waiting for it while holding the row would deadlock. Give way quickly instead.
      await tx.$executeRaw`SET LOCAL lock_timeout = '250ms'`;
      const c = await tx.case.findUnique({ where: { id: caseId }, select: VIOLATION_CASE_SELECT });
      if (!c || isTerminalStatus(c.status)) return 0;
      const written = await recordDueViolations(tx, {
        case: c,
        firstDraftSubmittedAt: c.drafts[0]?.submittedAt ?? null,
        recorded: c.violations,
        now: ctx.now,
        coordinatingDepartmentId,
      });
      return written.length;
    },
    { maxWait: 10_000, timeout: 30_000 },
  );
}

/** PostgreSQL's lock_not_available (55P03), however Prisma wraps it. */
function isLockTimeout(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { message, meta } = error as { message?: unknown; meta?: unknown };
  const text = `${typeof message === "string" ? message : ""} ${JSON.stringify(meta ?? {})}`;
  return text.includes("55P03") || text.includes("lock timeout");
}
