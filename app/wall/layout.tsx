import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import "./wall.css";

// A kiosk link carries its token in the address: no page of the wall sends it on as a referrer.
export const metadata: Metadata = {
  title: "Табло сроков",
  referrer: "no-referrer",
  robots: { index: false, follow: false },
};

export const viewport: Viewport = { themeColor: "#020617", colorScheme: "dark" };

/** The wall screen: full-screen and dark, without the portal's header (a TV has no one at the keyboard). */
export default function WallLayout({ children }: { children: ReactNode }) {
  return <div className="min-h-screen bg-slate-950 text-slate-50 [color-scheme:dark]">{children}</div>;
}
