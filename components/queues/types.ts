import type { inferRouterOutputs } from "@trpc/server";
import type { TAppRouter } from "@/server/api/root";

type TQueuesOutput = inferRouterOutputs<TAppRouter>["queues"];

export type TInboxData = TQueuesOutput["inbox"];
export type TInboxNewCase = TInboxData["new"]["items"][number];
export type TQueueCase = TInboxData["review"]["items"][number];
export type TRoutingDepartment = TQueuesOutput["routingOptions"][number];
export type TWorkData = TQueuesOutput["work"];
export type TWorkCase = TWorkData["todo"]["items"][number];
export type TCuratorData = TQueuesOutput["curator"];
export type TCuratorCase = TCuratorData["items"][number];
