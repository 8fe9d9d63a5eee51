import { pluralRu } from "../cases/russian-plural";
import { formatIsoWeekDays, type TIsoWeek } from "./iso-week";

/**
 * The Thursday reminder to the person responsible for an official account still short of
 * routine posts this week (п.6). One per account and week: the dedupe key names both.
 */

export function routineReminderDedupe(accountId: string, weekKey: string): string {
  return `routine:${accountId}:${weekKey}`;
}

/** "1 плановая публикация", "2 плановые публикации", "5 плановых публикаций". */
export function formatRoutinePostCount(count: number): string {
  return `${count} ${pluralRu(count, "плановая публикация", "плановые публикации", "плановых публикаций")}`;
}

export function routineReminderText(input: {
  accountName: string;
  networkName: string;
  count: number;
  minimum: number;
  week: Pick<TIsoWeek, "monday" | "sunday">;
}): { title: string; body: string } {
  const { accountName, networkName, count, minimum, week } = input;
  return {
    title: `Плановые публикации: «${accountName}» — ${count} из ${minimum}`,
    body:
      `Аккаунт «${accountName}» (${networkName}): на этой неделе ${formatRoutinePostCount(count)} из ${minimum}. ` +
      `Неделя ${formatIsoWeekDays(week)} заканчивается в воскресенье в 24:00: опубликуйте недостающие новости ` +
      `и отметьте их в разделе «Плановые публикации» (п.6).`,
  };
}
