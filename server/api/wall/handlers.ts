import "server-only";
import type { TPrismaClient } from "../../db/client";
import { loadSessionUser } from "../../auth/session-user";
import { hasPermission } from "../../domain/auth/permissions";
import type { TWallMessage } from "../../domain/wall/board";
import { authenticateKioskToken, isKioskTokenLive } from "../../services/admin/kiosk";
import type { BoardHub } from "../../services/wall/hub";

/**
 * The wall's HTTP side: `GET /api/wall/stream` (Server-Sent Events) and `GET /api/wall/board`
 * (the same board once, as JSON). A screen gets in with a kiosk link's token (`?token=`) or a
 * session whose role may view the wall; either way it sees one municipality, read-only.
 */

export interface TSessionToken {
  userId: string;
  /** Seconds since the epoch when the person signed in. */
  authAt: number;
}

export interface TWallHandlerDeps {
  prisma: TPrismaClient;
  hub: BoardHub;
  now: () => Date;
  /** The request's session (Auth.js in the app), or null. */
  readSession: () => Promise<TSessionToken | null>;
  /** An event every so often keeps proxies from closing a quiet stream and tells the screen it is live. */
  heartbeatMs?: number;
  /** How often an open stream checks that its link or session is still good. */
  recheckMs?: number;
}

interface TWallAccess {
  municipalityId: string;
  kioskTokenId: string | null;
  session: TSessionToken | null;
}

export const KIOSK_REFUSED_MESSAGE =
  "Ссылка на экран недействительна: её отозвали или в ней ошибка. Попросите администратора выдать новую.";

const NO_STORE = { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" };

function refusal(status: 401 | 403, error: string, message: string): Response {
  return Response.json({ error, message }, { status, headers: NO_STORE });
}

/** Who is asking, or the response that refuses them. */
async function resolveAccess(deps: TWallHandlerDeps, req: Request): Promise<TWallAccess | Response> {
  const token = new URL(req.url).searchParams.get("token");
  if (token !== null) {
    const kiosk = await authenticateKioskToken(deps.prisma, token, deps.now());
    if (!kiosk) return refusal(403, "invalid_link", KIOSK_REFUSED_MESSAGE);
    return { municipalityId: kiosk.municipalityId, kioskTokenId: kiosk.kioskTokenId, session: null };
  }
  const session = await deps.readSession();
  const user = session ? await loadSessionUser(deps.prisma, session) : null;
  if (!session || !user) return refusal(401, "unauthorized", "Войдите в систему или откройте ссылку для экрана");
  if (!hasPermission(user.roles, "wall.view")) return refusal(403, "forbidden", "У вашей роли нет доступа к табло");
  if (!user.municipality) {
    return refusal(403, "forbidden", "Пользователь не привязан к муниципальному образованию");
  }
  return { municipalityId: user.municipality.id, kioskTokenId: null, session };
}

/** Whether an open stream may go on: the link not revoked, the person still allowed. */
async function isStillAllowed(deps: TWallHandlerDeps, access: TWallAccess): Promise<boolean> {
  if (access.kioskTokenId) return isKioskTokenLive(deps.prisma, access.kioskTokenId);
  if (!access.session) return false;
  const user = await loadSessionUser(deps.prisma, access.session);
  return Boolean(user && hasPermission(user.roles, "wall.view") && user.municipality?.id === access.municipalityId);
}

/** `GET /api/wall/board`: the board now, with the server's clock. */
export function createWallBoardHandler(deps: () => TWallHandlerDeps) {
  return async (req: Request): Promise<Response> => {
    const d = deps();
    const access = await resolveAccess(d, req);
    if (access instanceof Response) return access;
    const board = await d.hub.current(access.municipalityId);
    const message: TWallMessage = { serverNow: d.now().toISOString(), board };
    return Response.json(message, { headers: NO_STORE });
  };
}

/**
 * `GET /api/wall/stream`: `event: board` with the whole board on connect and after every change
 * (computed once per change for all screens of the municipality), `event: ping` every 15 s,
 * `event: unavailable` while the database cannot be read, and `event: denied` before closing when
 * the link is revoked or the session ends. `retry: 3000` has the browser reconnect 3 s after a drop.
 */
export function createWallStreamHandler(deps: () => TWallHandlerDeps) {
  return async (req: Request): Promise<Response> => {
    const d = deps();
    const access = await resolveAccess(d, req);
    if (access instanceof Response) return access;
    const heartbeatMs = d.heartbeatMs ?? 15_000;
    const recheckMs = d.recheckMs ?? 60_000;
    const encoder = new TextEncoder();
    const stamp = () => `"serverNow":${JSON.stringify(d.now().toISOString())}`;

    let close = () => {};
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        let open = true;
        const timers: ReturnType<typeof setInterval>[] = [];
        const send = (text: string) => {
          if (!open) return;
          try {
            controller.enqueue(encoder.encode(text));
          } catch {
            close();
          }
        };
        const deny = (message: string) => {
          send(`event: denied\ndata: ${JSON.stringify({ message })}\n\n`);
          close();
        };
        const unsubscribe = d.hub.subscribe(access.municipalityId, {
          kioskTokenId: access.kioskTokenId,
          // The board's JSON is made once per change; each screen adds only the server's clock.
          onBoard: (_board, json) => send(`event: board\ndata: {${stamp()},"board":${json}}\n\n`),
          onUnavailable: () => send(`event: unavailable\ndata: {${stamp()}}\n\n`),
          onRevoked: () => deny(KIOSK_REFUSED_MESSAGE),
        });
        close = () => {
          if (!open) return;
          open = false;
          for (const timer of timers) clearInterval(timer);
          unsubscribe();
          req.signal.removeEventListener("abort", close);
          try {
            controller.close();
          } catch {
            // already closed by the client
          }
        };
        send("retry: 3000\n\n");
        timers.push(setInterval(() => send(`event: ping\ndata: {${stamp()}}\n\n`), heartbeatMs));
        timers.push(
          setInterval(() => {
            isStillAllowed(d, access).then(
              (allowed) => {
                if (!allowed) deny(access.kioskTokenId ? KIOSK_REFUSED_MESSAGE : "Сеанс завершён: войдите снова");
              },
              () => {}, // the database is away: the board says so; the check runs again later
            );
          }, recheckMs),
        );
        if (req.signal.aborted) close();
        else req.signal.addEventListener("abort", close);
      },
      cancel() {
        close();
      },
    });

    return new Response(body, {
      headers: {
        ...NO_STORE,
        "Content-Type": "text/event-stream; charset=utf-8",
        "Cache-Control": "no-store, no-transform",
        // nginx and similar proxies: pass events through at once instead of buffering them.
        "X-Accel-Buffering": "no",
      },
    });
  };
}
