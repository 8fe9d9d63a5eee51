"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { orderWallTiles, summarizeWall, type TWallMessage } from "@/server/domain/wall/board";
import { fitWallGrid, nextPageIndex, paginate, splitIntoPanels, WALL_LAYOUT } from "@/server/domain/wall/paging";
import { useServerClock } from "./use-server-clock";
import { useViewport } from "./use-viewport";
import { useWallStream } from "./use-wall-stream";
import { WallDenied } from "./wall-denied";
import { WallHeader } from "./wall-header";
import { WallTile } from "./wall-tile";

/** How long a page of tiles stays before the next one. */
const PAGE_MS = 15_000;

/**
 * The wall: a header with totals and the time, and the departments' tiles, paged when they do
 * not fit. Nothing on it needs a hand: the board arrives over Server-Sent Events, clocks tick
 * locally each second, pages turn by themselves. Every page is in the document, the ones not
 * showing hidden, so the order of tiles never depends on which page happens to be up.
 */
export function WallScreen({
  initial,
  streamUrl,
  probeUrl,
  kind,
}: {
  initial: TWallMessage;
  streamUrl: string;
  /** The board endpoint with the same credentials, asked whether access still holds before reconnecting. */
  probeUrl: string;
  kind: "kiosk" | "session";
}) {
  const { message, connection, offsetRef } = useWallStream(streamUrl, probeUrl, initial);
  const { board } = message;
  const nowMs = useServerClock(offsetRef, Date.parse(initial.serverNow));
  const grid = fitWallGrid(useViewport());

  // Tiles are re-ordered by urgency when a new board comes and each time the pages come round,
  // not every second: a tile does not jump away while someone reads it.
  const [orderedAt, setOrderedAt] = useState(() => Date.parse(message.serverNow));
  const [orderedFor, setOrderedFor] = useState(board);
  if (orderedFor !== board) {
    setOrderedFor(board);
    setOrderedAt(Date.parse(message.serverNow));
  }
  const tiles = useMemo(() => orderWallTiles(board.tiles, orderedAt), [board.tiles, orderedAt]);
  const pages = useMemo(
    () => paginate(splitIntoPanels(tiles, grid.casesPerTile), grid.columns * grid.rows),
    [tiles, grid.casesPerTile, grid.columns, grid.rows],
  );

  const [page, setPage] = useState(0);
  const current = page < pages.length ? page : 0;
  const turn = useRef({ page: current, count: pages.length, nowMs });
  useEffect(() => {
    turn.current = { page: current, count: pages.length, nowMs };
  });
  useEffect(() => {
    const timer = setInterval(() => {
      const next = nextPageIndex(turn.current.page, turn.current.count);
      setPage(next);
      if (next === 0) setOrderedAt(turn.current.nowMs);
    }, PAGE_MS);
    return () => clearInterval(timer);
  }, []);

  if (connection.state === "denied") return <WallDenied kind={kind} message={connection.message} />;

  const totals = summarizeWall(board, nowMs);
  return (
    <div className="flex h-screen flex-col overflow-hidden">
      <WallHeader
        municipality={board.municipality.name}
        totals={totals}
        nowMs={nowMs}
        timeZone={board.municipality.timeZone}
        connection={connection.state}
        page={{ index: current, count: pages.length }}
      />
      {pages.map((panels, index) => (
        <main
          key={index}
          hidden={index !== current}
          aria-label={`Отделы, страница ${index + 1} из ${pages.length}`}
          className="min-h-0 flex-1 [&:not([hidden])]:grid"
          style={{
            gridTemplateColumns: `repeat(${grid.columns}, minmax(0, 1fr))`,
            gridTemplateRows: `repeat(${grid.rows}, minmax(0, 1fr))`,
            gap: WALL_LAYOUT.gapPx,
            padding: WALL_LAYOUT.paddingPx,
          }}
        >
          {panels.map((panel) => (
            <WallTile key={panel.key} panel={panel} nowMs={nowMs} />
          ))}
        </main>
      ))}
      {board.truncated ? (
        <p className="shrink-0 px-6 pb-2 text-[18px] text-amber-300">
          Показаны самые срочные {board.tiles.reduce((n, t) => n + t.cases.length, 0)} из {board.openTotal} открытых
          публикаций.
        </p>
      ) : null}
      {connection.state === "offline" ? (
        <p
          role="alert"
          className="fixed inset-x-0 bottom-0 bg-red-700 py-3 text-center text-[28px] font-bold text-white"
        >
          Нет связи с сервером: данные на экране могут быть устаревшими. Переподключение…
        </p>
      ) : connection.state === "unavailable" ? (
        <p
          role="alert"
          className="fixed inset-x-0 bottom-0 bg-amber-400 py-3 text-center text-[28px] font-bold text-slate-950"
        >
          Данные не обновляются: сервер не может прочитать базу данных. Часы идут, изменения пока не видны.
        </p>
      ) : null}
    </div>
  );
}
