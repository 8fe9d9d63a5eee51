import { randomBytes } from "node:crypto";
import pg from "pg";

/** `<prefix>_<pid>_<random>`: unique per process and call, and a valid unquoted identifier. */
export function uniqueDatabaseName(prefix: string): string {
  return `${prefix}_${process.pid}_${randomBytes(4).toString("hex")}`;
}

/** Creates a database on the server `serverUrl` points at and returns its URL. */
export async function createDatabase(
  serverUrl: string,
  name: string,
  options: { template?: string } = {},
): Promise<string> {
  const template = options.template ? ` TEMPLATE ${quoteIdentifier(options.template)}` : "";
  await runStatement(serverUrl, `CREATE DATABASE ${quoteIdentifier(name)}${template}`);
  return databaseUrl(serverUrl, name);
}

/** FORCE closes the connections a test may have left open (PostgreSQL 13+). */
export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await runStatement(serverUrl, `DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`);
}

export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function queryRows<T extends pg.QueryResultRow>(
  url: string,
  sql: string,
  values: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

async function runStatement(url: string, sql: string): Promise<void> {
  await queryRows(url, sql);
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
