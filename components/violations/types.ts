import type { inferRouterOutputs } from "@trpc/server";
import type { TAppRouter } from "@/server/api/root";

type TViolationsOutput = inferRouterOutputs<TAppRouter>["violations"];

export type TViolationPage = TViolationsOutput["list"];
export type TViolationRow = TViolationPage["items"][number];
export type TViolationDecision = TViolationRow["decisions"][number];
export type TViolationFilterOptions = TViolationsOutput["filterOptions"];
export type TMyViolationsPage = TViolationsOutput["mine"];
export type TMyViolation = TMyViolationsPage["items"][number];

/** How many rows a page of the register or of "my violations" brings. */
export const VIOLATIONS_PAGE_SIZE = 50;

/** The input of the first page of "my violations": the page prefetches exactly what the list asks. */
export const MY_VIOLATIONS_INPUT = { limit: VIOLATIONS_PAGE_SIZE };
