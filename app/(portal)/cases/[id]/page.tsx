import type { Metadata } from "next";
import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";
import { CaseDetail } from "@/components/cases/case-detail";
import { HydrateClient, getQueryClient, trpc } from "@/components/trpc/server";
import { requirePermission } from "@/server/auth/current";
import { hasPermission } from "@/server/domain/auth/permissions";

export const metadata: Metadata = { title: "Публикация" };

export default async function CasePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("case.view");
  const { id } = await params;
  const canRoute = hasPermission(user.roles, "case.route");
  const canDraft = hasPermission(user.roles, "case.draft");
  const queryClient = getQueryClient();
  let c;
  try {
    c = await queryClient.fetchQuery(trpc.cases.get.queryOptions({ id }));
  } catch (error) {
    // An id that is not a case of this person's scope is simply not there for them.
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }
  // What the forms need arrives with the page: the routing form's departments and executors,
  // the editor's legal acts (so a saved draft's references tick the right boxes at once).
  await Promise.all([
    canRoute && c.actions.some((a) => a.event === "route")
      ? queryClient.prefetchQuery(trpc.cases.departments.queryOptions())
      : null,
    canDraft && c.actions.some((a) => a.event === "submitDraft")
      ? queryClient.prefetchQuery(trpc.cases.legalActs.queryOptions())
      : null,
  ]);
  return (
    <HydrateClient>
      <CaseDetail id={id} canRoute={canRoute} canDraft={canDraft} />
    </HydrateClient>
  );
}
