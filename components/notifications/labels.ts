/** Accessible name of the bell: the count is in words, because the badge is only seen. */
export function bellLabel(unread: number | undefined): string {
  if (unread === undefined) return "Уведомления";
  if (unread === 0) return "Уведомления: нет непрочитанных";
  return `Уведомления: ${unread} ${unreadWord(unread)}`;
}

/** "1 непрочитанное", "21 непрочитанное", but "2, 5, 11 непрочитанных" (уведомление is neuter). */
export function unreadWord(count: number): string {
  return count % 10 === 1 && count % 100 !== 11 ? "непрочитанное" : "непрочитанных";
}

/** The badge stays two characters wide. */
export function badgeText(unread: number): string {
  return unread > 99 ? "99+" : String(unread);
}
