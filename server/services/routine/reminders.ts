import type { TPrismaClient } from "../../db/client";
import { isoWeekOf, isThursdayOrLater } from "../../domain/routine/iso-week";
import { routineReminderDedupe, routineReminderText } from "../../domain/routine/reminder";
import { notifyOncePlain, type TPlainNotice } from "../notifications/plain";

/**
 * п.6, the Thursday reminder: from Thursday 00:00 to Sunday 24:00 on the municipality's clocks,
 * the person responsible for each active account with fewer routine posts this ISO week than
 * the municipality's minimum is told once per account and week (dedupe
 * `routine:<accountId>:<weekKey>`). An account with nobody responsible, or whose responsible
 * person has been switched off, is left out: there is nobody to tell. Returns how many were written.
 */
export async function sendRoutineRemindersAt(
  prisma: TPrismaClient,
  municipality: { id: string; timeZone: string; routineWeeklyMinimum: number },
  now: Date,
): Promise<number> {
  const { timeZone, routineWeeklyMinimum: minimum } = municipality;
  if (minimum <= 0 || !isThursdayOrLater(now, timeZone)) return 0;
  const week = isoWeekOf(now, timeZone);
  const accounts = await prisma.socialAccount.findMany({
    where: {
      municipalityId: municipality.id,
      active: true,
      responsibleId: { not: null },
      responsible: { active: true },
    },
    select: { id: true, name: true, responsibleId: true, network: { select: { name: true } } },
    orderBy: { id: "asc" },
  });
  if (accounts.length === 0) return 0;
  const counts = await prisma.routinePost.groupBy({
    by: ["accountId"],
    where: { accountId: { in: accounts.map((a) => a.id) }, publishedAt: { gte: week.start, lt: week.end } },
    _count: { _all: true },
  });
  const countOf = new Map(counts.map((c) => [c.accountId, c._count._all]));
  const notices: TPlainNotice[] = [];
  for (const account of accounts) {
    const count = countOf.get(account.id) ?? 0;
    if (count >= minimum || !account.responsibleId) continue;
    notices.push({
      dedupe: routineReminderDedupe(account.id, week.key),
      userId: account.responsibleId,
      kind: "ROUTINE_REMINDER",
      link: "/routine",
      ...routineReminderText({ accountName: account.name, networkName: account.network.name, count, minimum, week }),
    });
  }
  return notifyOncePlain(prisma, notices, now);
}
