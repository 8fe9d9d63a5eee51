import pg from "pg";

const CHAR = 18;
const TEXT = 25;
const TEXT_ARRAY = 1009;

/**
 * pg_catalog column types that adapter-pg 7.10 refuses ("Column type 'char' could not be
 * deserialized") although the schema engine reads them while introspecting: "char", int2vector,
 * regproc, oidvector, pg_node_tree, aclitem, regclass, regtype, regconfig, and the arrays
 * "char"[], name[], oidvector[] and aclitem[]. Their text form is all the engine needs, so
 * they are mapped to text / text[].
 */
export const RELABELLED_TYPE_OIDS: ReadonlyMap<number, number> = new Map([
  [CHAR, TEXT],
  [22, TEXT],
  [24, TEXT],
  [30, TEXT],
  [194, TEXT],
  [1033, TEXT],
  [2205, TEXT],
  [2206, TEXT],
  [3734, TEXT],
  [1002, TEXT_ARRAY],
  [1003, TEXT_ARRAY],
  [1013, TEXT_ARRAY],
  [1034, TEXT_ARRAY],
]);

interface TField {
  dataTypeID: number;
  /** The type the server sent, when it was relabelled. */
  relabelledFrom?: number;
}

interface TResult {
  fields: TField[];
  rows: unknown[];
}

const charColumnsByRows = new WeakMap<unknown[], number[]>();

/**
 * The indexes of the columns that were "char" in the query result these rows came from.
 * The engine reads some of them as a single character (pg_constraint.contype, for one) and
 * panics when it is handed text ("… as char failed"), yet adapter-pg maps no type at all to
 * its `Character` column type. The migration adapter restores it from this.
 * Keyed by the rows array, which adapter-pg passes through unchanged: no guessing by column
 * name, and no mix-up between queries.
 */
export function charColumnsOf(rows: unknown[]): readonly number[] {
  return charColumnsByRows.get(rows) ?? [];
}

/**
 * Workaround 2: a `pg.Client` that relabels those columns as text / text[] in the row
 * description, before any value is parsed. adapter-pg then sees a type it knows and node-postgres
 * picks the matching parser (text[] values become JS arrays, as adapter-pg expects). Given to
 * the schema engine's pools as `Client`; the app's own client does not need it.
 *
 * It overrides node-postgres' internal `_handleRowDescription` (stable across pg 8.x): the one
 * point where the field types are known and no row has been parsed yet.
 */
export class RelabellingClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    // Wraps every query (the pool's callback form and the promise form alike) to note the
    // "char" columns of its result; a result of several statements is an array and is skipped.
    const query = this.query.bind(this) as (...args: unknown[]) => unknown;
    this.query = ((...args: unknown[]) => {
      const callbackAt = args.findIndex((arg) => typeof arg === "function");
      if (callbackAt >= 0) {
        const callback = args[callbackAt] as (error: Error | null, result?: unknown) => void;
        args[callbackAt] = (error: Error | null, result?: unknown) => {
          noteCharColumns(result);
          callback(error, result);
        };
        return query(...args);
      }
      const returned = query(...args);
      return returned instanceof Promise
        ? returned.then((result: unknown) => (noteCharColumns(result), result))
        : returned;
    }) as pg.Client["query"];
  }

  _handleRowDescription(message: { fields: TField[] }): void {
    for (const field of message.fields) {
      const relabelled = RELABELLED_TYPE_OIDS.get(field.dataTypeID);
      if (relabelled !== undefined) {
        field.relabelledFrom = field.dataTypeID;
        field.dataTypeID = relabelled;
      }
    }
    (
      pg.Client.prototype as unknown as { _handleRowDescription(m: { fields: TField[] }): void }
    )._handleRowDescription.call(this, message);
  }
}

function noteCharColumns(result: unknown): void {
  if (!isResult(result)) return;
  const indexes = result.fields.flatMap((field, index) => (field.relabelledFrom === CHAR ? [index] : []));
  if (indexes.length > 0) charColumnsByRows.set(result.rows, indexes);
}

function isResult(value: unknown): value is TResult {
  return (
    typeof value === "object" &&
    value !== null &&
    Array.isArray((value as TResult).fields) &&
    Array.isArray((value as TResult).rows)
  );
}
