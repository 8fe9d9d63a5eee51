import type { Metadata } from "next";
import { IMPORT_HISTORY_INPUT } from "@/components/import/format";
import { ImportHistory } from "@/components/import/import-history";
import { ImportWorkspace } from "@/components/import/import-workspace";
import { HydrateClient, getQueryClient, trpc } from "@/components/trpc/server";
import { requirePermission } from "@/server/auth/current";

export const metadata: Metadata = { title: "Импорт публикаций" };

export default async function ImportPage() {
  const user = await requirePermission("case.import");
  await getQueryClient().prefetchQuery(trpc.imports.history.queryOptions(IMPORT_HISTORY_INPUT));
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Импорт публикаций</h1>
        <p className="text-sm text-slate-600">
          Загрузка публикаций из выгрузки системы куратора (CSV или Excel). Сначала файл проверяется: видно, какие
          строки будут импортированы, какие уже есть в системе и что не так с остальными. Публикации регистрируются как
          поступившие от куратора; сроки Регламента идут от даты и времени поступления, указанных в файле (по часовому
          поясу муниципального образования). Повторный импорт того же файла ничего не удваивает. Сопоставление столбцов
          запоминается для следующих выгрузок.
        </p>
      </div>
      <HydrateClient>
        <ImportWorkspace timeZone={user.timeZone} />
        <ImportHistory timeZone={user.timeZone} />
      </HydrateClient>
    </div>
  );
}
