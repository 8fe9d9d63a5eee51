import { Prisma } from "../../db/generated/client";
import { isTerminalStatus, OPEN_STATUSES, VIOLATION_LABELS } from "../../domain/cases/case-types";
import type { TDetectedViolation } from "../../domain/cases/violations";
import { newRowId, notifyRolesMany } from "../cases/notify";
import { judgeCase, VIOLATION_CASE_SELECT, violationEventData, violationNotice } from "../cases/record-violations";
import { describeError, readWithoutJit, type TTickContext, type TTickMunicipality } from "./context";

// The open statuses spelled out (not "NOT IN the terminal ones"), so the
// (municipalityId, status, currentDueAt) index reads the open cases only, not all of them.
const OPEN_STATUS_LIST = Prisma.raw(OPEN_STATUSES.map((s) => `'${s}'`).join(", "));

/** Cases judged and written per transaction (≈ 50–100 ms for 250 on the bench's data). */
const MAX_CASES_PER_TRANSACTION = 250;

/** What judging a case needs besides its row: per municipality, read once per scan. */
interface TScanLookup {
  coordinatingDepartmentOf: ReadonlyMap<string, string>;
  timeZoneOf: ReadonlyMap<string, string>;
}

/** п.12 for one municipality: `scanViolationsIn` with it alone. */
export function scanViolations(ctx: TTickContext, m: TTickMunicipality): Promise<number> {
  return scanViolationsIn(ctx, [m]);
}

/**
 * п.12: every violation is recorded at the moment it happens, not only when someone next opens
 * or moves the case. Each tick finds the open cases with a clock past its deadline whose
 * violation is not recorded yet, and records it as a late transition would
 * (server/services/cases/record-violations.ts): the violation, its timeline event and the deputy
 * head's notification, in the transaction that holds the case row.
 *
 * The query mirrors `listClockRuns` (server/domain/cases/violations.ts): the clock running now
 * (routing again, forwarding, rework) and the T0 draft and answer clocks, each only while its
 * violation is missing, so a case overdue for days is not looked at again every minute. It runs
 * once for all the municipalities and reads ids only (at most the open cases'). The cases are
 * then judged and written `batchSize` (at most 250) at a time, each batch in one transaction with one insert
 * per table: a batch commits whole or not at all, so no case is ever half-written. A batch that
 * fails (usually a person's change of one of its cases, see below) is done again case by case,
 * so one case's trouble costs only that case.
 */
export async function scanViolationsIn(ctx: TTickContext, municipalities: readonly TTickMunicipality[]) {
  const { prisma, now, batchSize } = ctx;
  if (municipalities.length === 0) return 0;
  const found = await readWithoutJit(
    prisma,
    prisma.$queryRaw<{ id: string; municipalityId: string }[]>`
    SELECT c."id", c."municipalityId" FROM "Case" c
    WHERE c."municipalityId" IN (${Prisma.join(municipalities.map((m) => m.id))})
      AND c."status" IN (${OPEN_STATUS_LIST})
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
    ORDER BY c."id"`,
  );
  if (found.length === 0) return 0;
  // Read only when a case is found: most ticks find none in most municipalities.
  const coordinating = await prisma.department.findMany({
    where: { municipalityId: { in: [...new Set(found.map((f) => f.municipalityId))] }, isCoordinating: true },
    select: { id: true, municipalityId: true },
    orderBy: { id: "asc" },
  });
  const coordinatingDepartmentOf = new Map<string, string>();
  for (const d of coordinating)
    if (!coordinatingDepartmentOf.has(d.municipalityId)) coordinatingDepartmentOf.set(d.municipalityId, d.id);
  const lookup: TScanLookup = {
    coordinatingDepartmentOf,
    timeZoneOf: new Map(municipalities.map((m) => [m.id, m.timeZone])),
  };

  // A batch holds its case rows until it commits: a person acting on one of them waits that long.
  const size = Math.min(batchSize, MAX_CASES_PER_TRANSACTION);
  let recorded = 0;
  for (let i = 0; i < found.length; i += size) {
    const ids = found.slice(i, i + size).map((f) => f.id);
    try {
      recorded += await recordCases(ctx, ids, lookup);
      continue;
    } catch {
      // Nothing of the batch was written; its cases are tried one by one below.
    }
    for (const id of ids) {
      try {
        recorded += await recordCases(ctx, [id], lookup);
      } catch (error) {
        // A person's action on this very case holds what we need: it records the same
        // violations itself (it judges every clock due), and the next tick looks again.
        if (!isLockTimeout(error)) ctx.errors.push(`violations, case ${id}: ${describeError(error)}`);
      }
    }
  }
  return recorded;
}

