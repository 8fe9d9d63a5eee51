import type { TPrismaClient } from "../../db/client";
import { ServiceError } from "../errors";
import { applyTransition, type TCaseActor } from "./transition";

export type TCuratorDecision = "approve" | "reject";

/** The curator's own system, authenticated by an API key of one municipality. */
export interface TCuratorSystemActor {
  municipalityId: string;
  apiKeyId: string;
}

export interface TCuratorDecisionCommand {
  caseId: string;
  decision: TCuratorDecision;
  /** The curator's words; required to reject (what to rework). */
  comment?: string | null;
}

/**
 * Records the curator's decision on a draft delivered by the curator's own system (п.10). No
 * person signs an API call, so the decision is the curator's: the user who curates the
 * municipality (the longest-standing one when there are several), acting through the same
 * state machine as in the portal — same status, role and input rules, same deadlines,
 * violations and notifications. The timeline marks it `via: "API"` with the key used.
 */
export async function recordCuratorDecision(
  prisma: TPrismaClient,
  actor: TCuratorSystemActor,
  command: TCuratorDecisionCommand,
  now: Date,
) {
  const c = await prisma.case.findFirst({
    where: { id: command.caseId, municipalityId: actor.municipalityId },
    select: { id: true },
  });
  if (!c) throw new ServiceError("NOT_FOUND", "Публикация не найдена");

  const curator = await prisma.user.findFirst({
    where: {
      active: true,
      roles: { has: "CURATOR" },
      curatedMunicipalities: { some: { municipalityId: actor.municipalityId } },
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true },
  });
  if (!curator) {
    throw new ServiceError(
      "CONFLICT",
      "За муниципальным образованием не закреплён ни один куратор: решение некому записать. Обратитесь к администратору портала.",
    );
  }

  const caseActor: TCaseActor = {
    userId: curator.id,
    roles: ["CURATOR"],
    departmentId: null,
    municipalityIds: [actor.municipalityId],
  };
  return applyTransition(
    prisma,
    caseActor,
    {
      caseId: c.id,
      event: command.decision,
      input: { comment: command.comment ?? null },
      eventData: { via: "API", apiKeyId: actor.apiKeyId },
    },
    now,
  );
}
