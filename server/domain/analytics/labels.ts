/**
 * Keys and labels of the grouped counts (TCountRow). A group without a value — a case with no
 * topic, not yet routed to a department, a violation charged to nobody — has the key NO_KEY,
 * which drill-down passes back like any other key.
 */

export const NO_KEY = "none";

export const CASE_SOURCE_LABELS = {
  CURATOR: "От куратора",
  OWN_MONITORING: "Собственный мониторинг",
} as const;

export const NO_TOPIC_LABEL = "Без темы";
export const NO_DEPARTMENT_LABEL = "Не распределена по отделам";
export const NO_RESPONSIBLE_DEPARTMENT_LABEL = "Отдел не определён";

/** "Администрация района (ВКонтакте)". */
export function accountLabel(accountName: string, networkName: string): string {
  return `${accountName} (${networkName})`;
}

/** A department's name, with its municipality's when a report spans several. */
export function departmentLabel(name: string, municipalityName: string | null): string {
  return municipalityName ? `${name} — ${municipalityName}` : name;
}
