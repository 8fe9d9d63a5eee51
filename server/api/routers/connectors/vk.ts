import { createTRPCRouter } from "../../trpc";

/** Placeholder registered in root.ts; its procedures are being written. */
export const vkConnectorRouter = createTRPCRouter({});
