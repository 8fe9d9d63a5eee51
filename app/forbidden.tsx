import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-xl px-4 py-16 text-center">
      <p className="text-sm font-semibold text-red-700">403</p>
      <h1 className="mt-2 text-2xl font-semibold">Доступ запрещён</h1>
      <p className="mt-2 text-slate-600">
        У вашей роли нет прав на этот раздел. Если это ошибка, обратитесь к администратору.
      </p>
      <Link href="/" className="mt-6 inline-block rounded-md bg-brand-600 px-4 py-2 text-white hover:bg-brand-700">
        На главную
      </Link>
    </main>
  );
}
