import { createPrismaClient } from "../server/db/client";
import { resolveDatabaseUrl } from "../server/db/resolve-url";
import { seedDemo } from "../prisma/seed";

/** `npm run db:seed`: the demo data into DATABASE_URL or the embedded database. */
const database = await resolveDatabaseUrl();
const prisma = createPrismaClient(database.url, { poolMax: 1 });
try {
  await seedDemo(prisma, { demoApiKey: process.env.DEMO_API_KEY });
  console.log("Demo data: in place.");
} finally {
  await prisma.$disconnect();
  await database.stop();
}
