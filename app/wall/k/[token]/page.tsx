import { forbidden } from "next/navigation";
import { WallScreen } from "@/components/wall/wall-screen";
import { db } from "@/server/db";
import { authenticateKioskToken } from "@/server/services/admin/kiosk";
import { wallHub } from "@/server/services/wall/live";

export const dynamic = "force-dynamic";

/**
 * The wall through a kiosk link: no session, the token in the address is the credential
 * (proxy.ts lets /wall/k/ through). An unknown or revoked token gets 403 and forbidden.tsx.
 */
export default async function KioskWallPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const access = await authenticateKioskToken(db(), token, new Date());
  if (!access) forbidden();
  const board = await wallHub().current(access.municipalityId);
  const query = `?token=${encodeURIComponent(token)}`;
  return (
    <WallScreen
      initial={{ serverNow: new Date().toISOString(), board }}
      streamUrl={`/api/wall/stream${query}`}
      probeUrl={`/api/wall/board${query}`}
      kind="kiosk"
    />
  );
}
