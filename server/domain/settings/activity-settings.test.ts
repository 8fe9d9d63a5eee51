import { describe, expect, it } from "vitest";
import { DEFAULT_SURGE_SETTINGS } from "../surges/surge";
import {
  ACTIVITY_LIMITS,
  ACTIVITY_MESSAGES,
  DEFAULT_ACTIVITY_SETTINGS,
  isActivitySettingValid,
  type TActivitySettings,
} from "./activity-settings";

const FIELDS = Object.keys(ACTIVITY_LIMITS) as (keyof TActivitySettings)[];

describe("surge and routine settings", () => {
  it("defaults to 3 publications within 24 h (п.13) and 2 routine posts a week (п.6)", () => {
    expect(DEFAULT_ACTIVITY_SETTINGS).toEqual({ surgeThreshold: 3, surgeWindowHours: 24, routineWeeklyMinimum: 2 });
    expect(DEFAULT_SURGE_SETTINGS).toEqual({
      threshold: DEFAULT_ACTIVITY_SETTINGS.surgeThreshold,
      windowHours: DEFAULT_ACTIVITY_SETTINGS.surgeWindowHours,
    });
    for (const f of FIELDS) expect(isActivitySettingValid(f, DEFAULT_ACTIVITY_SETTINGS[f])).toBe(true);
  });

  it("accepts whole numbers within the limits: threshold 2–50, window 1–168 h, routine 1–14 a week", () => {
    expect(ACTIVITY_LIMITS).toEqual({
      surgeThreshold: { min: 2, max: 50 },
      surgeWindowHours: { min: 1, max: 168 },
      routineWeeklyMinimum: { min: 1, max: 14 },
    });
    expect(isActivitySettingValid("surgeThreshold", 1)).toBe(false);
    expect(isActivitySettingValid("surgeThreshold", 50)).toBe(true);
    expect(isActivitySettingValid("surgeThreshold", 51)).toBe(false);
    expect(isActivitySettingValid("surgeWindowHours", 0)).toBe(false);
    expect(isActivitySettingValid("surgeWindowHours", 168)).toBe(true);
    expect(isActivitySettingValid("surgeWindowHours", 12.5)).toBe(false);
    expect(isActivitySettingValid("routineWeeklyMinimum", 14)).toBe(true);
    expect(isActivitySettingValid("routineWeeklyMinimum", 15)).toBe(false);
    expect(isActivitySettingValid("routineWeeklyMinimum", Number.NaN)).toBe(false);
  });

  it("names the limits in each message", () => {
    for (const f of FIELDS) {
      expect(ACTIVITY_MESSAGES[f]).toContain(`от ${ACTIVITY_LIMITS[f].min} до ${ACTIVITY_LIMITS[f].max}`);
    }
  });
});
