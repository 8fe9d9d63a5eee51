import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

const valid = {
  DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/otklik",
  AUTH_SECRET: "x".repeat(32),
};

describe("environment", () => {
  it("accepts a minimal configuration with defaults", () => {
    const env = parseEnv(valid);
    expect(env.DATABASE_POOL_MAX).toBe(10);
    expect(env.APP_URL).toBe("http://localhost:3000");
  });

  it("names every bad variable in one message", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://x", AUTH_SECRET: "short" })).toThrow(
      /DATABASE_URL: must be a postgresql:\/\/ connection string[\s\S]*AUTH_SECRET: must be at least 32/,
    );
  });

  it("requires the database URL", () => {
    expect(() => parseEnv({ AUTH_SECRET: valid.AUTH_SECRET })).toThrow(/DATABASE_URL/);
  });
});
