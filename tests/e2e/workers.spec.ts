// `KPI_WORKERS=2 npm start` with REDIS_URL: two server processes answer on one port and share the cache in Redis
// (lib/server/workers.ts, lib/server/cache-handler.mjs). A page rendered by one process is served from the cache
// by the other, and once an approval has answered (posted to whichever process), the very next request to each
// process shows the approved text. The launcher is started here on this run's database and the machine's Redis
// (127.0.0.1:6379 here and in CI; TEST_REDIS_URL to use another).
import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { freePort } from "../../ops/database/embedded";
import { signIn } from "../helpers/e2e";
import { submitAndApprove } from "../helpers/publish-round";

const NO41 = "/orgs/430005/plans/kumamoto-2020/measures/41"; // 県内建設業就業者数 (土木部): no other spec touches it
const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

let launcher: ChildProcess;
let base = "";
let output = "";

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  launcher = spawn(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "ops/cli/start.ts"], {
    env: {
      ...process.env,
      KPI_WORKERS: "2",
      REDIS_URL,
      KPI_REDIS_PREFIX: `kpi-e2e-${randomBytes(4).toString("hex")}`, // this run's entries only
      PORT: String(port),
      HOST: "127.0.0.1",
      NEXTAUTH_URL: base,
      AUTH_SECRET: randomBytes(32).toString("base64"),
      NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: "",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  launcher.stdout!.on("data", (d) => (output += d));
  launcher.stderr!.on("data", (d) => (output += d));
  for (let i = 0; i < 200; i++) {
    const up = await fetch(base).then((r) => r.status < 500, () => false);
    if (up) return;
    if (launcher.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`KPI_WORKERS=2 npm start did not answer:\n${output}`);
});

test.afterAll(async () => {
  if (!launcher || launcher.exitCode !== null) return;
  const exited = new Promise((r) => launcher.once("exit", r));
  launcher.kill("SIGTERM");
  await exited;
});

type Answer = { worker: string; cache: string | null; text: string };

/** A GET on a new connection each time: the cluster hands out connections, not requests, in turn. */
function get(url: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false }, (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (d) => (text += d));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
      })
      .on("error", reject);
  });
}

/** Requests the page until both workers have answered; returns each worker's first answer. */
async function firstAnswerOfEachWorker(url: string): Promise<Map<string, Answer>> {
  const first = new Map<string, Answer>();
  for (let i = 0; i < 40 && first.size < 2; i++) {
    const res = await get(url);
    expect(res.status).toBe(200);
    const worker = String(res.headers["x-kpi-worker"]);
    expect(worker, "the x-kpi-worker header").toMatch(/^[12]$/);
    const answer = { worker, cache: (res.headers["x-nextjs-cache"] as string | undefined) ?? null, text: res.text };
    if (!first.has(answer.worker)) first.set(answer.worker, answer);
  }
  expect([...first.keys()].sort()).toEqual(["1", "2"]);
  return first;
}

test("two processes share the cache in Redis, and an approval is visible on the very next request to each", async ({ browser }) => {
  test.setTimeout(120_000);
  const url = `${base}${NO41}`;
  // the page rendered by whichever process answers first is stored in Redis; the other process serves that copy
  const warm = await get(url);
  const renderer = String(warm.headers["x-kpi-worker"]);
  const other = [...(await firstAnswerOfEachWorker(url)).values()].find((a) => a.worker !== renderer)!;
  expect(other.cache, `worker ${other.worker} serves the copy worker ${renderer} rendered`).toBe("HIT");

  const officer = await (await browser.newContext({ baseURL: base })).newPage();
  const admin = await (await browser.newContext({ baseURL: base })).newPage();
  await signIn(officer, "doboku@demo.example");
  await signIn(admin, "admin@demo.example");
  for (let round = 1; round <= 2; round++) {
    const text = `複数プロセス確認 第${round}回 ${randomBytes(4).toString("hex")}`;
    await submitAndApprove(officer, admin, NO41, text);
    for (const answer of (await firstAnswerOfEachWorker(url)).values()) {
      expect(answer.text.includes(text), `worker ${answer.worker}'s first answer after approval ${round} shows the approved text`).toBe(true);
    }
  }
  expect(output).toContain("2 server processes");
});
