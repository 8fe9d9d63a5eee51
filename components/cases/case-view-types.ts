import type { inferRouterOutputs } from "@trpc/server";
import type { TAppRouter } from "@/server/api/root";

type TCasesOutput = inferRouterOutputs<TAppRouter>["cases"];

/** A case as its page receives it from `cases.get`. */
export type TCaseView = TCasesOutput["get"];
export type TCaseAction = TCaseView["actions"][number];
export type TCaseDraft = TCaseView["drafts"][number];
export type TCaseDecision = TCaseView["reviewDecisions"][number];
export type TCaseAttachment = TCaseView["attachments"][number];
export type TCaseEventView = TCaseView["events"][number];
export type TRouteDepartment = TCasesOutput["departments"][number];
export type TLegalActView = TCasesOutput["legalActs"][number];
