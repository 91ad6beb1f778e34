// `npm run jobs:run -- reminders [--date YYYY-MM-DD]` | `overdue [--date …]` | `mail`: runs a job once, for
// operators and tests, without the app running. Reminders and the overdue summary are exactly-once (a second run
// sends nothing new); --date runs them as on that Japanese day (08:00). Afterwards the outbox is sent (SMTP_URL),
// or held for the admin to read when no SMTP server is set.
import { parseArgs } from "node:util";
import { withDatabaseUrl } from "../database/resolve";
import { prepareDatabase } from "../database/prepare";
import { createPrismaClient } from "../../lib/db";
import { runDeadlineReminders, runOverdueSummary } from "../../lib/jobs/reminders";
import { drainOutbox } from "../../lib/mail/sender";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { date: { type: "string" } } });
const job = positionals[0];
if (!job || !["reminders", "overdue", "mail"].includes(job) || (values.date && !/^\d{4}-\d{2}-\d{2}$/.test(values.date))) {
  console.error("使い方: npm run jobs:run -- reminders [--date YYYY-MM-DD] | overdue [--date YYYY-MM-DD] | mail");
  process.exit(2);
}
const now = values.date ? new Date(`${values.date}T08:00:00+09:00`) : new Date();

await withDatabaseUrl(async (url) => {
  await prepareDatabase(url, (m) => console.error(`[kpi] ${m}`));
  const prisma = createPrismaClient(url);
  try {
    if (job === "reminders" || job === "overdue") {
      const r = job === "reminders" ? await runDeadlineReminders(prisma, now) : await runOverdueSummary(prisma, now);
      console.log(`${job === "reminders" ? "提出期限のお知らせ" : "期限超過のまとめ"}：通知 ${r.notifications}件、メール ${r.mails}件（新たに作成したもの）`);
    }
    const m = await drainOutbox(prisma);
    console.log(`メール：送信 ${m.sent}件、再試行待ち ${m.retrying}件、送信失敗 ${m.failed}件、保留（SMTP_URL 未設定） ${m.held}件`);
  } finally {
    await prisma.$disconnect();
  }
});
