import { TRPCError } from "@trpc/server";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { defaultEmailChoices } from "../../../domain/notifications/preferences";
import { createTestDatabase, type TTestDatabase } from "../../../testing/db";
import { contextFor, createMunicipality, createUser } from "../../../testing/factories";
import { createCaller } from "../../root";

let t: TTestDatabase;
let executor: { id: string; email: string | null };
let noAddress: { id: string };

beforeAll(async () => {
  t = await createTestDatabase();
  const municipalityId = (await createMunicipality(t.prisma)).id;
  executor = await createUser(t.prisma, { roles: ["EXECUTOR"], municipalityId });
  noAddress = await createUser(t.prisma, { roles: ["HEAD"], municipalityId, email: null });
});
afterAll(async () => {
  await t.cleanup();
});
afterEach(() => {
  vi.unstubAllEnvs();
});

const as = async (user: { id: string } | null) => createCaller(await contextFor(t.prisma, user));
const isCode = (code: TRPCError["code"]) => (e: unknown) => e instanceof TRPCError && e.code === code;

describe("a person's e-mail preferences over tRPC", () => {
  it("shows the defaults and the address, and keeps a change for that person only", async () => {
    vi.stubEnv("SMTP_URL", "smtp://mail.example.test:25");
    const me = await as(executor);
    expect(await me.profile.emailPreferences()).toEqual({
      email: executor.email,
      mailConfigured: true,
      choices: defaultEmailChoices(),
    });

    const saved = await me.profile.setEmailPreferences({ choices: { CASE_RECEIVED: false, OTHER: true } });
    expect(saved.choices).toEqual({ ...defaultEmailChoices(), CASE_RECEIVED: false, OTHER: true });
    expect(await me.profile.emailPreferences()).toEqual(saved);
    expect((await (await as(noAddress)).profile.emailPreferences()).choices).toEqual(defaultEmailChoices());
  });

  it("says when there is no address or no mail server", async () => {
    vi.stubEnv("SMTP_URL", "");
    expect(await (await as(noAddress)).profile.emailPreferences()).toMatchObject({
      email: null,
      mailConfigured: false,
    });
  });

  it("refuses to switch off a п.13 alert or an unknown kind (400), and strangers (401)", async () => {
    const me = await as(executor);
    const before = await me.profile.emailPreferences();
    await expect(me.profile.setEmailPreferences({ choices: { SIGNIFICANT_ALERT: false } })).rejects.toSatisfy(
      isCode("BAD_REQUEST"),
    );
    await expect(me.profile.setEmailPreferences({ choices: { NO_SUCH_KIND: true } as never })).rejects.toSatisfy(
      isCode("BAD_REQUEST"),
    );
    await expect(me.profile.setEmailPreferences({ choices: { VIOLATION: "no" } as never })).rejects.toSatisfy(
      isCode("BAD_REQUEST"),
    );
    expect(await me.profile.emailPreferences()).toEqual(before);
    await expect((await as(null)).profile.emailPreferences()).rejects.toSatisfy(isCode("UNAUTHORIZED"));
    await expect((await as(null)).profile.setEmailPreferences({ choices: {} })).rejects.toSatisfy(
      isCode("UNAUTHORIZED"),
    );
  });
});
