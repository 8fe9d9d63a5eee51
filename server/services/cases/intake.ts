import type { TPrismaClient } from "../../db/client";
import { Prisma, type Case, type CaseSource } from "../../db/generated/client";
import { computeInitialDeadlines, freezeSla } from "../../domain/cases/clocks";
import { detectNetwork } from "../../domain/cases/network-detect";
import { isUniqueViolation, ServiceError } from "../errors";
import { notifyRoles, notifyUsers } from "./notify";
import { detectSurges } from "../surges/detect";
import { notifyBoardChanged } from "../wall/notify-change";

/** How far in the future a receipt time may be (clock skew between systems). */
export const RECEIVED_AT_TOLERANCE_MS = 5 * 60_000;

export interface TIntakeInput {
  source: CaseSource;
  url: string;
  text: string;
  /** A network code; detected from the URL when absent. */
  network?: string | null;
  authorName?: string | null;
  authorUrl?: string | null;
  publishedAt?: Date | null;
  /** T0; defaults to now. May be in the past (late delivery happens and is audited). */
  receivedAt?: Date | null;
  externalId?: string | null;
  topicId?: string | null;
  address?: string | null;
  settlement?: string | null;
  significant?: boolean;
  significanceReason?: string | null;
  repeatOfId?: string | null;
}

export interface TIntakeActor {
  /** Null when the curator's system delivers through the API. */
  userId: string | null;
  municipalityId: string;
  via: "UI" | "API";
  apiKeyId?: string;
}

export type TIntakeResult = { created: boolean; caseId: string };

/** The case row as registered, with its network's code: enough to answer without reading it back. */
export type TRegisteredCase = Case & { networkCode: string };

/** `registerCase` for callers that answer with the new case: the row it wrote, when it wrote one. */
export type TIntakeOutcome =
  { created: true; caseId: string; registered: TRegisteredCase } | { created: false; caseId: string };

/**
 * Registers a publication: numbers it, freezes the municipality's clock lengths into it, sets
 * the deadlines from T0, writes the timeline and tells the coordinators (and, when socially
 * significant or the start of a surge of activity, the head and the deputy head). An
 * `externalId` seen before returns the case already registered, also when two deliveries race.
 */
export async function registerCase(
  prisma: TPrismaClient,
  actor: TIntakeActor,
  input: TIntakeInput,
  now: Date,
): Promise<TIntakeResult> {
  const { created, caseId } = await registerCaseReturningRow(prisma, actor, input, now);
  return { created, caseId };
}

/**
 * `registerCase`, also handing back the row it wrote (the REST intake answers with it instead of
 * reading the case back: a new case has no department, drafts, decisions or violations yet).
 */
