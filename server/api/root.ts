import { createCallerFactory, createTRPCRouter } from "./trpc";
import { meRouter } from "./routers/me";
import { notificationsRouter } from "./routers/notifications";
import { casesRouter } from "./routers/cases";
import { queuesRouter } from "./routers/queues";
import { usersRouter } from "./routers/admin/users";
import { departmentsRouter } from "./routers/admin/departments";
import { settingsRouter } from "./routers/admin/settings";
import { apiKeysRouter } from "./routers/admin/api-keys";

export const appRouter = createTRPCRouter({
  me: meRouter,
  notifications: notificationsRouter,
  cases: casesRouter,
  queues: queuesRouter,
  admin: createTRPCRouter({
    users: usersRouter,
    departments: departmentsRouter,
    settings: settingsRouter,
    apiKeys: apiKeysRouter,
  }),
});

export type TAppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
