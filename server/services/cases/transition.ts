import type { TPrismaClient } from "../../db/client";
import type { Prisma, Role } from "../../db/generated/client";
import type { TRole } from "../../domain/auth/roles";
import { composeAnswerText, checkAnswer, type TAnswerParts } from "../../domain/cases/answer-rules";
import { computeDeadlinesAfter, freezeSla } from "../../domain/cases/clocks";
import { detectNetwork } from "../../domain/cases/network-detect";
import { decideTransition, isHttpUrl, type TCaseEvent, type TTransitionInput } from "../../domain/cases/status-machine";
import { linkPendingEvidence } from "../attachments/link";
import { isUniqueViolation, ServiceError } from "../errors";
import { notifyRoles, notifyUsers } from "./notify";
import { recordDueViolations } from "./record-violations";
import { lockCaseForDrafting } from "./working-draft";
import { notifyBoardChanged } from "../wall/notify-change";

export interface TCaseActor {
  userId: string;
  roles: readonly TRole[];
  departmentId: string | null;
  /** Municipalities this person may act in (a curator: the curated ones). */
  municipalityIds: readonly string[];
}

export interface TTransitionCommand {
  caseId: string;
  event: TCaseEvent;
  input?: TTransitionInput;
  /** submitDraft: the answer's parts (п.9). */
  draft?: TAnswerParts;
  /** The version the person saw; a stale one is refused instead of overwriting a colleague. */
  expectedVersion?: number;
  /** Extra markers for the timeline event's `data` (e.g. `via: "API"` for the curator's system). */
  eventData?: Readonly<Record<string, string | number | boolean>>;
}

const CODE_OF = { ILLEGAL_TRANSITION: "CONFLICT", FORBIDDEN: "FORBIDDEN", INVALID_INPUT: "BAD_REQUEST" } as const;

/**
 * Fires one event of the regulation's state machine on a case. In one transaction: the new
 * status and deadlines, the timeline event, the review decision or draft version, every
 * violation that became due up to this moment, and notifications for whoever acts next. Two
 * people acting on the same case at once: the first to commit wins, the other gets CONFLICT.
 */
export async function applyTransition(
  prisma: TPrismaClient,
  actor: TCaseActor,
  command: TTransitionCommand,
  now: Date,
) {
  try {
    return await runTransition(prisma, actor, command, now);
  } catch (error) {
    // Defence in depth: a draft version taken meanwhile by someone else's write is a stale read.
    if (isUniqueViolation(error)) throw staleError();
    throw error;
  }
}

