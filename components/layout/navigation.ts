import type { TPermission } from "@/server/domain/auth/permissions";

export interface TNavItem {
  href: string;
  label: string;
  /** Shown only to roles holding this permission; the page checks it again on the server. */
  permission: TPermission;
}

/**
 * The portal's sections that exist so far. Each role's own queue comes right after the home
 * page, before the full list: it is where the day's work starts. A person with several roles
 * sees each of their queues. Coordinators reach the approval queue (decisions recorded on the
 * curator's behalf) from their inbox.
 */
export const NAVIGATION: readonly TNavItem[] = [
  { href: "/", label: "Главная", permission: "portal.use" },
  { href: "/inbox", label: "Входящие", permission: "case.route" },
  { href: "/work", label: "Мои публикации", permission: "case.draft" },
  { href: "/queue", label: "На согласовании", permission: "case.approve" },
  { href: "/cases", label: "Публикации", permission: "case.view" },
  { href: "/violations", label: "Нарушения", permission: "violations.view" },
  { href: "/violations/mine", label: "Мои нарушения", permission: "violations.explain" },
  { href: "/analytics", label: "Аналитика", permission: "analytics.view" },
  { href: "/routine", label: "Плановые публикации", permission: "routine.record" },
  { href: "/import", label: "Импорт", permission: "case.import" },
  { href: "/wall", label: "Табло", permission: "wall.view" },
  { href: "/admin/users", label: "Пользователи", permission: "admin.users" },
  { href: "/admin/departments", label: "Отделы", permission: "admin.departments" },
  { href: "/admin/settings", label: "Настройки и сроки", permission: "admin.settings" },
  { href: "/admin/api-keys", label: "Ключи API", permission: "admin.apiKeys" },
  { href: "/admin/accounts", label: "Официальные аккаунты", permission: "admin.accounts" },
  { href: "/admin/connectors/vk", label: "ВКонтакте", permission: "admin.accounts" },
  { href: "/admin/kiosk", label: "Экран на стене", permission: "admin.settings" },
];
