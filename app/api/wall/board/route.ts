import { createWallBoardHandler } from "@/server/api/wall/handlers";
import { liveWallDeps } from "@/server/api/wall/live-deps";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The wall's board once, as JSON (the stream's first message), for checks and scripts. */
export const GET = createWallBoardHandler(liveWallDeps);
