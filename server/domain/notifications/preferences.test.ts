import { describe, expect, it } from "vitest";
import { CONFIGURABLE_KINDS, NOTIFICATION_KINDS, catalogueKindOf, isAlwaysEmailed } from "./kinds";
import { defaultEmailChoices, readEmailPreferences, toStoredEmailPreferences, wantsEmail } from "./preferences";

const KINDS_WRITTEN_BY_SERVICES = [
  "CASE_RECEIVED",
  "SIGNIFICANT_ALERT",
  "CASE_BOUNCED",
  "CASE_ASSIGNED",
  "CASE_REWORK",
  "DRAFT_SUBMITTED",
  "AWAITING_APPROVAL",
  "CASE_APPROVED",
  "DEADLINE_REMINDER",
  "VIOLATION",
  "SIGNIFICANT_ESCALATION",
];

describe("the catalogue of notification kinds", () => {
  it("names every kind the services write, in Russian, and puts unknown kinds under «Прочие»", () => {
    for (const kind of KINDS_WRITTEN_BY_SERVICES) {
      expect(catalogueKindOf(kind)).toBe(kind);
      expect(NOTIFICATION_KINDS[catalogueKindOf(kind)].label).toMatch(/^[А-ЯЁ][а-яё]/);
    }
    expect(catalogueKindOf("MONTH_CLOSED")).toBe("OTHER");
    expect(NOTIFICATION_KINDS.OTHER.label).toBe("Прочие уведомления");
    // Names of Object.prototype are not kinds.
    expect(catalogueKindOf("toString")).toBe("OTHER");
  });

  it("never lets anyone switch off the п.13 alerts", () => {
    expect(isAlwaysEmailed("SIGNIFICANT_ALERT")).toBe(true);
    expect(isAlwaysEmailed("SIGNIFICANT_ESCALATION")).toBe(true);
    expect(isAlwaysEmailed("DEADLINE_REMINDER")).toBe(false);
    expect(CONFIGURABLE_KINDS).not.toContain("SIGNIFICANT_ALERT");
    expect(CONFIGURABLE_KINDS).not.toContain("SIGNIFICANT_ESCALATION");
    expect(CONFIGURABLE_KINDS).toContain("OTHER");
  });
});

describe("reading a person's e-mail preferences", () => {
  it("e-mails alerts, reminders, violations and hand-overs by default, but not informative notices", () => {
    const defaults = readEmailPreferences(null);
    expect(defaults).toEqual(defaultEmailChoices());
    for (const kind of [
      "SIGNIFICANT_ALERT",
      "SIGNIFICANT_ESCALATION",
      "DEADLINE_REMINDER",
      "VIOLATION",
      "CASE_ASSIGNED",
    ])
      expect(wantsEmail(defaults, kind)).toBe(true);
    expect(wantsEmail(defaults, "OTHER")).toBe(false);
    expect(wantsEmail(defaults, "SOMETHING_NEW")).toBe(false);
  });

  it("keeps the kinds a person chose and the defaults for the rest", () => {
    const choices = readEmailPreferences({ email: { DEADLINE_REMINDER: false, OTHER: true } });
    expect(wantsEmail(choices, "DEADLINE_REMINDER")).toBe(false);
    expect(wantsEmail(choices, "SOMETHING_NEW")).toBe(true);
    expect(wantsEmail(choices, "VIOLATION")).toBe(true);
  });

  it("ignores an attempt to switch off a п.13 alert", () => {
    const choices = readEmailPreferences({ email: { SIGNIFICANT_ALERT: false, SIGNIFICANT_ESCALATION: false } });
    expect(wantsEmail(choices, "SIGNIFICANT_ALERT")).toBe(true);
    expect(wantsEmail(choices, "SIGNIFICANT_ESCALATION")).toBe(true);
  });

  it("falls back to the defaults for damaged or foreign JSON instead of failing", () => {
    const defaults = defaultEmailChoices();
    for (const stored of [
      undefined,
      null,
      "on",
      42,
      [],
      ["DEADLINE_REMINDER"],
      { kinds: ["x"] },
      { email: null },
      { email: [] },
    ])
      expect(readEmailPreferences(stored)).toEqual(defaults);
    // A bad value spoils only its own entry.
    const mixed = readEmailPreferences({ email: { DEADLINE_REMINDER: "no", VIOLATION: false, UNKNOWN: false } });
    expect(mixed).toEqual({ ...defaults, VIOLATION: false });
  });
});

describe("storing a person's e-mail preferences", () => {
  it("stores every configurable kind shown, and never the always-on ones", () => {
    const stored = toStoredEmailPreferences({ CASE_RECEIVED: false, SIGNIFICANT_ALERT: false, BOGUS: true });
    expect(Object.keys(stored.email).sort()).toEqual([...CONFIGURABLE_KINDS].sort());
    expect(stored.email.CASE_RECEIVED).toBe(false);
    expect(stored.email.CASE_ASSIGNED).toBe(true);
    expect(stored.email.OTHER).toBe(false);
    expect(stored.email).not.toHaveProperty("SIGNIFICANT_ALERT");
    expect(stored.email).not.toHaveProperty("BOGUS");
    // What is stored reads back as what was chosen.
    expect(readEmailPreferences(JSON.parse(JSON.stringify(stored)))).toEqual({
      ...defaultEmailChoices(),
      CASE_RECEIVED: false,
    });
  });
});
