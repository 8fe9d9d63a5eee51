import { WallDenied } from "@/components/wall/wall-denied";

/** A kiosk link that is unknown or revoked (rendered with HTTP 403). */
export default function KioskLinkRefused() {
  return <WallDenied kind="kiosk" />;
}
