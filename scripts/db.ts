/**
 * The migration CLI (`npm run db:new|db:deploy|db:status|db:drift`), over Prisma's schema
 * engine compiled to WASM (server/db/migrate). The database: DATABASE_URL when set, else the
 * embedded PGlite (server/db/resolve-url.ts).
 */
import path from "node:path";
import {
  createMigration,
  defaultMigratePaths,
  deploy,
  drift,
  markRolledBack,
  status,
  validateMigrationName,
  type TMigrateTarget,
} from "../server/db/migrate";
import { resolveDatabaseUrl, type TResolvedDatabase } from "../server/db/resolve-url";

const USAGE = `Usage:
  npm run db:new <name>   write a migration from the difference migrations → schema.prisma
  npm run db:deploy       apply the pending migrations
  npm run db:status       list pending, edited and failed migrations (exit 1 unless up to date)
  npm run db:drift        exit 1 and print the SQL when schema.prisma differs from the migrations
  npm run db:rolled-back <migration>
                          after a failed deploy: mark it rolled back so that deploy retries it`;

type TCommand = (target: TMigrateTarget, args: string[]) => Promise<number>;

const commands: Record<string, TCommand> = {
  async new(target, args) {
    const name = args[0] ?? "";
    const result = await createMigration({ ...target, name });
    if (!result.created) {
      console.error("No changes: the migrations already produce schema.prisma. Nothing was written.");
      return 1;
    }
    console.log(`Created ${relative(path.join(result.directory, "migration.sql"))}`);
    console.log("Review it, then apply it with `npm run db:deploy`.");
    return 0;
  },

  async deploy(target) {
    const { applied } = await deploy(target);
    if (applied.length === 0) {
      console.log("No pending migrations: the database is up to date.");
    } else {
      console.log(`Applied ${applied.length} migration(s):`);
      for (const name of applied) console.log(`  ${name}`);
    }
    return 0;
  },

  async status(target) {
    const report = await status(target);
    console.log(`${report.local.length} migration(s) in ${relative(target.migrationsDir)}.`);
    printList("Pending (not applied yet, run `npm run db:deploy`)", report.pending);
    printList(
      "Edited after being applied (restore the applied version; change the schema with a new migration)",
      report.edited,
    );
    printList("Failed (repair what it changed, then `npm run db:rolled-back <name>` and deploy again)", report.failed);
    printList("Applied to the database but missing from the folder", report.missingLocally);
    if (report.upToDate) console.log("The database is up to date.");
    return report.upToDate ? 0 : 1;
  },

  async "rolled-back"(target, args) {
    const name = args[0];
    if (!name) {
      console.error(USAGE);
      return 2;
    }
    await markRolledBack({ ...target, name });
    console.log(`Marked ${name} rolled back; \`npm run db:deploy\` will apply it again.`);
    return 0;
  },

  async drift(target) {
    const result = await drift(target);
    if (!result.drifted) {
      console.log("No drift: the migrations produce exactly schema.prisma.");
      return 0;
    }
    console.error("Drift: schema.prisma differs from what the migrations produce.");
    console.error("Create the missing migration with `npm run db:new <name>`. The difference:\n");
    console.log(result.sql.trimEnd());
    return 1;
  },
};

async function main(): Promise<number> {
  const [commandName, ...args] = process.argv.slice(2);
  const command = commandName === undefined ? undefined : commands[commandName];
  if (!command) {
    console.error(commandName ? `Unknown command "${commandName}".\n${USAGE}` : USAGE);
    return 2;
  }
  if (commandName === "new") {
    // Checked before starting any database: a typo should fail in milliseconds.
    const problem = validateMigrationName(args[0] ?? "");
    if (problem) {
      console.error(`Invalid migration name: ${problem}.`);
      return 2;
    }
  }

  const database = await resolveDatabaseUrl();
  console.error(`Database: ${describe(database)}`);
  try {
    return await command({ databaseUrl: database.url, ...defaultMigratePaths() }, args);
  } finally {
    await database.stop();
  }
}

function printList(title: string, names: string[]): void {
  if (names.length === 0) return;
  console.log(`${title}:`);
  for (const name of names) console.log(`  ${name}`);
}

function describe(database: TResolvedDatabase): string {
  const url = new URL(database.url);
  const where = `${url.hostname}:${url.port || "5432"}${url.pathname}`;
  return database.embedded ? `embedded PGlite at ${where}` : `DATABASE_URL (${where})`;
}

function relative(file: string): string {
  return path.relative(process.cwd(), file) || file;
}

/** The engine appends a Rust span trace ("   0: schema_engine_wasm::…") that helps nobody here. */
function engineMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split(/\n\s+0: /)[0]?.trim() ?? message;
}

// The wasm engine cannot be disposed of and pools may linger: always exit explicitly.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`Error: ${engineMessage(error)}`);
    process.exit(1);
  },
);
