import type { TPrismaClient } from "../../db/client";
import type { TNotificationKind } from "../../domain/notifications/kinds";
import {
  readEmailPreferences,
  toStoredEmailPreferences,
  type TEmailChoices,
} from "../../domain/notifications/preferences";
import { ServiceError } from "../errors";
import { isEmailConfigured } from "./config";

/**
 * A person's own choice of which notifications come by e-mail. Always through their own id;
 * the address itself is set by the administrator (`/admin/users`), not here.
 */
export interface TEmailPreferencesView {
  /** Where the e-mails go; null when no address is set. */
  email: string | null;
  /** Whether the portal sends e-mail at all (SMTP_URL). */
  mailConfigured: boolean;
  /** Every kind of the catalogue: whether it comes by e-mail (always-on kinds are true). */
  choices: TEmailChoices;
}

export async function getEmailPreferences(prisma: TPrismaClient, userId: string): Promise<TEmailPreferencesView> {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { email: true, emailPreferences: true } });
  if (!user) throw new ServiceError("NOT_FOUND", "Пользователь не найден");
  return {
    email: user.email,
    mailConfigured: isEmailConfigured(),
    choices: readEmailPreferences(user.emailPreferences),
  };
}

/**
 * Stores the choices for the configurable kinds; a kind left out keeps its default. Notifications
 * already waiting to be e-mailed follow the new choice too: delivery checks it again.
 */
export async function setEmailPreferences(
  prisma: TPrismaClient,
  userId: string,
  choices: Partial<Record<TNotificationKind, boolean>>,
): Promise<TEmailPreferencesView> {
  const { count } = await prisma.user.updateMany({
    where: { id: userId },
    data: { emailPreferences: { ...toStoredEmailPreferences(choices) } },
  });
  if (count === 0) throw new ServiceError("NOT_FOUND", "Пользователь не найден");
  return getEmailPreferences(prisma, userId);
}
