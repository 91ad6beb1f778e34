// `npm run db:migration -- <name>`: writes the next migration from the change to prisma/schema.prisma.
// The engine replays the existing migrations on a throw-away shadow database to compute the difference.
import { createMigration } from "../migrations/migrations";
import { withDatabaseUrl } from "../database/resolve";

const name = process.argv[2];
if (!name) {
  console.error("usage: npm run db:migration -- <name>");
  process.exit(2);
}
await withDatabaseUrl(async (url) => {
  const folder = await createMigration(url, name);
  console.log(folder ? `created ${folder}` : "schema.prisma matches the migrations: nothing to create");
});
