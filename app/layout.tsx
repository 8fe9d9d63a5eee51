import type { Metadata } from "next";
import { connection } from "next/server";
import { GeistSans } from "geist/font/sans";
import type { ReactNode } from "react";
import { TRPCReactProvider } from "@/components/trpc/client";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Отклик", template: "%s — Отклик" },
  description: "Ответы администрации на критические публикации граждан в социальных сетях",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page carries a per-request CSP nonce (proxy.ts) that Next.js puts on its scripts; a
  // page prerendered at build time would have none and its scripts would be refused.
  await connection();
  return (
    <html lang="ru" className={GeistSans.variable}>
      <body className="min-h-screen font-sans">
        <TRPCReactProvider>{children}</TRPCReactProvider>
      </body>
    </html>
  );
}