async function runTransition(prisma: TPrismaClient, actor: TCaseActor, command: TTransitionCommand, now: Date) {
  return prisma.$transaction(async (tx) => {
    if (command.event === "submitDraft") await lockCaseForDrafting(tx, command.caseId);
    const c = await tx.case.findUnique({
      where: { id: command.caseId },
      include: {
        network: { select: { code: true, hosts: true, maxAnswerLength: true } },
        drafts: { orderBy: { version: "desc" }, select: { id: true, version: true, submittedAt: true } },
        violations: { select: { type: true, clockStartedAt: true } },
      },
    });
    if (!c || !actor.municipalityIds.includes(c.municipalityId))
      throw new ServiceError("NOT_FOUND", "Публикация не найдена");
    if (command.expectedVersion !== undefined && command.expectedVersion !== c.version) throw staleError();

    const decision = decideTransition({
      status: c.status,
      event: command.event,
      actorRoles: actor.roles,
      actor: { userId: actor.userId, departmentId: actor.departmentId },
      caseDepartmentId: c.departmentId,
      input: command.input,
    });
    if (!decision.ok) throw new ServiceError(CODE_OF[decision.code], decision.message, decision.field);

    const sla = freezeSla(c);
    const deadlines = {
      routeDueAt: c.routeDueAt,
      draftDueAt: c.draftDueAt,
      answerDueAt: c.answerDueAt,
      forwardDueAt: c.forwardDueAt,
      reworkDueAt: c.reworkDueAt,
      currentClock: c.currentClock,
      currentDueAt: c.currentDueAt,
    };
    const data: Prisma.CaseUncheckedUpdateInput = { status: decision.to, version: { increment: 1 } };
    let draftId: string | null = null;

    switch (decision.event) {
      case "route": {
        const department = await tx.department.findFirst({
          where: { id: decision.departmentId ?? "", municipalityId: c.municipalityId, active: true },
        });
        if (!department) throw new ServiceError("BAD_REQUEST", "Отдел не найден или упразднён", "departmentId");
        if (decision.executorId) {
          const executor = await tx.user.findFirst({
            where: { id: decision.executorId, departmentId: department.id, active: true, roles: { has: "EXECUTOR" } },
          });
          if (!executor) throw new ServiceError("BAD_REQUEST", "Исполнитель не найден в этом отделе", "executorId");
        }
        data.departmentId = department.id;
        data.executorId = decision.executorId ?? null;
        data.routedAt = c.routedAt ?? now;
        break;
      }
      case "submitDraft": {
        if (!command.draft) throw new ServiceError("BAD_REQUEST", "Нет текста проекта ответа", "draft");
        // п.9 completeness, the network's length, and п.11 for a repeated publication.
        const problems = checkAnswer(command.draft, {
          maxAnswerLength: c.network.maxAnswerLength,
          repeated: c.repeated,
        });
        const first = problems[0];
        if (first) throw new ServiceError("BAD_REQUEST", first.message, first.field);
        const lastSubmitted = c.drafts.find((d) => d.submittedAt !== null);
        const version = (lastSubmitted?.version ?? 0) + 1;
        const parts = {
          kind: command.draft.kind,
          measures: command.draft.measures ?? null,
          stages: command.draft.stages ?? null,
          refusalReason: command.draft.refusalReason ?? null,
          legalReferences: [...(command.draft.legalReferences ?? [])],
          text: composeAnswerText(command.draft),
          authorId: actor.userId,
          submittedAt: now,
        };
        // The working draft saved while writing (working-draft.ts) becomes this version, with the
        // text submitted now. Saves wait for this transaction (lockCaseForDrafting).
        const working = c.drafts.find((d) => d.submittedAt === null);
        if (working) {
          const finalised = await tx.answerDraft.updateMany({
            where: { id: working.id, submittedAt: null },
            data: { ...parts, version },
          });
          if (finalised.count !== 1) throw staleError();
          draftId = working.id;
        } else {
          draftId = (await tx.answerDraft.create({ data: { caseId: c.id, version, createdAt: now, ...parts } })).id;
        }
        // Evidence uploaded while drafting travels with the version it was sent with.
        await linkPendingEvidence(tx, c.id, draftId, c.departmentId ?? "");
        data.executorId = c.executorId ?? actor.userId;
        break;
      }
      case "post": {
        // A network without known hosts ("other") accepts any link; the others only their own.
        const posted =
          c.network.hosts.length === 0
            ? { ok: isHttpUrl(decision.answerUrl ?? "") }
            : detectNetwork(decision.answerUrl ?? "", [c.network]);
        if (!posted.ok)
          throw new ServiceError(
            "BAD_REQUEST",
            "Ответ должен быть размещён в той же социальной сети, что и публикация",
            "answerUrl",
          );
        data.postedAnswerUrl = decision.answerUrl;
        data.postedAt = now;
        data.postedById = actor.userId;
        break;
      }
      case "notOurDepartment":
        data.departmentId = null;
        data.executorId = null;
        // The department's unsent text is its own scratch: the next department starts clean.
        await tx.answerDraft.deleteMany({ where: { caseId: c.id, submittedAt: null } });
        break;
      case "decline":
        data.declineReason = decision.reason;
        data.closedAt = now;
        break;
      case "cancel":
        data.cancelReason = decision.reason;
        data.closedAt = now;
        break;
      case "approve":
        data.approvedAt = now;
        break;
      default:
        break;
    }

    if (decision.review) {
      const latest = c.drafts.find((d) => d.submittedAt !== null);
      if (!latest) throw new ServiceError("CONFLICT", "Нет поданного проекта ответа");
      await tx.reviewDecision.create({
        data: {
          caseId: c.id,
          draftId: latest.id,
          stage: decision.review.stage,
          outcome: decision.review.outcome,
          comment: decision.comment,
          decidedById: actor.userId,
          onBehalfOfCurator: decision.onBehalfOfCurator,
          createdAt: now,
        },
      });
    }

    // Violations due up to this moment, judged on the case as it was before this action, so
    // an action taken late is charged in the same transaction (with its timeline event and the
    // deputy head's notification: record-violations.ts, shared with the scheduler's scan).
    const violations = await recordDueViolations(tx, {
      case: c,
      firstDraftSubmittedAt: c.drafts.filter((d) => d.submittedAt).at(-1)?.submittedAt ?? null,
      recorded: c.violations,
      now,
    });

    const next = computeDeadlinesAfter({ deadlines, to: decision.to, at: now, sla });
    Object.assign(data, next);
    // Optimistic concurrency: the update only matches the version this transaction read.
    const updated = await tx.case.updateMany({ where: { id: c.id, version: c.version }, data });
    if (updated.count !== 1) throw staleError();

    const event = await tx.caseEvent.create({
      data: {
        caseId: c.id,
        at: now,
        actorId: actor.userId,
        type: decision.timelineType,
        fromStatus: c.status,
        toStatus: decision.to,
        comment: decision.comment ?? decision.reason ?? null,
        data: {
          ...command.eventData,
          ...(decision.onBehalfOfCurator ? { onBehalfOfCurator: true } : {}),
          ...(draftId ? { draftId } : {}),
          ...(decision.answerUrl ? { answerUrl: decision.answerUrl } : {}),
          ...(decision.event === "route"
            ? { departmentId: data.departmentId as string, executorId: (data.executorId as string | null) ?? null }
            : {}),
        },
      },
    });
    await notifyNext(tx, {
      caseId: c.id,
      number: c.number,
      municipalityId: c.municipalityId,
      to: decision.to,
      event: decision.event,
      eventId: event.id,
      departmentId: (data.departmentId as string | null | undefined) ?? c.departmentId,
      executorId: (data.executorId as string | null | undefined) ?? c.executorId,
      now,
    });
    await notifyBoardChanged(tx, c.municipalityId);
    return { caseId: c.id, status: decision.to, version: c.version + 1, violations: violations.map((v) => v.type) };
  });
}

