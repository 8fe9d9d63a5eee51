import { createWallStreamHandler } from "@/server/api/wall/handlers";
import { liveWallDeps } from "@/server/api/wall/live-deps";

// A long-lived stream per screen: Node.js (the LISTEN connection), never cached.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Server-Sent Events of the wall screen: the board on connect and after every change. */
export const GET = createWallStreamHandler(liveWallDeps);
