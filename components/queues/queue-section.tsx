import Link from "next/link";
import type { ReactNode, Ref } from "react";

/**
 * One section of a queue: a heading with how many cases wait in it, the rows, or a sentence
 * saying there are none. When the section lists only the most urgent part, it says so and links
 * to the full list.
 */
export function QueueSection({
  id,
  title,
  total,
  shown,
  hint,
  empty,
  moreHref,
  headingRef,
  action,
  children,
}: {
  id: string;
  title: string;
  total: number;
  shown: number;
  /** The rule the section's clock comes from, e.g. "30 минут с момента поступления (п.7)". */
  hint?: string;
  empty: string;
  moreHref?: string;
  headingRef?: Ref<HTMLHeadingElement>;
  action?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <div>
          <h2 id={id} ref={headingRef} tabIndex={-1} className="text-lg font-semibold">
            {title}
            <span className="ml-2 rounded-full bg-slate-200 px-2 py-0.5 text-sm font-medium text-slate-800">
              <span className="sr-only">: </span>
              {total}
            </span>
          </h2>
          {hint ? <p className="text-sm text-slate-600">{hint}</p> : null}
        </div>
        {action}
      </div>
      {shown === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-3 text-sm text-slate-600">
          {empty}
        </p>
      ) : (
        <ul className="space-y-3">{children}</ul>
      )}
      {moreHref && total > shown ? (
        <p className="text-sm text-slate-600">
          Показаны самые срочные: {shown} из {total}.{" "}
          <Link href={moreHref} className="text-brand-700 underline hover:no-underline">
            Все в списке публикаций
          </Link>
        </p>
      ) : null}
    </section>
  );
}
