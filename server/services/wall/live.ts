import "server-only";
import { db } from "../../db";
import { env } from "../../env";
import { loadWallBoard } from "./board";
import { BoardHub } from "./hub";
import { startWallListener } from "./listener";
import { BOARD_CHANNEL } from "./notify-change";

// One hub and one LISTEN connection per server process, kept on globalThis: Next.js may load
// this module once per route bundle (and again on every reload in development).
const globalForWall = globalThis as unknown as { otklikWallHub?: BoardHub };

/** The process's hub of wall screens, started on first use. */
export function wallHub(): BoardHub {
  globalForWall.otklikWallHub ??= startLiveHub();
  return globalForWall.otklikWallHub;
}

function startLiveHub(): BoardHub {
  const hub = new BoardHub({ load: (municipalityId) => loadWallBoard(db(), municipalityId, new Date()) });
  startWallListener({
    url: env().DATABASE_URL,
    onNotification: ({ channel, payload }) =>
      channel === BOARD_CHANNEL ? hub.boardChanged(payload) : hub.kioskRevoked(payload),
    onReconnect: () => hub.refreshAll(),
  });
  return hub;
}
