"use client";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-2xl font-semibold">Что-то пошло не так</h1>
      <p className="mt-2 text-slate-600">
        Ошибка записана в журнал сервера. Повторите попытку; если не поможет — обратитесь в сектор ИТ.
      </p>
      <button onClick={reset} className="mt-6 rounded-md bg-brand-600 px-4 py-2 text-white hover:bg-brand-700">
        Повторить
      </button>
    </main>
  );
}
