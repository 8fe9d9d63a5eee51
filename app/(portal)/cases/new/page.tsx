import type { Metadata } from "next";
import { IntakeForm } from "@/components/cases/intake-form";
import { requirePermission } from "@/server/auth/current";
import { db } from "@/server/db";

export const metadata: Metadata = { title: "Регистрация публикации" };

export default async function NewCasePage() {
  const user = await requirePermission("case.create");
  const prisma = db();
  // Everything the form offers comes with the page: the network is detected while typing, in
  // the browser, from the same host lists the server checks the link against.
  const [networks, municipalities, topics] = await Promise.all([
    prisma.socialNetwork.findMany({
      where: { active: true },
      select: { code: true, name: true, hosts: true },
      orderBy: { sortOrder: "asc" },
    }),
    prisma.municipality.findMany({
      where: { id: { in: user.municipalityIds } },
      select: { id: true, name: true, timeZone: true },
      orderBy: { name: "asc" },
    }),
    prisma.topic.findMany({
      where: { municipalityId: { in: user.municipalityIds }, active: true },
      select: { id: true, name: true, municipalityId: true },
      orderBy: { name: "asc" },
    }),
  ]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Регистрация публикации</h1>
      {municipalities.length === 0 ? (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          Вы не привязаны ни к одному муниципальному образованию: регистрировать публикации некуда. Обратитесь к
          администратору.
        </p>
      ) : (
        <IntakeForm
          defaultSource={
            user.roles.includes("MANAGER") && !user.roles.includes("COORDINATOR") ? "OWN_MONITORING" : "CURATOR"
          }
          networks={networks}
          municipalities={municipalities}
          topics={topics}
          renderedAt={new Date()}
        />
      )}
    </div>
  );
}
