import { z } from "zod";

/**
 * Every environment variable the server reads, validated once at start-up. A bad value stops
 * the process with a message naming the variable, not a stack trace deep inside a request.
 */
const ZEnv = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// connection string")
    .describe("PostgreSQL connection string; the scripts start an embedded database when it is absent"),
  /** 1 for the embedded PGlite, which runs one statement at a time across connections. */
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters (generate one: openssl rand -base64 32)"),
  /** Public base URL used in links, e.g. in e-mails. */
  APP_URL: z.url().default("http://localhost:3000"),
  CRON_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
  DEMO_API_KEY: z.string().min(16).optional(),
  /** Trust X-Forwarded-For for the client address (only behind a reverse proxy you control). */
  TRUST_PROXY: z
    .enum(["0", "1", "true", "false"])
    .default("1")
    .transform((v) => v === "1" || v === "true"),
});

export type TEnv = z.infer<typeof ZEnv>;

export function parseEnv(source: Record<string, string | undefined>): TEnv {
  const result = ZEnv.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".") || "(env)"}: ${issue.message}`);
    throw new Error(`Invalid environment configuration:\n${lines.join("\n")}`);
  }
  return result.data;
}

let cached: TEnv | undefined;

/** The validated environment; the first call validates, later calls reuse it. */
export function env(): TEnv {
  cached ??= parseEnv(process.env);
  return cached;
}
