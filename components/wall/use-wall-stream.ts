"use client";

import { useEffect, useRef, useState, type RefObject } from "react";
import type { TWallMessage } from "@/server/domain/wall/board";

export type TWallConnection =
  { state: "connecting" | "online" | "offline" | "unavailable" } | { state: "denied"; message: string };

/** Three heartbeats (15 s each) missed: the connection is dead even if the socket says otherwise. */
const SILENCE_MS = 45_000;
const FIRST_RETRY_MS = 3_000;
const MAX_RETRY_MS = 30_000;

const serverNowOf = (data: string): string | undefined => (JSON.parse(data) as { serverNow?: string }).serverNow;

/**
 * The live board over Server-Sent Events. The browser's EventSource reconnects by itself after a
 * dropped connection (`retry: 3000`); when it gives up for good — the server answered with an
 * error page while restarting, or a proxy did — this reconnects with a growing delay, first
 * asking the board endpoint whether the link or session is still good, so a revoked link stops
 * instead of knocking forever. `offsetRef` is the server's clock minus this screen's, measured on
 * every message: a TV's clock is often minutes off, and countdowns must agree with the server's.
 */
export function useWallStream(
  streamUrl: string,
  probeUrl: string,
  initial: TWallMessage,
): { message: TWallMessage; connection: TWallConnection; offsetRef: RefObject<number | null> } {
  const [message, setMessage] = useState(initial);
  const [connection, setConnection] = useState<TWallConnection>({ state: "connecting" });
  const offsetRef = useRef<number | null>(null);
  const initialServerNow = initial.serverNow;

  useEffect(() => {
    offsetRef.current ??= Date.parse(initialServerNow) - Date.now();
    let source: EventSource | null = null;
    let stopped = false;
    let attempt = 0;
    let retryTimer: ReturnType<typeof setTimeout> | null = null;
    let silenceTimer: ReturnType<typeof setTimeout> | null = null;

    const stop = () => {
      stopped = true;
      source?.close();
      if (retryTimer) clearTimeout(retryTimer);
      if (silenceTimer) clearTimeout(silenceTimer);
    };

    const deny = (text: string) => {
      stop();
      setConnection({ state: "denied", message: text });
    };

    const reconnectLater = () => {
      if (stopped || retryTimer) return;
      const delay = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** attempt);
      attempt++;
      retryTimer = setTimeout(() => {
        retryTimer = null;
        void probeThenConnect();
      }, delay);
    };

    const probeThenConnect = async () => {
      try {
        const res = await fetch(probeUrl, { cache: "no-store", credentials: "same-origin" });
        if (res.status === 401 || res.status === 403) {
          const body = (await res.json().catch(() => ({}))) as { message?: string };
          deny(body.message ?? "Доступ к табло закрыт");
          return;
        }
      } catch {
        // Still unreachable: the stream will fail as well and bring us back here, a little later.
      }
      connect();
    };

    /** Anything from the server proves the connection alive and re-measures the clock offset. */
    const heard = (serverNow?: string) => {
      if (serverNow) offsetRef.current = Date.parse(serverNow) - Date.now();
      if (silenceTimer) clearTimeout(silenceTimer);
      silenceTimer = setTimeout(() => {
        source?.close();
        setConnection({ state: "offline" });
        reconnectLater();
      }, SILENCE_MS);
    };

    function connect() {
      if (stopped) return;
      source?.close();
      const es = new EventSource(streamUrl);
      source = es;
      heard();
      es.addEventListener("open", () => {
        attempt = 0;
        heard();
      });
      es.addEventListener("board", (event) => {
        const next = JSON.parse(event.data as string) as TWallMessage;
        heard(next.serverNow);
        setMessage(next);
        setConnection({ state: "online" });
      });
      es.addEventListener("ping", (event) => {
        heard(serverNowOf(event.data as string));
        setConnection((c) => (c.state === "unavailable" ? c : { state: "online" }));
      });
      es.addEventListener("unavailable", (event) => {
        heard(serverNowOf(event.data as string));
        setConnection({ state: "unavailable" });
      });
      es.addEventListener("denied", (event) => {
        deny((JSON.parse(event.data as string) as { message: string }).message);
      });
      es.addEventListener("error", () => {
        if (stopped || source !== es) return;
        setConnection({ state: "offline" });
        // CONNECTING: the browser retries by itself. CLOSED: it gave up; we take over.
        if (es.readyState === EventSource.CLOSED) reconnectLater();
      });
    }

    connect();
    return stop;
  }, [streamUrl, probeUrl, initialServerNow]);

  return { message, connection, offsetRef };
}
