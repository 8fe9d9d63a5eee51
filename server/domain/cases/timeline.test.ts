import { describe, expect, it } from "vitest";
import { labelOfEvent, readEventData } from "./timeline";

describe("reading a timeline event's data", () => {
  it("takes what a person needs from what the services write", () => {
    expect(
      readEventData({
        via: "API",
        apiKeyId: "k1",
        onBehalfOfCurator: true,
        draftId: "d1",
        answerUrl: "https://vk.com/x",
      }),
    ).toMatchObject({ via: "API", onBehalfOfCurator: true, draftId: "d1", answerUrl: "https://vk.com/x" });
    expect(readEventData({ departmentId: "dep", executorId: null })).toMatchObject({
      departmentId: "dep",
      executorId: null,
    });
    expect(readEventData({ repeatOfId: "c1", repeatOfNumber: 12, lateDeliveryMinutes: 95 })).toMatchObject({
      repeatOfNumber: 12,
      lateDeliveryMinutes: 95,
    });
  });

  it("shows less rather than failing on rows it does not understand", () => {
    const empty = readEventData(null);
    expect(empty).toEqual(readEventData([1, 2]));
    expect(empty).toMatchObject({ via: null, onBehalfOfCurator: false, departmentId: null });
    expect(readEventData({ onBehalfOfCurator: "yes", repeatOfNumber: "12", departmentId: 5 })).toEqual(empty);
  });

  it("names the known event types in Russian and shows an unknown one as it is", () => {
    expect(labelOfEvent("FORWARDED")).toBe("Передана куратору");
    expect(labelOfEvent("SOMETHING_NEW")).toBe("SOMETHING_NEW");
  });
});
