import type { Prisma } from "../../db/generated/client";
import {
  decideSurge,
  settlementSurgeKey,
  surgeAlertBody,
  surgeAlertTitle,
  surgeDedupeKey,
  surgeLockName,
  topicSurgeKey,
  windowMs,
  type TSurgeKey,
  type TSurgeSettings,
} from "../../domain/surges/surge";
import { notifyRoles } from "../cases/notify";

/** The publication just registered, as `registerCase` created it. */
export interface TCreatedCase {
  id: string;
  municipalityId: string;
  receivedAt: Date;
  topicId: string | null;
  settlement: string | null;
}

export interface TSurgeOutcome {
  kind: TSurgeKey["kind"];
  key: string;
  surgeId: string;
  action: "start" | "extend";
}

/**
 * п.13: checks whether the publication just registered makes a surge of its topic or of its
 * settlement (the rule is `server/domain/surges/surge.ts`), and records it: a new surge is
 * written and the head and the deputy head are alerted (SURGE_ALERT, once per surge); a
 * publication of a surge already recorded extends it silently.
 *
 * Runs inside the registering transaction, after the case row is written, so the surge and its
 * alerts exist exactly when the publication does. Detection per key is serialised with a
 * transaction-scoped advisory lock: of two publications registered at the same moment the
 * second waits, then sees the first one and its surge, so a surge is alerted once. (Intake also
 * locks the municipality's row to number cases; the lock here does not rely on that. On the
 * embedded database, one session, the lock is re-entrant and excludes nothing, and is not
 * needed: statements run one at a time there.)
 */
export async function detectSurges(
  tx: Prisma.TransactionClient,
  created: TCreatedCase,
  now: Date,
): Promise<TSurgeOutcome[]> {
  const settlementKey = settlementSurgeKey(created.settlement);
  if (!created.topicId && !settlementKey) return [];

  const municipality = await tx.municipality.findUniqueOrThrow({
    where: { id: created.municipalityId },
    select: { surgeThreshold: true, surgeWindowHours: true, timeZone: true },
  });
  const settings: TSurgeSettings = {
    threshold: municipality.surgeThreshold,
    windowHours: municipality.surgeWindowHours,
  };
  const topic = created.topicId
    ? await tx.topic.findUnique({ where: { id: created.topicId }, select: { id: true, name: true } })
    : null;
  // Always topic first, then settlement: every transaction takes the locks in the same order.
  const keys = [topicSurgeKey(topic), settlementKey].filter((k): k is TSurgeKey => k !== null);

  const outcomes: TSurgeOutcome[] = [];
  for (const key of keys) {
    const outcome = await detectForKey(tx, created, key, settings, municipality.timeZone, now);
    if (outcome) outcomes.push(outcome);
  }
  return outcomes;
}

async function detectForKey(
  tx: Prisma.TransactionClient,
  created: TCreatedCase,
  key: TSurgeKey,
  settings: TSurgeSettings,
  timeZone: string,
  now: Date,
): Promise<TSurgeOutcome | null> {
  const { municipalityId } = created;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${surgeLockName(municipalityId, key)}))`;

  const w = windowMs(settings);
  const from = new Date(created.receivedAt.getTime() - w);
  const to = new Date(created.receivedAt.getTime() + w);
  const others = await loadOthers(tx, created, key, from, to);
  const recorded = await tx.surge.findFirst({
    where: {
      municipalityId,
      kind: key.kind,
      key: key.key,
      lastCaseAt: { gte: from },
      firstCaseAt: { lte: to },
    },
    orderBy: { lastCaseAt: "desc" },
    select: { id: true, firstCaseAt: true, lastCaseAt: true, caseCount: true },
  });

  const decision = decideSurge({
    settings,
    receivedAt: created.receivedAt,
    others: others.map((c) => c.receivedAt),
    recorded,
    now,
  });
  if (decision.action === "none") return null;

  if (decision.action === "extend") {
    await tx.surge.update({
      where: { id: decision.surgeId },
      data: { firstCaseAt: decision.firstCaseAt, lastCaseAt: decision.lastCaseAt, caseCount: decision.caseCount },
    });
    return { kind: key.kind, key: key.key, surgeId: decision.surgeId, action: "extend" };
  }

  // The alert names the surge's first publication and its settlement as that one wrote it.
  const first = others.find((c) => c.receivedAt.getTime() === decision.firstCaseAt.getTime());
  const label = (key.kind === "SETTLEMENT" ? settlementSurgeKey(first?.settlement)?.label : null) ?? key.label;
  const surge = await tx.surge.create({
    data: {
      municipalityId,
      kind: key.kind,
      key: key.key,
      label,
      firstCaseAt: decision.firstCaseAt,
      lastCaseAt: decision.lastCaseAt,
      caseCount: decision.caseCount,
      alertedAt: now,
      createdAt: now,
    },
  });
  // The list of cases has no filter by topic or settlement yet: the alert opens the surge's
  // first publication (the notification's link is its case).
  await notifyRoles(tx, {
    municipalityId,
    roles: ["HEAD", "DEPUTY_HEAD"],
    caseId: first?.id ?? created.id,
    kind: "SURGE_ALERT",
    title: surgeAlertTitle(key.kind, label, decision.caseCount, settings.windowHours),
    body: surgeAlertBody({ firstCaseAt: decision.firstCaseAt, lastCaseAt: decision.lastCaseAt, settings, timeZone }),
    dedupe: surgeDedupeKey(surge.id),
    now,
  });
  return { kind: key.kind, key: key.key, surgeId: surge.id, action: "start" };
}

/**
 * The other counted publications with the key received within W hours either side of the new
 * one, earliest first: a range scan of the (municipalityId, receivedAt) index. Settlements are
 * written in many ways, so their names are compared here, by the domain's normalisation, rather
 * than by the database's collation.
 */
async function loadOthers(
  tx: Prisma.TransactionClient,
  created: TCreatedCase,
  key: TSurgeKey,
  from: Date,
  to: Date,
): Promise<{ id: string; receivedAt: Date; settlement: string | null }[]> {
  const where: Prisma.CaseWhereInput = {
    municipalityId: created.municipalityId,
    receivedAt: { gte: from, lte: to },
    id: { not: created.id },
    // A duplicate or a removed post is not activity.
    status: { not: "CANCELLED" },
    ...(key.kind === "TOPIC" ? { topicId: key.key } : { settlement: { not: null } }),
  };
  const rows = await tx.case.findMany({
    where,
    select: { id: true, receivedAt: true, settlement: true },
    orderBy: [{ receivedAt: "asc" }, { id: "asc" }],
  });
  return key.kind === "TOPIC" ? rows : rows.filter((r) => settlementSurgeKey(r.settlement)?.key === key.key);
}
