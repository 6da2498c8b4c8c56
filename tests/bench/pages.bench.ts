/*
 * `npm run bench:pages`: catalogue pages and the API under load against a running production
 * portal (BENCH_URL, default http://127.0.0.1:3000; start it with `npm start`). Prints throughput
 * and latency percentiles; asserts nothing.
 */
import { assertLoopback, formatLoad, runLoad } from "./load";

const base = process.env.BENCH_URL ?? "http://127.0.0.1:3000";
assertLoopback(base);
const total = Number(process.env.BENCH_REQUESTS ?? 2000);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 16);

const health = await fetch(`${base}/healthz`).catch(() => null);
if (!health?.ok) {
  console.error(`No portal answers at ${base}: start it with npm start (or set BENCH_URL).`);
  process.exit(1);
}

const queries = ["школа", "шкла", "многодетн", "детский сад", "пособие на ребенка", "оплата жку", "врач"];
const cases: [string, (i: number) => string][] = [
  ["home page (ru)", () => `${base}/`],
  ["service page", () => `${base}/services/first-grade-enrollment`],
  ["category page", () => `${base}/categories/education`],
  ["search page", (i) => `${base}/search?q=${encodeURIComponent(queries[i % queries.length]!)}`],
  ["api/services search", (i) => `${base}/api/services?q=${encodeURIComponent(queries[i % queries.length]!)}`],
];

console.log(`${total} requests per case, ${concurrency} concurrent clients, against ${base}`);
for (const [name, url] of cases) {
  await runLoad({ url, total: 50, concurrency: 4, maxSeconds: 10 }); // warm-up
  console.log(formatLoad(name, await runLoad({ url, total, concurrency, maxSeconds: 30 })));
}
