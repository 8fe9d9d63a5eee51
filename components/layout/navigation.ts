import type { TPermission } from "@/server/domain/auth/permissions";

export interface TNavItem {
  href: string;
  label: string;
  /** Shown only to roles holding this permission; the page checks it again on the server. */
  permission: TPermission;
}

/** The portal's sections that exist so far. */
export const NAVIGATION: readonly TNavItem[] = [
  { href: "/", label: "Главная", permission: "portal.use" },
  { href: "/cases", label: "Публикации", permission: "case.view" },
  { href: "/admin/users", label: "Пользователи", permission: "admin.users" },
  { href: "/admin/departments", label: "Отделы", permission: "admin.departments" },
  { href: "/admin/settings", label: "Настройки и сроки", permission: "admin.settings" },
  { href: "/admin/api-keys", label: "Ключи API", permission: "admin.apiKeys" },
];
