import type { ReactNode } from "react";
import { NavLinks } from "@/components/layout/nav-links";
import { NAVIGATION } from "@/components/layout/navigation";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { requireUser } from "@/server/auth/current";
import { hasPermission } from "@/server/domain/auth/permissions";
import { ROLE_SHORT_LABELS } from "@/server/domain/auth/roles";
import { signOutAction } from "./actions";

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  const items = NAVIGATION.filter((item) => hasPermission(user.roles, item.permission)).map(({ href, label }) => ({
    href,
    label,
  }));
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <span className="text-lg font-semibold text-brand-900">Отклик</span>
          <NavLinks items={items} />
          <div className="ml-auto flex items-center gap-3 text-sm">
            <NotificationBell timeZone={user.timeZone} />
            <span className="text-right">
              <span className="block font-medium" data-testid="current-user">
                {user.fullName}
              </span>
              <span className="block text-slate-500">{user.roles.map((r) => ROLE_SHORT_LABELS[r]).join(", ")}</span>
            </span>
            <form action={signOutAction}>
              <button type="submit" className="rounded-md border border-slate-300 px-3 py-1.5 hover:bg-slate-100">
                Выйти
              </button>
            </form>
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-4 py-6">{children}</main>
    </div>
  );
}
