import { forbidden } from "next/navigation";
import { WallScreen } from "@/components/wall/wall-screen";
import { requirePermission } from "@/server/auth/current";
import { wallHub } from "@/server/services/wall/live";

export const dynamic = "force-dynamic";

/** The wall for a signed-in person whose role may see it (the TV may also use a kiosk link). */
export default async function WallPage() {
  const user = await requirePermission("wall.view");
  if (!user.municipality) forbidden();
  const board = await wallHub().current(user.municipality.id);
  return (
    <WallScreen
      initial={{ serverNow: new Date().toISOString(), board }}
      streamUrl="/api/wall/stream"
      probeUrl="/api/wall/board"
      kind="session"
    />
  );
}