function staleError() {
  return new ServiceError(
    "CONFLICT",
    "Публикацию только что изменил другой сотрудник. Обновите страницу и проверьте её состояние.",
  );
}

async function notifyNext(
  tx: Prisma.TransactionClient,
  p: {
    caseId: string;
    number: number;
    municipalityId: string;
    to: string;
    event: TCaseEvent;
    eventId: string;
    departmentId: string | null;
    executorId: string | null;
    now: Date;
  },
) {
  const base = { caseId: p.caseId, dedupe: `event:${p.eventId}`, now: p.now };
  const toRoles = (roles: Role[], kind: string, title: string, body: string, departmentId?: string | null) =>
    notifyRoles(tx, { ...base, municipalityId: p.municipalityId, roles, departmentId, kind, title, body });
  switch (p.to) {
    case "NEW":
      return toRoles(
        ["COORDINATOR", "MANAGER"],
        "CASE_BOUNCED",
        `Публикация № ${p.number} возвращена для перенаправления`,
        "Отдел сообщил, что вопрос не в его компетенции: направьте публикацию в другой отдел.",
      );
    case "ASSIGNED":
    case "REWORK": {
      const title =
        p.to === "ASSIGNED"
          ? `Вам направлена публикация № ${p.number}`
          : `Проект ответа № ${p.number} возвращён на доработку`;
      const body =
        p.to === "ASSIGNED"
          ? "Подготовьте проект ответа (п.9, п.10)."
          : "Доработайте проект в течение 30 минут (п.10).";
      if (p.executorId) return notifyUsers(tx, { ...base, userIds: [p.executorId], kind: `CASE_${p.to}`, title, body });
      return toRoles(["EXECUTOR"], `CASE_${p.to}`, title, body, p.departmentId);
    }
    case "INTERNAL_REVIEW":
      return toRoles(
        ["COORDINATOR", "MANAGER"],
        "DRAFT_SUBMITTED",
        `Проект ответа на публикацию № ${p.number}`,
        "Проверьте проект и в течение 30 минут передайте его куратору (п.10).",
      );
    case "AT_CURATOR":
      return toRoles(
        ["CURATOR"],
        "AWAITING_APPROVAL",
        `Проект ответа № ${p.number} на согласовании`,
        "Согласуйте проект ответа или верните его на доработку с замечаниями.",
      );
    case "APPROVED":
      return toRoles(
        ["COORDINATOR"],
        "CASE_APPROVED",
        `Ответ № ${p.number} согласован`,
        "Разместите ответ в социальной сети и укажите ссылку на него (п.8).",
      );
    default:
      return undefined;
  }
}
