import type { Metadata } from "next";
import { VkConnectorAdmin } from "@/components/connectors/vk-connector-admin";
import { HydrateClient, getQueryClient, trpc } from "@/components/trpc/server";
import { requirePermission } from "@/server/auth/current";

export const metadata: Metadata = { title: "Подключение к ВКонтакте" };

export default async function VkConnectorPage() {
  const user = await requirePermission("admin.accounts");
  await getQueryClient().prefetchQuery(trpc.vk.status.queryOptions());
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Подключение к ВКонтакте</h1>
      <div className="space-y-2 text-sm text-slate-600">
        <p>
          С ключом доступа сообщества портал раз в час загружает записи официальных аккаунтов ВКонтакте в плановые
          публикации (п.6) и позволяет координатору разместить согласованный ответ комментарием от имени сообщества,
          сразу записав ссылку на него в карточку публикации (п.8).
        </p>
        <p>
          Ключ создаёт администратор сообщества: «Управление» → «Работа с API» → «Ключи доступа» → «Создать ключ», с
          доступом к стене сообщества. Для каждого официального аккаунта ВКонтакте укажите числовой идентификатор
          сообщества (или ссылку вида vk.com/club123). Если ключ перестанет действовать, администраторы получат
          уведомление, а загрузка и размещение остановятся до ввода нового ключа.
        </p>
      </div>
      <HydrateClient>
        <VkConnectorAdmin timeZone={user.timeZone} />
      </HydrateClient>
    </div>
  );
}