export async function registerCaseReturningRow(
  prisma: TPrismaClient,
  actor: TIntakeActor,
  input: TIntakeInput,
  now: Date,
): Promise<TIntakeOutcome> {
  const { existing, networks, coordinators } = await loadIntakeContext(
    prisma,
    actor.municipalityId,
    input.externalId ?? null,
  );
  if (existing) return { created: false, caseId: existing };
  const receivedAt = input.receivedAt ?? now;
  if (receivedAt.getTime() > now.getTime() + RECEIVED_AT_TOLERANCE_MS) {
    throw new ServiceError(
      "BAD_REQUEST",
      "Время поступления не может быть позже текущего более чем на 5 минут",
      "receivedAt",
    );
  }
  if (input.publishedAt && input.publishedAt.getTime() > receivedAt.getTime() + RECEIVED_AT_TOLERANCE_MS) {
    throw new ServiceError("BAD_REQUEST", "Публикация не может быть опубликована позже, чем поступила", "publishedAt");
  }

  let network = input.network ? networks.find((n) => n.code === input.network?.toUpperCase()) : undefined;
  if (input.network && !network) throw new ServiceError("BAD_REQUEST", "Неизвестная социальная сеть", "network");
  const detected = detectNetwork(input.url, networks);
  if (!detected.ok && detected.reason === "INVALID_URL") throw new ServiceError("BAD_REQUEST", detected.message, "url");
  if (!network) {
    network = detected.ok ? networks.find((n) => n.code === detected.code) : networks.find((n) => n.code === "OTHER");
    if (!network)
      throw new ServiceError("BAD_REQUEST", "Не удалось определить социальную сеть по ссылке: укажите её", "network");
  } else if (detected.ok && detected.code !== network.code) {
    throw new ServiceError("BAD_REQUEST", "Ссылка ведёт в другую социальную сеть, чем указано", "url");
  }

  try {
    return await prisma.$transaction(async (tx) => {
      // The row lock on the municipality serialises numbering: numbers have no gaps or repeats.
      const municipality = await tx.municipality.update({
        where: { id: actor.municipalityId },
        data: { caseSeq: { increment: 1 } },
      });
      if (input.topicId)
        await requireInMunicipality(tx.topic, input.topicId, actor.municipalityId, "topicId", "Тема не найдена");
      if (input.repeatOfId) {
        await requireInMunicipality(
          tx.case,
          input.repeatOfId,
          actor.municipalityId,
          "repeatOfId",
          "Исходная публикация не найдена",
        );
      }
      const sla = freezeSla(municipality);
      const deadlines = computeInitialDeadlines(receivedAt, sla);
      const created = await tx.case.create({
        data: {
          municipalityId: actor.municipalityId,
          number: municipality.caseSeq,
          source: input.source,
          networkId: network.id,
          postUrl: input.url.trim(),
          authorName: input.authorName ?? null,
          authorUrl: input.authorUrl ?? null,
          text: input.text,
          publishedAt: input.publishedAt ?? null,
          receivedAt,
          externalId: input.externalId ?? null,
          topicId: input.topicId ?? null,
          address: input.address ?? null,
          settlement: input.settlement ?? null,
          significant: input.significant ?? false,
          significantAt: input.significant ? now : null,
          repeated: Boolean(input.repeatOfId),
          repeatOfId: input.repeatOfId ?? null,
          ...sla,
          ...deadlines,
          createdById: actor.userId,
          createdAt: now,
        },
      });
      await tx.caseEvent.create({
        data: {
          caseId: created.id,
          at: now,
          actorId: actor.userId,
          type: "CREATED",
          toStatus: "NEW",
          data: {
            via: actor.via,
            ...(actor.apiKeyId ? { apiKeyId: actor.apiKeyId } : {}),
            // Delivered after the fact: T0 is in the past, and the audit says so.
            ...(receivedAt.getTime() < now.getTime() - 60_000
              ? { lateDeliveryMinutes: Math.round((now.getTime() - receivedAt.getTime()) / 60_000) }
              : {}),
          },
        },
      });
      // The recipients were read with the networks, before the lock: one statement less while
      // the municipality's numbering is held. Same people as notifyRoles(COORDINATOR, MANAGER).
      await notifyUsers(tx, {
        userIds: coordinators,
        caseId: created.id,
        kind: "CASE_RECEIVED",
        title: `Новая публикация № ${created.number}`,
        body: "Направьте публикацию в ответственный отдел в течение 30 минут (п.7).",
        dedupe: `received:${created.id}`,
        now,
      });
      if (input.significant) {
        await tx.caseEvent.create({
          data: {
            caseId: created.id,
            at: now,
            actorId: actor.userId,
            type: "MARKED_SIGNIFICANT",
            comment: input.significanceReason ?? null,
          },
        });
        await notifyRoles(tx, {
          municipalityId: actor.municipalityId,
          roles: ["HEAD", "DEPUTY_HEAD"],
          caseId: created.id,
          kind: "SIGNIFICANT_ALERT",
          title: `Социально значимая публикация № ${created.number}`,
          body: input.significanceReason ?? "Публикация отмечена как социально значимая (п.13).",
          dedupe: `significant:${created.id}`,
          now,
        });
      }
      // п.13: several publications on its topic or settlement in a short time are a surge.
      await detectSurges(tx, created, now);
      await notifyBoardChanged(tx, actor.municipalityId);
      return { created: true as const, caseId: created.id, registered: { ...created, networkCode: network.code } };
    });
  } catch (error) {
    // A concurrent delivery of the same externalId won the race: answer with its case.
    if (input.externalId && isUniqueViolation(error)) {
      const existing = await findByExternalId(prisma, actor.municipalityId, input.externalId);
      if (existing) return { created: false, caseId: existing };
    }
    throw error;
  }
}

/**
 * What every delivery needs before it takes the numbering lock, in one round trip: the case
 * already registered under `externalId` (null when none or no id), the active networks, and the
 * municipality's active coordinators and managers (who are told of a new publication).
 */
async function loadIntakeContext(
  prisma: TPrismaClient,
  municipalityId: string,
  externalId: string | null,
): Promise<{
  existing: string | null;
  networks: { id: string; code: string; hosts: string[] }[];
  coordinators: string[];
}> {
  const existing = externalId
    ? Prisma.sql`(SELECT c."id" FROM "Case" c WHERE c."municipalityId" = ${municipalityId} AND c."externalId" = ${externalId})`
    : Prisma.sql`NULL::text`;
  // Look-ups by unique keys and two small tables: one plan fits every delivery, so it is
  // prepared once per connection (PREPARED_STATEMENT_MARK, server/db/client.ts).
  const rows = await prisma.$queryRaw<{ existing: string | null; networks: unknown; coordinators: string[] | null }[]>`
    /* prepared */ SELECT ${existing} AS "existing",
      (SELECT coalesce(json_agg(json_build_object('id', n."id", 'code', n."code", 'hosts', n."hosts")), '[]'::json)
         FROM "SocialNetwork" n WHERE n."active") AS "networks",
      ARRAY(SELECT u."id" FROM "User" u
         WHERE u."active" AND u."municipalityId" = ${municipalityId}
           AND u."roles" && ARRAY['COORDINATOR', 'MANAGER']::"Role"[]) AS "coordinators"`;
  const row = rows[0];
  // json arrives parsed through the pg driver, or as text from some adapters: accept both.
  const networks: unknown = typeof row?.networks === "string" ? JSON.parse(row.networks) : row?.networks;
  return {
    existing: row?.existing ?? null,
    networks: Array.isArray(networks) ? (networks as { id: string; code: string; hosts: string[] }[]) : [],
    coordinators: row?.coordinators ?? [],
  };
}

async function findByExternalId(prisma: TPrismaClient, municipalityId: string, externalId: string) {
  const found = await prisma.case.findUnique({
    where: { municipalityId_externalId: { municipalityId, externalId } },
    select: { id: true },
  });
  return found?.id ?? null;
}

async function requireInMunicipality(
  delegate: {
    findFirst(args: { where: { id: string; municipalityId: string }; select: { id: true } }): Promise<unknown>;
  },
  id: string,
  municipalityId: string,
  field: string,
  message: string,
) {
  if (!(await delegate.findFirst({ where: { id, municipalityId }, select: { id: true } }))) {
    throw new ServiceError("BAD_REQUEST", message, field);
  }
}
