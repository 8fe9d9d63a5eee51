import { CONFIGURABLE_KINDS, NOTIFICATION_KINDS, catalogueKindOf, type TNotificationKind } from "./kinds";

/**
 * A person's choice of which notifications reach them by e-mail, stored in
 * `User.emailPreferences` as
 *
 *   { "email": { "CASE_RECEIVED": false, "OTHER": true } }
 *
 * Only the configurable kinds they chose are kept; a kind missing from the map follows the
 * catalogue's default, so a kind added later starts at its default for everyone. Anything
 * unreadable (not an object, a value that is not a boolean, an unknown or always-on kind) is
 * ignored rather than refused: a damaged row must never stop notifications from going out.
 */
export type TEmailChoices = Record<TNotificationKind, boolean>;

export interface TStoredEmailPreferences {
  email: Partial<Record<TNotificationKind, boolean>>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Every kind with the catalogue's default; the always-on kinds are true. */
export function defaultEmailChoices(): TEmailChoices {
  return Object.fromEntries(
    Object.entries(NOTIFICATION_KINDS).map(([kind, info]) => [kind, info.email !== "off"]),
  ) as TEmailChoices;
}

/** The stored JSON (or null) read into a choice for every kind. */
export function readEmailPreferences(stored: unknown): TEmailChoices {
  const choices = defaultEmailChoices();
  const email = isRecord(stored) ? stored.email : undefined;
  if (!isRecord(email)) return choices;
  for (const kind of CONFIGURABLE_KINDS) {
    const value = email[kind];
    if (typeof value === "boolean") choices[kind] = value;
  }
  return choices;
}

/** Whether a notification of this stored kind goes out by e-mail under these choices. */
export function wantsEmail(choices: TEmailChoices, kind: string): boolean {
  const entry = catalogueKindOf(kind);
  return NOTIFICATION_KINDS[entry].email === "always" || choices[entry];
}

/**
 * The JSON to store for a person's choices: every configurable kind they were shown, so what
 * they saw checked stays checked; always-on kinds are never stored, they cannot be changed.
 */
export function toStoredEmailPreferences(choices: Partial<Record<string, boolean>>): TStoredEmailPreferences {
  const defaults = defaultEmailChoices();
  const email: Partial<Record<TNotificationKind, boolean>> = {};
  for (const kind of CONFIGURABLE_KINDS) email[kind] = choices[kind] ?? defaults[kind];
  return { email };
}
