import type { Metadata } from "next";
import { IntakeForm } from "@/components/cases/intake-form";
import { requirePermission } from "@/server/auth/current";

export const metadata: Metadata = { title: "Регистрация публикации" };

export default async function NewCasePage() {
  const user = await requirePermission("case.create");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Регистрация публикации</h1>
      <IntakeForm
        defaultSource={
          user.roles.includes("MANAGER") && !user.roles.includes("COORDINATOR") ? "OWN_MONITORING" : "CURATOR"
        }
      />
    </div>
  );
}
