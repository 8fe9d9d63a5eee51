import { createCallerFactory, createTRPCRouter } from "./trpc";
import { meRouter } from "./routers/me";
import { notificationsRouter } from "./routers/notifications";
import { casesRouter } from "./routers/cases";
import { queuesRouter } from "./routers/queues";
import { usersRouter } from "./routers/admin/users";
import { departmentsRouter } from "./routers/admin/departments";
import { settingsRouter } from "./routers/admin/settings";
import { apiKeysRouter } from "./routers/admin/api-keys";
import { kioskRouter } from "./routers/admin/kiosk";
import { profileRouter } from "./routers/profile";
import { violationsRouter } from "./routers/violations";
import { analyticsRouter } from "./routers/analytics";
import { routineRouter } from "./routers/routine";
import { importsRouter } from "./routers/imports";
import { accountsRouter } from "./routers/admin/accounts";
import { vkConnectorRouter } from "./routers/connectors/vk";

export const appRouter = createTRPCRouter({
  me: meRouter,
  notifications: notificationsRouter,
  profile: profileRouter,
  cases: casesRouter,
  queues: queuesRouter,
  violations: violationsRouter,
  analytics: analyticsRouter,
  routine: routineRouter,
  imports: importsRouter,
  admin: createTRPCRouter({
    users: usersRouter,
    departments: departmentsRouter,
    settings: settingsRouter,
    apiKeys: apiKeysRouter,
    kiosk: kioskRouter,
    accounts: accountsRouter,
  }),
  vk: vkConnectorRouter,
});

export type TAppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
