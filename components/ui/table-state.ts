import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { isLocalDay } from "@/server/domain/time/local-day";

/**
 * A list's filters kept in the address's query string, so a filtered list can be bookmarked,
 * shared and reloaded. Every parameter is validated on the way in: a value that is not
 * acceptable (an edited link, an old bookmark) is ignored and the default used, never passed on.
 */

export interface TQueryParam<V extends string> {
  default: V;
  accept: (raw: string) => raw is V;
}

export type TQuerySpec = Record<string, TQueryParam<string>>;

export type TQueryState<S extends TQuerySpec> = { [K in keyof S]: S[K] extends TQueryParam<infer V> ? V : never };

/** One of the listed values; the first is the default unless another is named. */
export function oneOf<const V extends string>(values: readonly V[], fallback: V = values[0]!): TQueryParam<V> {
  return { default: fallback, accept: (raw): raw is V => (values as readonly string[]).includes(raw) };
}

/** Free text up to `max` characters; empty by default. */
export function text(max: number): TQueryParam<string> {
  return { default: "", accept: (raw): raw is string => raw.length <= max };
}

/** An identifier (letters, digits, "_" and "-"), empty by default. */
export function identifier(max = 64): TQueryParam<string> {
  const pattern = new RegExp(`^[A-Za-z0-9_-]{1,${max}}$`);
  return { default: "", accept: (raw): raw is string => pattern.test(raw) };
}

/** A calendar day as a date input gives it ("2026-11-27"), empty by default. */
export function day(): TQueryParam<string> {
  return { default: "", accept: (raw): raw is string => raw === "" || isLocalDay(raw) };
}

/** The state the query string describes; what is missing or unacceptable takes the default. */
export function readQueryState<S extends TQuerySpec>(spec: S, params: Pick<URLSearchParams, "get">): TQueryState<S> {
  const state: Record<string, string> = {};
  for (const [key, param] of Object.entries(spec)) {
    const raw = params.get(key);
    state[key] = raw !== null && param.accept(raw) ? raw : param.default;
  }
  return state as TQueryState<S>;
}

/**
 * The query string ("?a=1&b=2", or "" for all defaults) for a state. Defaults are left out so
 * the plain address means the plain list; parameters the spec does not know are kept.
 */
export function writeQueryState<S extends TQuerySpec>(
  spec: S,
  state: TQueryState<S>,
  base: Iterable<[string, string]> = [],
): string {
  const params = new URLSearchParams([...base].filter(([key]) => !(key in spec)));
  for (const [key, param] of Object.entries(spec)) {
    const value = (state as Record<string, string>)[key] ?? param.default;
    if (value !== param.default) params.set(key, value);
  }
  const query = params.toString();
  return query ? `?${query}` : "";
}

/**
 * The filters of the list on this page, read from the address; `update` rewrites the address
 * in place (no new history entry per keystroke, no request to the server: Next.js keeps
 * `useSearchParams` in step with `history.replaceState`).
 */
export function useQueryState<S extends TQuerySpec>(
  spec: S,
): [TQueryState<S>, (patch: Partial<TQueryState<S>>) => void] {
  const params = useSearchParams();
  const pathname = usePathname();
  const state = useMemo(() => readQueryState(spec, params), [spec, params]);
  const update = useCallback(
    (patch: Partial<TQueryState<S>>) => {
      const next = { ...state, ...patch };
      window.history.replaceState(null, "", `${pathname}${writeQueryState(spec, next, params.entries())}`);
    },
    [spec, state, pathname, params],
  );
  return [state, update];
}
