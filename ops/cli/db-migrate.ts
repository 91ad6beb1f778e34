// `npm run db:migrate`: applies pending migrations to DATABASE_URL (or the embedded database).
import { applyMigrations } from "../migrations/migrations";
import { withDatabaseUrl } from "../database/resolve";

await withDatabaseUrl(async (url) => {
  const applied = await applyMigrations(url);
  console.log(applied.length ? `applied: ${applied.join(", ")}` : "the database is up to date");
});
