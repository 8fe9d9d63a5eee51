/**
 * What the database holds after the storm, read straight from the chaos cluster with SQL (not
 * through the app under test).
 */
import type pg from "pg";
import type { TDelivery } from "./load";

export interface TIntakeAudit {
  casesFound: number;
  recipients: number;
  problems: string[];
}

/**
 * Every accepted publication is one case, whole: the rows the registration writes in its one
 * transaction (the case with its deadlines, the CREATED timeline event, a CASE_RECEIVED
 * notification to each coordinator and manager) are all there; no case exists that no client
 * saw accepted; case numbers have neither gaps nor repeats.
 */
export async function auditIntake(
  client: pg.Client,
  municipalityId: string,
  deliveries: readonly TDelivery[],
  externalIdPrefix: string,
): Promise<TIntakeAudit> {
  const problems: string[] = [];
  const recipients = Number(
    (
      await client.query<{ n: string }>(
        `SELECT count(*) AS n FROM "User"
         WHERE active AND "municipalityId" = $1 AND roles && ARRAY['COORDINATOR','MANAGER']::"Role"[]`,
        [municipalityId],
      )
    ).rows[0]?.n ?? 0,
  );
  if (recipients === 0) problems.push("the demo municipality has no coordinator or manager to notify");

  const { rows } = await client.query<{
    id: string;
    externalId: string;
    deadlines: boolean;
    created_events: number;
    notifications: number;
  }>(
    `SELECT c.id, c."externalId",
       (c."routeDueAt" IS NOT NULL AND c."draftDueAt" IS NOT NULL AND c."answerDueAt" IS NOT NULL
         AND c."currentDueAt" IS NOT NULL AND c."currentClock" = 'ROUTE') AS deadlines,
       (SELECT count(*) FROM "CaseEvent" e WHERE e."caseId" = c.id AND e.type = 'CREATED')::int AS created_events,
       (SELECT count(*) FROM "Notification" n WHERE n."caseId" = c.id AND n.kind = 'CASE_RECEIVED')::int AS notifications
     FROM "Case" c
     WHERE c."municipalityId" = $1 AND c."externalId" LIKE $2`,
    [municipalityId, `${externalIdPrefix}%`],
  );
  const byExternalId = new Map<string, (typeof rows)[number][]>();
  for (const row of rows) byExternalId.set(row.externalId, [...(byExternalId.get(row.externalId) ?? []), row]);

  const accepted = new Map<string, TDelivery>();
  for (const d of deliveries) if (d.caseId) accepted.set(d.externalId, d);
  const report = (what: string, ids: string[]) => {
    if (ids.length > 0) problems.push(`${ids.length} ${what}, e.g. ${ids.slice(0, 5).join(", ")}`);
  };

  report(
    "accepted publication(s) missing from the database",
    [...accepted.keys()].filter((id) => !byExternalId.has(id)),
  );
  report(
    "externalId(s) registered more than once",
    [...byExternalId].filter(([, cases]) => cases.length > 1).map(([id]) => id),
  );
  report(
    "case(s) no client saw accepted (orphans)",
    [...byExternalId.keys()].filter((id) => !accepted.has(id)),
  );
  report(
    "accepted answer(s) naming another case than the database holds",
    [...accepted.values()]
      .filter((d) => {
        const cases = byExternalId.get(d.externalId);
        return cases?.length === 1 && cases[0]?.id !== d.caseId;
      })
      .map((d) => d.externalId),
  );
  report(
    "case(s) without their deadlines",
    rows.filter((r) => !r.deadlines).map((r) => r.externalId),
  );
  report(
    "case(s) without exactly one CREATED timeline event",
    rows.filter((r) => r.created_events !== 1).map((r) => `${r.externalId} (${r.created_events})`),
  );
  report(
    `case(s) without a CASE_RECEIVED notification to each of the ${recipients} coordinators and managers`,
    rows.filter((r) => r.notifications !== recipients).map((r) => `${r.externalId} (${r.notifications})`),
  );

  const numbers = await client.query<{ n: string; distinct_numbers: string; max: number | null; seq: number }>(
    `SELECT count(*) AS n, count(DISTINCT c.number) AS distinct_numbers, max(c.number) AS max,
       (SELECT "caseSeq" FROM "Municipality" WHERE id = $1) AS seq
     FROM "Case" c WHERE c."municipalityId" = $1`,
    [municipalityId],
  );
  const num = numbers.rows[0];
  if (num) {
    const n = Number(num.n);
    if (Number(num.distinct_numbers) !== n || (num.max ?? 0) !== n || num.seq !== n) {
      problems.push(
        `case numbers are not 1…${n} without gaps: ${num.distinct_numbers} distinct, max ${num.max}, counter ${num.seq}`,
      );
    }
  }
  return { casesFound: rows.length, recipients, problems };
}

export interface TViolationRow {
  caseId: string;
  type: string;
  n: number;
}

/** Violations per case and type; more than one of a type on a case that ran its clock once is a duplicate. */
export async function readViolations(client: pg.Client): Promise<TViolationRow[]> {
  const { rows } = await client.query<TViolationRow>(
    `SELECT "caseId", type::text AS type, count(*)::int AS n FROM "Violation" GROUP BY "caseId", type`,
  );
  return rows;
}
