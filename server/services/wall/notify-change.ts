import type { Prisma } from "../../db/generated/client";

/**
 * How the wall screens learn that something changed. A service that changes what the board shows
 * calls `notifyBoardChanged` inside its transaction: PostgreSQL delivers a NOTIFY only when the
 * transaction commits (and not at all when it rolls back), to every app instance LISTENing, so a
 * screen served by another instance hears of the change too (listener.ts).
 *
 * The embedded database (PGlite) is one PostgreSQL session shared by all connections: a
 * notification goes back to the connection that committed it, never to a separate LISTEN
 * connection (tried). It is single-instance by construction, so there the change is also
 * announced inside this process (`onLocalWallNotification`), which the wall's hub subscribes to
 * instead of LISTENing.
 */
export const BOARD_CHANNEL = "otklik_board";
/** A kiosk link was revoked: screens using it are disconnected at once. Payload: the link's id. */
export const KIOSK_CHANNEL = "otklik_kiosk";

export type TWallChannel = typeof BOARD_CHANNEL | typeof KIOSK_CHANNEL;
export interface TWallNotification {
  channel: TWallChannel;
  payload: string;
}

type TNotifyClient = Pick<Prisma.TransactionClient, "$executeRaw">;

/** The board of `municipalityId` changed: its screens reload it once the transaction commits. */
export function notifyBoardChanged(tx: TNotifyClient, municipalityId: string): Promise<void> {
  return notify(tx, { channel: BOARD_CHANNEL, payload: municipalityId });
}

/** The kiosk link `kioskTokenId` was revoked: the screens showing it stop. */
export function notifyKioskRevoked(tx: TNotifyClient, kioskTokenId: string): Promise<void> {
  return notify(tx, { channel: KIOSK_CHANNEL, payload: kioskTokenId });
}

async function notify(tx: TNotifyClient, notification: TWallNotification): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${notification.channel}, ${notification.payload})`;
  const listeners = localListeners();
  if (listeners.size === 0) return;
  // After the current call stack, and in practice after the commit: the embedded database is
  // served through one connection, so whatever a listener then queries waits for this
  // transaction to finish. A rolled-back change costs one needless reload, nothing more.
  setTimeout(() => {
    for (const listener of listeners) listener(notification);
  }, 0);
}

type TLocalListener = (notification: TWallNotification) => void;

// On globalThis: Next.js may load this module once per route bundle, and they must share it.
const registry = globalThis as unknown as { otklikWallLocalListeners?: Set<TLocalListener> };

function localListeners(): Set<TLocalListener> {
  registry.otklikWallLocalListeners ??= new Set();
  return registry.otklikWallLocalListeners;
}

/** Hears this process's own notifications (the embedded database's stand-in for LISTEN). */
export function onLocalWallNotification(listener: TLocalListener): () => void {
  localListeners().add(listener);
  return () => {
    localListeners().delete(listener);
  };
}
