import type { Metadata } from "next";
import Link from "next/link";
import { ROLE_DUTIES } from "@/components/home/role-duties";
import { NAVIGATION } from "@/components/layout/navigation";
import { requireUser } from "@/server/auth/current";
import { db } from "@/server/db";
import { getHomeOverview } from "@/server/services/home";
import { hasPermission } from "@/server/domain/auth/permissions";
import { ROLE_LABELS } from "@/server/domain/auth/roles";
import { formatMinutes, SLA_LABELS, type TSlaSettings } from "@/server/domain/settings/sla-settings";
import { formatDateTime, formatLongDate } from "@/server/domain/time/zone";

export const metadata: Metadata = { title: "Главная" };

export default async function HomePage() {
  const user = await requireUser();
  const municipalities = await getHomeOverview(db(), user.municipalityIds);
  const now = new Date();
  const sections = NAVIGATION.filter((item) => item.href !== "/" && hasPermission(user.roles, item.permission));

  return (
    <div className="space-y-6">
      <section>
        <h1 className="text-2xl font-semibold">Здравствуйте, {user.fullName}</h1>
        <p className="mt-1 text-slate-600">
          {formatLongDate(now, user.timeZone)}, {formatDateTime(now, user.timeZone).split(", ")[1]} ({user.timeZone})
        </p>
      </section>

      <section className="grid gap-4 md:grid-cols-2">
        <div className="rounded-lg border border-slate-200 bg-white p-5">
          <h2 className="font-semibold">Кто вы в системе</h2>
          <dl className="mt-3 space-y-2 text-sm">
            <div>
              <dt className="text-slate-500">Роли</dt>
              <dd data-testid="home-roles">{user.roles.map((r) => ROLE_LABELS[r]).join("; ")}</dd>
            </div>
            <div>
              <dt className="text-slate-500">
                {user.roles.includes("CURATOR") ? "Курируемые муниципальные образования" : "Муниципальное образование"}
              </dt>
              <dd>{municipalities.map((m) => m.name).join(", ") || "—"}</dd>
            </div>
            {user.department ? (
              <div>
                <dt className="text-slate-500">Отдел</dt>
                <dd>{user.department.name}</dd>
              </div>
            ) : null}
            {user.position ? (
              <div>
                <dt className="text-slate-500">Должность</dt>
                <dd>{user.position}</dd>
              </div>
            ) : null}
            <div>
              <dt className="text-slate-500">Логин</dt>
              <dd>{user.username}</dd>
            </div>
          </dl>
        </div>

        <div className="rounded-lg border border-slate-200 bg-white p-5">
          <h2 className="font-semibold">Ваши обязанности по регламенту</h2>
          <ul className="mt-3 list-disc space-y-2 pl-5 text-sm">
            {user.roles.flatMap((role) => ROLE_DUTIES[role].map((duty) => <li key={`${role}-${duty}`}>{duty}</li>))}
          </ul>
        </div>
      </section>

      {sections.length > 0 ? (
        <section className="rounded-lg border border-slate-200 bg-white p-5">
          <h2 className="font-semibold">Разделы</h2>
          <ul className="mt-3 flex flex-wrap gap-2">
            {sections.map((s) => (
              <li key={s.href}>
                <Link
                  href={s.href}
                  className="inline-block rounded-md border border-brand-600 px-3 py-1.5 text-sm text-brand-700 hover:bg-brand-50"
                >
                  {s.label}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {municipalities.map((m) => (
        <section key={m.id} className="rounded-lg border border-slate-200 bg-white p-5">
          <h2 className="font-semibold">Сроки регламента — {m.name}</h2>
          <table className="mt-3 w-full text-sm">
            <tbody>
              {(Object.keys(SLA_LABELS) as (keyof TSlaSettings)[]).map((field) => (
                <tr key={field} className="border-t border-slate-100">
                  <td className="py-1.5 pr-4 text-slate-600">{SLA_LABELS[field]}</td>
                  <td className="py-1.5 font-medium">{formatMinutes(m[field])}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {hasPermission(user.roles, "admin.users") ? (
            <p className="mt-3 text-sm text-slate-600">
              Действующих сотрудников: {m._count.users}, отделов: {m._count.departments}.
            </p>
          ) : null}
        </section>
      ))}
    </div>
  );
}
