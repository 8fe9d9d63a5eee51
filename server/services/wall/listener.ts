import pg from "pg";
import {
  BOARD_CHANNEL,
  KIOSK_CHANNEL,
  onLocalWallNotification,
  type TWallChannel,
  type TWallNotification,
} from "./notify-change";

export interface TWallListenerOptions {
  /** The database to LISTEN on. */
  url: string;
  onNotification: (notification: TWallNotification) => void;
  /**
   * Called after the connection came back from a drop: notifications sent meanwhile are lost, so
   * whatever depends on them must reload.
   */
  onReconnect?: () => void;
  log?: (message: string, error?: unknown) => void;
  /** First retry delay; it doubles up to `maxRetryMs`. */
  retryMs?: number;
  maxRetryMs?: number;
  /** How often the connection is checked with a trivial query (a dead TCP peer can stay silent for hours). */
  pingMs?: number;
}

export interface TWallListener {
  /** "listen" on a real PostgreSQL; "local" on the embedded database (see notify-change.ts). */
  readonly mode: Promise<"listen" | "local">;
  close: () => Promise<void>;
}

const CHANNELS: readonly TWallChannel[] = [BOARD_CHANNEL, KIOSK_CHANNEL];

/**
 * One LISTEN connection for the whole process (a dedicated `pg.Client`: a pooled connection
 * would go back to the pool and stop listening). It reconnects with a growing delay whenever the
 * connection drops, and tells `onReconnect` so missed changes are picked up. On the embedded
 * database, recognised by its version string, it listens in-process instead.
 */
export function startWallListener(options: TWallListenerOptions): TWallListener {
  const log = options.log ?? ((message, error) => console.error(`[wall] ${message}`, error ?? ""));
  const retryMs = options.retryMs ?? 500;
  const maxRetryMs = options.maxRetryMs ?? 30_000;
  const pingMs = options.pingMs ?? 30_000;

  let closed = false;
  let client: pg.Client | null = null;
  let attempt = 0;
  let everConnected = false;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let pingTimer: ReturnType<typeof setInterval> | null = null;
  let stopLocal: (() => void) | null = null;
  let settleMode: (mode: "listen" | "local") => void = () => {};
  const mode = new Promise<"listen" | "local">((resolve) => (settleMode = resolve));

  const isChannel = (name: string): name is TWallChannel => (CHANNELS as readonly string[]).includes(name);

  const dropClient = (): Promise<void> => {
    if (pingTimer) clearInterval(pingTimer);
    pingTimer = null;
    const old = client;
    client = null;
    if (!old) return Promise.resolve();
    old.removeAllListeners("notification");
    old.removeAllListeners("end");
    // An error after this point is the dying connection's own; nothing more to do with it.
    old.removeAllListeners("error");
    old.on("error", () => {});
    return old.end().catch(() => {});
  };

  const scheduleRetry = () => {
    if (closed || retryTimer) return;
    const delay = Math.min(maxRetryMs, retryMs * 2 ** attempt) * (0.75 + Math.random() * 0.5);
    attempt++;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      void connect();
    }, delay);
  };

  const lost = (error?: unknown) => {
    if (closed) return;
    if (client) log("the LISTEN connection dropped; reconnecting", error);
    void dropClient();
    scheduleRetry();
  };

  async function connect() {
    if (closed) return;
    const c = new pg.Client({
      connectionString: options.url,
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
      connectionTimeoutMillis: 10_000,
      query_timeout: 10_000,
      application_name: "otklik-wall-listener",
    });
    client = c;
    c.on("error", lost);
    c.on("end", () => {
      if (client === c) lost();
    });
    c.on("notification", (message) => {
      if (isChannel(message.channel) && message.payload) {
        options.onNotification({ channel: message.channel, payload: message.payload });
      }
    });
    try {
      await c.connect();
      const version = await c.query<{ version: string }>("SELECT version() AS version");
      if (/PGlite/i.test(version.rows[0]?.version ?? "")) {
        void dropClient();
        if (closed) return;
        stopLocal = onLocalWallNotification(options.onNotification);
        settleMode("local");
        return;
      }
      await c.query(CHANNELS.map((channel) => `LISTEN ${channel}`).join("; "));
      if (closed || client !== c) return;
      attempt = 0;
      settleMode("listen");
      pingTimer = setInterval(() => {
        c.query("SELECT 1").catch(lost);
      }, pingMs);
      if (everConnected) options.onReconnect?.();
      everConnected = true;
    } catch (error) {
      if (client === c) {
        if (!everConnected && attempt === 0) log("cannot LISTEN for wall changes yet; retrying", error);
        void dropClient();
        scheduleRetry();
      }
    }
  }

  void connect();

  return {
    mode,
    async close() {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      stopLocal?.();
      await dropClient();
    },
  };
}
