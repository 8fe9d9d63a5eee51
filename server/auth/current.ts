import "server-only";
import { forbidden, redirect } from "next/navigation";
import { db } from "../db";
import { hasPermission, type TPermission } from "../domain/auth/permissions";
import { auth } from "./index";
import { loadSessionUser, type TSessionUser } from "./session-user";

/** The signed-in user for this request, or null (no session, deactivated, password changed). */
export async function getCurrentUser(): Promise<TSessionUser | null> {
  const session = await auth();
  if (!session?.uid || session.authAt === undefined) return null;
  return loadSessionUser(db(), { userId: session.uid, authAt: session.authAt });
}

/** For pages: sends people without a valid session to the sign-in page. */
export async function requireUser(): Promise<TSessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  return user;
}

/** For pages: 403 for a signed-in user whose roles lack the permission. */
export async function requirePermission(permission: TPermission): Promise<TSessionUser> {
  const user = await requireUser();
  if (!hasPermission(user.roles, permission)) forbidden();
  return user;
}
