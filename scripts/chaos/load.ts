/**
 * The client side of the chaos test: the curator's system delivering publications at a steady
 * rate and retrying each, by the same externalId, until the portal accepts it; and a monitor
 * polling /api/health.
 */

export interface TDelivery {
  externalId: string;
  /** When the first attempt was sent, ms since the run started. */
  firstSentAt: number;
  acceptedAt: number | null;
  attempts: number;
  /** Each attempt: its HTTP status or "network" / "timeout", and when it ended (ms since the start). */
  outcomes: { outcome: string; endedAt: number }[];
  /** The accepted answer: 201 for a new case, 200 for the known externalId. */
  acceptedStatus: number | null;
  caseId: string | null;
  /** Why it was never accepted (a 4xx, or retries ran out). */
  failure: string | null;
}

export interface TDeliverOptions {
  baseUrl: string;
  apiKey: string;
  /** ms since the run started. */
  clock: () => number;
  requestTimeoutMs: number;
  /** Give up on a publication this long after its first attempt. */
  giveUpAfterMs: number;
}

export function publicationBody(externalId: string, extra: Record<string, unknown> = {}) {
  return {
    externalId,
    network: "VK",
    url: `https://vk.com/wall-100_${encodeURIComponent(externalId)}`,
    text: `Нагрузочная проверка: публикация ${externalId}. Когда починят освещение на улице?`,
    authorName: "Проверка устойчивости",
    ...extra,
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Delivers one publication, retrying on network errors, timeouts and 5xx until it is accepted. */
export async function deliver(
  options: TDeliverOptions,
  externalId: string,
  extra: Record<string, unknown> = {},
): Promise<TDelivery> {
  const d: TDelivery = {
    externalId,
    firstSentAt: options.clock(),
    acceptedAt: null,
    attempts: 0,
    outcomes: [],
    acceptedStatus: null,
    caseId: null,
    failure: null,
  };
  const body = JSON.stringify(publicationBody(externalId, extra));
  for (;;) {
    d.attempts += 1;
    try {
      const res = await fetch(`${options.baseUrl}/api/v1/publications`, {
        method: "POST",
        headers: { authorization: `Bearer ${options.apiKey}`, "content-type": "application/json" },
        body,
        signal: AbortSignal.timeout(options.requestTimeoutMs),
      });
      const text = await res.text();
      // A 503 tells the client when to come back; one without Retry-After is a defect of its own.
      const outcome =
        res.status === 503 && !res.headers.get("retry-after") ? "503 without Retry-After" : String(res.status);
      d.outcomes.push({ outcome, endedAt: options.clock() });
      if (res.status === 200 || res.status === 201) {
        const json = JSON.parse(text) as { id?: unknown; externalId?: unknown };
        if (typeof json.id !== "string" || json.externalId !== externalId) {
          d.failure = `accepted with an unexpected body: ${text.slice(0, 200)}`;
          return d;
        }
        d.acceptedAt = options.clock();
        d.acceptedStatus = res.status;
        d.caseId = json.id;
        return d;
      }
      if (res.status < 500) {
        d.failure = `HTTP ${res.status}: ${text.slice(0, 300)}`;
        return d;
      }
    } catch (error) {
      const name = error instanceof Error ? error.name : "";
      const outcome = name === "TimeoutError" || name === "AbortError" ? "timeout" : "network";
      d.outcomes.push({ outcome, endedAt: options.clock() });
    }
    if (options.clock() - d.firstSentAt > options.giveUpAfterMs) {
      d.failure = `not accepted after ${d.attempts} attempts: ${d.outcomes
        .slice(-5)
        .map((o) => o.outcome)
        .join(", ")}`;
      return d;
    }
    // Backoff with jitter, as a well-behaved client does: 100 ms doubling to 2 s.
    await sleep(Math.min(2_000, 100 * 2 ** Math.min(d.attempts - 1, 5)) * (0.5 + Math.random()));
  }
}

export interface THealthSample {
  /** ms since the run started, when the request was sent. */
  at: number;
  ms: number;
  /** HTTP status, or "refused" / "timeout" / "network". */
  outcome: string;
}

/** Polls GET /api/health every `intervalMs` (one request at a time) until `stop` is called. */
export function monitorHealth(options: {
  baseUrl: string;
  clock: () => number;
  intervalMs: number;
  timeoutMs: number;
}) {
  const samples: THealthSample[] = [];
  let running = true;
  const done = (async () => {
    while (running) {
      const at = options.clock();
      let outcome: string;
      try {
        const res = await fetch(`${options.baseUrl}/api/health`, { signal: AbortSignal.timeout(options.timeoutMs) });
        await res.arrayBuffer();
        outcome = String(res.status);
      } catch (error) {
        const e = error as { name?: string; cause?: { code?: string } };
        outcome =
          e.name === "TimeoutError" || e.name === "AbortError"
            ? "timeout"
            : e.cause?.code === "ECONNREFUSED"
              ? "refused"
              : "network";
      }
      samples.push({ at, ms: options.clock() - at, outcome });
      await sleep(options.intervalMs);
    }
  })();
  return {
    samples,
    async stop() {
      running = false;
      await done;
    },
  };
}

export interface TWallEvent {
  at: number;
  /** The SSE event name (board, unavailable, ping, …) or "HTTP <status>" for a refused connection. */
  event: string;
}

/**
 * A wall screen on GET /api/wall/stream: it reads the Server-Sent Events and, like the page's
 * EventSource, connects again 3 s after the stream ends or is refused.
 */
export function watchWall(options: { url: string; clock: () => number }) {
  const events: TWallEvent[] = [];
  const abort = new AbortController();
  let running = true;
  let connections = 0;
  const done = (async () => {
    while (running) {
      connections += 1;
      try {
        const res = await fetch(options.url, { signal: abort.signal, headers: { accept: "text/event-stream" } });
        if (!res.ok || !res.body) {
          events.push({ at: options.clock(), event: `HTTP ${res.status}` });
          await res.body?.cancel();
        } else {
          const decoder = new TextDecoder();
          let buffer = "";
          const reader = res.body.getReader();
          for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
            buffer += decoder.decode(chunk.value, { stream: true });
            for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
              const name = /^event: (.+)$/m.exec(buffer.slice(0, end))?.[1];
              if (name) events.push({ at: options.clock(), event: name });
              buffer = buffer.slice(end + 2);
            }
          }
        }
      } catch {
        // the connection broke (or stop() aborted it)
      }
      if (running) await sleep(3_000);
    }
  })();
  return {
    events,
    connections: () => connections,
    async stop() {
      running = false;
      abort.abort();
      await done;
    },
  };
}
