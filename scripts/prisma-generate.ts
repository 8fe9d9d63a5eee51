import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * `prisma generate` without the native schema engine: the CLI skips its download when
 * PRISMA_SCHEMA_ENGINE_BINARY names an existing file (generate never runs it).
 */
export function generatePrismaClient(root = process.cwd(), options: { force?: boolean } = {}): void {
  const schema = path.join(root, "prisma", "schema.prisma");
  const stamp = path.join(root, "server", "db", "generated", ".schema-stamp");
  const current = readFileSync(schema, "utf8");
  if (!options.force && existsSync(stamp) && readFileSync(stamp, "utf8") === current) return;

  const placeholder = path.join(root, "node_modules", ".cache", "otklik", "no-schema-engine");
  mkdirSync(path.dirname(placeholder), { recursive: true });
  if (!existsSync(placeholder) || statSync(placeholder).size === 0)
    writeFileSync(placeholder, "not used by prisma generate\n");

  const prisma = path.join(root, "node_modules", ".bin", "prisma");
  const r = spawnSync(prisma, ["generate"], {
    cwd: root,
    stdio: "inherit",
    env: {
      ...process.env,
      PRISMA_SCHEMA_ENGINE_BINARY: placeholder,
      CHECKPOINT_DISABLE: "1",
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
    },
  });
  if (r.status !== 0) throw new Error("prisma generate failed");
  writeFileSync(stamp, current);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  generatePrismaClient(process.cwd(), { force: process.argv.includes("--force") });
}
