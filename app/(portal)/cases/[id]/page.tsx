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
  const queryClient = getQueryClient();
  try {
    await queryClient.fetchQuery(trpc.cases.get.queryOptions({ id }));
  } catch (error) {
    // An id that is not a case of this person's scope is simply not there for them.
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }
  return (
    <HydrateClient>
      <CaseDetail
        id={id}
        timeZone={user.timeZone}
        canRoute={hasPermission(user.roles, "case.route")}
        canDraft={hasPermission(user.roles, "case.draft")}
      />
    </HydrateClient>
  );
}