/** Judges and records the cases `caseIds` in one transaction; returns the violations written. */
async function recordCases(ctx: TTickContext, caseIds: readonly string[], lookup: TScanLookup): Promise<number> {
  return ctx.prisma.$transaction(
    async (tx) => {
      // The case rows first, as a person's change takes them: a case cannot change between this
      // judgement and its commit. One being changed right now is left to that change.
      const locked = await tx.$queryRaw<{ id: string }[]>`
        SELECT "id" FROM "Case" WHERE "id" IN (${Prisma.join(caseIds)})
        ORDER BY "id" FOR NO KEY UPDATE SKIP LOCKED`;
      if (locked.length === 0) return 0;
      // A transition that found the same late clock has inserted its violation before taking the
      // case row; waiting for it while holding the row would deadlock. Give way quickly instead.
      await tx.$executeRaw`SET LOCAL lock_timeout = '250ms'`;
      const cases = await tx.case.findMany({
        where: { id: { in: locked.map((l) => l.id) } },
        select: VIOLATION_CASE_SELECT,
        orderBy: { id: "asc" },
      });
      const detected = cases.flatMap((c) =>
        isTerminalStatus(c.status)
          ? []
          : judgeCase(c, {
              firstDraftSubmittedAt: c.drafts[0]?.submittedAt ?? null,
              coordinatingDepartmentId: lookup.coordinatingDepartmentOf.get(c.municipalityId) ?? null,
              recorded: c.violations,
              now: ctx.now,
            }).map((v) => ({ c, v })),
      );
      if (detected.length === 0) return 0;

      // The unique (caseId, type, clockStartedAt) decides against any other writer: only the
      // rows this insert wrote get their event and notification.
      const rows = detected.map(({ c, v }) => ({ c, v, violationId: newRowId() }));
      const written = await insertViolations(tx, rows, new Date());
      if (written.size === 0) return 0;
      const fresh = rows.filter((r) => written.has(r.violationId));

      // Dated at the deadline, so the timeline places it where it happened, before a late action.
      await insertViolationEvents(tx, fresh);
      await notifyRolesMany(
        tx,
        fresh.map(({ c, v, violationId }) =>
          violationNotice(c, v, violationId, lookup.timeZoneOf.get(c.municipalityId) ?? "Europe/Moscow", ctx.now),
        ),
      );
      return fresh.length;
    },
    { maxWait: 10_000, timeout: 30_000 },
  );
}

interface TViolationRow {
  c: { id: string; municipalityId: string };
  v: TDetectedViolation;
  violationId: string;
}

// Prisma's createMany spends ≈ 0.3 ms a row in the client; the two inserts below are one
// statement each with an array per column (what `insertNotificationRows` does for the
// notifications). They write what `recordDueViolations` writes with createManyAndReturn and
// caseEvent.create, skipping duplicates the same way. Times are sent as UTC instants and stored
// as UTC, as Prisma stores them, whatever the session's time zone.

/** Inserts the violations; returns the ids of those written (not already recorded). */
async function insertViolations(
  tx: Prisma.TransactionClient,
  rows: readonly TViolationRow[],
  writtenAt: Date,
): Promise<Set<string>> {
  const column = <T>(pick: (row: TViolationRow) => T) => rows.map(pick);
  const written = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "Violation"
      ("id", "municipalityId", "caseId", "type", "clockStartedAt", "dueAt", "detectedAt",
       "responsibleUserId", "responsibleDepartmentId", "createdAt")
    SELECT r.id, r.municipality_id, r.case_id, r.type::"ViolationType", r.clock_started_at AT TIME ZONE 'UTC',
      r.due_at AT TIME ZONE 'UTC', r.detected_at AT TIME ZONE 'UTC', r.user_id, r.department_id,
      ${writtenAt.toISOString()}::timestamptz AT TIME ZONE 'UTC'
    FROM unnest(
      ${column((r) => r.violationId)}::text[], ${column((r) => r.c.municipalityId)}::text[],
      ${column((r) => r.c.id)}::text[], ${column((r) => r.v.type)}::text[],
      ${column((r) => r.v.clockStartedAt.toISOString())}::timestamptz[],
      ${column((r) => r.v.dueAt.toISOString())}::timestamptz[],
      ${column((r) => r.v.detectedAt.toISOString())}::timestamptz[],
      ${column((r) => r.v.responsibleUserId)}::text[], ${column((r) => r.v.responsibleDepartmentId)}::text[]
    ) AS r(id, municipality_id, case_id, type, clock_started_at, due_at, detected_at, user_id, department_id)
    ON CONFLICT DO NOTHING
    RETURNING "id"`;
  return new Set(written.map((w) => w.id));
}

/** The timeline's VIOLATION events of the violations written, as `recordDueViolations` writes them. */
async function insertViolationEvents(tx: Prisma.TransactionClient, rows: readonly TViolationRow[]) {
  if (rows.length === 0) return;
  const column = <T>(pick: (row: TViolationRow) => T) => rows.map(pick);
  await tx.$executeRaw`
    INSERT INTO "CaseEvent" ("id", "caseId", "at", "actorId", "type", "comment", "data")
    SELECT r.id, r.case_id, r.at AT TIME ZONE 'UTC', NULL, 'VIOLATION', r.comment, r.data::jsonb
    FROM unnest(
      ${column(() => newRowId())}::text[], ${column((r) => r.c.id)}::text[],
      ${column((r) => r.v.detectedAt.toISOString())}::timestamptz[], ${column((r) => VIOLATION_LABELS[r.v.type])}::text[],
      ${column((r) => JSON.stringify(violationEventData(r.v, r.violationId)))}::text[]
    ) AS r(id, case_id, at, comment, data)`;
}

/** PostgreSQL's lock_not_available (55P03), however Prisma wraps it. */
function isLockTimeout(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { message, meta } = error as { message?: unknown; meta?: unknown };
  const text = `${typeof message === "string" ? message : ""} ${JSON.stringify(meta ?? {})}`;
  return text.includes("55P03") || text.includes("lock timeout");
}
