import Link from "next/link";

/** What a screen shows instead of the board when its link or session no longer lets it in. */
export function WallDenied({ kind, message }: { kind: "kiosk" | "session"; message?: string }) {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-6 px-8 text-center">
      <p className="text-[24px] font-semibold text-red-300">{kind === "kiosk" ? "403" : "Доступ закрыт"}</p>
      <h1 className="text-[56px] leading-tight font-bold">
        {kind === "kiosk" ? "Ссылка недействительна" : "Табло недоступно"}
      </h1>
      <p className="max-w-3xl text-[28px] text-slate-300">
        {message ??
          (kind === "kiosk"
            ? "Ссылку на этот экран отозвали или в ней ошибка. Попросите администратора портала выдать новую в разделе «Экран на стене»."
            : "Сеанс завершён или у вашей роли больше нет доступа к табло.")}
      </p>
      {kind === "session" ? (
        <Link
          href="/login?from=/wall"
          className="rounded-lg bg-slate-100 px-6 py-3 text-[24px] font-semibold text-slate-950"
        >
          Войти снова
        </Link>
      ) : null}
    </main>
  );
}
