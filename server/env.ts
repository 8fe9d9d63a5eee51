import { z } from "zod";

/**
 * Every environment variable the server reads, validated once at start-up. A bad value stops
 * the process with a message naming the variable, not a stack trace deep inside a request.
 */
const ZEnvFields = z.object({
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
  /**
   * The server's own scheduler tick (server/scheduler/timer.ts): on for a single instance; off
   * where an external scheduler calls POST /api/cron/tick instead (several instances behind a
   * balancer may also leave it on: the tick's lock lets one of them run at a time).
   */
  SCHEDULER_TIMER: z.enum(["on", "off"], { error: "must be on or off" }).default("on"),
  /** Seconds between the end of one timer tick and the start of the next. */
  SCHEDULER_INTERVAL_SECONDS: z.coerce.number().int().min(10).max(3600).default(60),
  DEMO_API_KEY: z.string().min(16).optional(),
  /** Trust X-Forwarded-For for the client address (only behind a reverse proxy you control). */
  TRUST_PROXY: z
    .enum(["0", "1", "true", "false"])
    .default("1")
    .transform((v) => v === "1" || v === "true"),

  /** Where uploaded files live: a folder on this server, or an S3-compatible object store. */
  STORAGE_DRIVER: z.enum(["local", "s3"]).default("local"),
  /** The folder of the local driver, relative to the working directory unless absolute. */
  STORAGE_DIR: z.string().min(1).default(".data/uploads"),
  /** The store's URL, e.g. https://storage.yandexcloud.net or a MinIO; none for AWS itself. */
  S3_ENDPOINT: z.url().optional(),
  S3_REGION: z.string().min(1).default("us-east-1"),
  S3_BUCKET: z.string().min(1).optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** The bucket in the path (MinIO and most S3-compatible stores) rather than in the host name. */
  S3_FORCE_PATH_STYLE: z
    .enum(["0", "1", "true", "false"])
    .default("1")
    .transform((v) => v === "1" || v === "true"),
  /** Largest photo or screenshot, in megabytes (п.9 evidence). */
  UPLOAD_MAX_PHOTO_MB: z.coerce.number().int().min(1).max(1024).default(20),
  /** Largest video, in megabytes; one S3 PutObject takes up to 5 GB. */
  UPLOAD_MAX_VIDEO_MB: z.coerce.number().int().min(1).max(4096).default(200),

  /**
   * The mail server notifications go out through, as nodemailer reads it:
   * smtp://user:password@host:587 (STARTTLS when offered) or smtps://…:465 (TLS from the start).
   * Without it no e-mail is sent and notifications are in-app only.
   */
  SMTP_URL: z.preprocess(
    // An empty value, as `SMTP_URL=` in a .env file, means "not configured".
    (v) => (typeof v === "string" ? v.trim() || undefined : v),
    z
      .url({
        protocol: /^smtps?$/,
        hostname: /^.+$/,
        error: "must be an smtp:// or smtps:// URL with a host, e.g. smtp://user:password@mail.example.ru:587",
      })
      .optional(),
  ),
  /** The sender of notification e-mails: an address, optionally with a display name. */
  MAIL_FROM: z
    .string()
    .trim()
    .regex(
      /^(?:[^<>]*<[^<>@\s]+@[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+)$/,
      'must be an address or a name and an address, e.g. "Отклик" <otklik@myasnikovsky.ru>',
    )
    .default('"Отклик" <otklik@localhost>'),

  /**
   * Base URL of the VK API the connector calls. The real one by default; tests and air-gapped
   * installations point it at a local server speaking the same JSON.
   */
  VK_API_BASE_URL: z.url().default("https://api.vk.com/method"),
  /**
   * Key that encrypts connector tokens at rest (32 bytes as base64 or 64 hex digits). Without
   * it the key is derived from AUTH_SECRET, so changing AUTH_SECRET then makes stored tokens
   * unreadable and they must be entered again.
   */
  CONNECTOR_ENCRYPTION_KEY: z
    .string()
    .regex(/^(?:[A-Za-z0-9+/]{43}=|[0-9a-fA-F]{64})$/, "must be 32 bytes as base64 (openssl rand -base64 32) or 64 hex digits")
    .optional(),
});

const ZEnv = ZEnvFields.superRefine((env, ctx) => {
  if (env.STORAGE_DRIVER !== "s3") return;
  for (const name of ["S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] as const) {
    if (!env[name]) ctx.addIssue({ code: "custom", path: [name], message: "required when STORAGE_DRIVER is s3" });
  }
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
