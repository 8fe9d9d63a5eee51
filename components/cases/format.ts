/** "14:05" in the municipality's zone: for events of the same working day, e.g. a saved draft. */
export function formatTime(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("ru-RU", { timeZone, hour: "2-digit", minute: "2-digit" }).format(at);
}
