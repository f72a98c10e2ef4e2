// Library search on a real-sized library: 10,000 recordings with ~1,000-word uz/ru/en transcripts in a
// scratch PostgreSQL database (created here, dropped at the end), then 200 mixed queries at 1 and at 20
// concurrent clients through the app's own search, the plain list, and a naive ILIKE scan of the same
// shape in the same process, so a busy machine slows all three alike.
// Usage: DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:search -- [--recordings n] [--queries n] [--words n] [--rounds n] [--keep]
//        … npm run bench:search -- --database yozuv_bench_xxxx   (measure again on a database an earlier --keep left, without seeding it anew)
import { randomBytes } from "node:crypto";
import { cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";
import postgres from "postgres";
import { percentiles } from "./support/percentiles";
import { printTable } from "./support/print-table";
import { generateWord, queryWords, randomSource, type CorpusLanguage } from "./support/search-corpus";

const { values } = parseArgs({ options: { recordings: { type: "string", default: "10000" }, queries: { type: "string", default: "200" }, words: { type: "string", default: "1000" }, keep: { type: "boolean", default: false }, database: { type: "string" }, rounds: { type: "string", default: "3" } } });
const RECORDINGS = Number(values.recordings);
const QUERIES = Number(values.queries);
const WORDS_PER_RECORDING = Number(values.words);
const ROUNDS = Number(values.rounds);
const USERS = 100;
const TARGETS = { searchP95Ms: 100, listP99Ms: 50, minSpeedup: 20 };

async function main(): Promise<void> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    console.error("bench:search needs DATABASE_URL (a PostgreSQL server; a scratch database is created there and dropped).");
    process.exit(1);
  }
  const reused = values.database;
  if (reused !== undefined && !/^yozuv_bench_[0-9a-f]+$/.test(reused)) {
    console.error(`--database takes a database an earlier --keep left (yozuv_bench_…), not ${reused}.`);
    process.exit(1);
  }
  const scratchName = reused ?? `yozuv_bench_${randomBytes(4).toString("hex")}`;
  const scratchUrl = new URL(serverUrl);
  scratchUrl.pathname = `/${scratchName}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  if (!reused) await admin.unsafe(`create database ${scratchName}`);
  // App modules read DATABASE_URL when first imported, so they are imported only now.
  process.env.DATABASE_URL = scratchUrl.toString();
  process.env.LOG_LEVEL ??= "silent";

  try {
    const { migrateDatabase } = await import("@/db/migrate");
    await migrateDatabase();
    const users = reused ? await seededCallers(scratchUrl.toString()) : await seed(scratchUrl.toString());
    await run(users);
  } finally {
    const { closeConnection } = await import("@/db/client");
    await closeConnection();
    if (values.keep || reused) console.log(`kept the scratch database ${scratchName}`);
    else await admin.unsafe(`drop database if exists ${scratchName} with (force)`);
    await admin.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

type Caller = { id: string; phone: string; role: "user" | "admin" };

/** Users, recordings and segments through COPY, which is what makes 10,000 recordings take seconds, not minutes. */
async function seed(url: string): Promise<{ users: Caller[]; admin: Caller }> {
  const started = performance.now();
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const random = randomSource(42);
  const people: Caller[] = Array.from({ length: USERS + 1 }, (_, n) => ({ id: crypto.randomUUID(), phone: `+99890${String(1_000_000 + n)}`, role: n === USERS ? "admin" : "user" }));
  await sql`insert into users ${sql(people.map(({ id, phone, role }) => ({ id, phone, role })))}`;
  const recordingRows: string[] = [];
  const segmentRows: string[] = [];
  const languages: CorpusLanguage[] = ["uz", "uz", "uz", "uz", "uz", "ru", "ru", "ru", "en", "en"];
  const epoch = Date.parse("2025-01-01T00:00:00Z");
  for (let n = 0; n < RECORDINGS; n++) {
    const id = crypto.randomUUID();
    const language = languages[n % languages.length]!;
    const owner = people[n % USERS]!;
    let startMs = 0;
    const texts: string[] = [];
    for (let index = 0, words = 0; words < WORDS_PER_RECORDING; index++) {
      const count = 10 + Math.floor(random() * 11);
      const text = Array.from({ length: count }, () => generateWord(language, random)).join(" ");
      const endMs = startMs + count * 400;
      segmentRows.push([id, index, startMs, endMs, text].join("\t"));
      texts.push(text);
      startMs = endMs;
      words += count;
    }
    const title = `${["Dars", "Yigʻilish", "Интервью", "Meeting", "Maʼruza"][n % 5]} ${n} ${generateWord(language, random)}`;
    const created = new Date(epoch + Math.floor(random() * 700 * 86_400_000)).toISOString();
    recordingRows.push([id, owner.id, `${id}.mp3`, `rec-${n}.mp3`, title, 1_000_000, startMs / 1000, "audio/mpeg", language, n % 50 === 0 ? "failed" : "completed", texts.join(" "), 1, created, created].join("\t"));
  }
  // Building the search indexes once after loading is many times faster than updating them row by
  // row: drop them and recreate them from their own definitions (so the migration stays the one source).
  // The search documents themselves are written by the migration's trigger as the recordings arrive.
  const searchIndexes = await sql<{ indexname: string; indexdef: string }[]>`select indexname, indexdef from pg_indexes where schemaname = 'public' and indexdef like '% USING gin %'`;
  for (const { indexname } of searchIndexes) await sql.unsafe(`drop index ${indexname}`);
  await copy(sql, "recordings (id, user_id, storage_key, original_filename, title, file_size, duration_seconds, mime_type, language, transcription_status, transcript_text, transcript_version, created_at, updated_at)", recordingRows);
  await copy(sql, "transcript_segments (recording_id, index, start_ms, end_ms, text)", segmentRows);
  await sql`set maintenance_work_mem = '256MB'`;
  for (const { indexdef } of searchIndexes) await sql.unsafe(indexdef);
  // What autovacuum does soon after a bulk load anyway: statistics, and the visibility map index-only scans need.
  await sql`vacuum analyze`;
  await sql.end();
  console.log(`seeded ${RECORDINGS} recordings, ${segmentRows.length} segments, ${USERS} users in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return { users: people.slice(0, USERS), admin: people[USERS]! };
}

/** The callers of a database seeded by an earlier run: its users in the order they were made, and its admin. */
async function seededCallers(url: string): Promise<{ users: Caller[]; admin: Caller }> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const rows = await sql<Caller[]>`select id, phone, role from users order by phone`;
  await sql.end();
  const admin = rows.find((row) => row.role === "admin");
  if (!admin) throw new Error("that database has no admin: it was not seeded by bench:search");
  return { users: rows.filter((row) => row.role === "user"), admin };
}

async function copy(sql: postgres.Sql, target: string, rows: string[]): Promise<void> {
  const writable = await sql.unsafe(`copy ${target} from stdin`).writable();
  const batch = 2000;
  for (let start = 0; start < rows.length; start += batch) {
    const chunk = `${rows.slice(start, start + batch).join("\n")}\n`;
    if (!writable.write(chunk)) await new Promise((resolve) => writable.once("drain", resolve));
  }
  await new Promise<void>((resolve, reject) => writable.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

type Query = { q: string; caller: Caller; kind: string };

/** 200 queries of mixed kinds, mostly by users (their own library), one in ten by the admin (everyone's). */
function mixedQueries(people: { users: Caller[]; admin: Caller }): Query[] {
  const random = randomSource(7);
  const any = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
  const apostrophes = ["'", "‘", "ʻ", "’", "`"];
  const kinds: ((caller: Caller) => Query)[] = [
    (caller) => ({ caller, kind: "uz stem", q: any(queryWords.uzStems).replace(/ʻ/g, () => any(apostrophes)).replace(/ʼ/g, "'") }),
    (caller) => ({ caller, kind: "uz form", q: `${any(queryWords.uzStems)}larimizdan`.toUpperCase() }),
    (caller) => ({ caller, kind: "ru word", q: any(queryWords.ru).toUpperCase() }),
    (caller) => ({ caller, kind: "en word", q: any(queryWords.en) }),
    (caller) => ({ caller, kind: "phrase", q: `${any(queryWords.en)} ${any(queryWords.en)}` }),
    (caller) => ({ caller, kind: "title", q: `Dars ${Math.floor(random() * RECORDINGS)}` }),
    (caller) => ({ caller, kind: "rare word", q: any(queryWords.tail) }),
    (caller) => ({ caller, kind: "absent", q: `zyxq${Math.floor(random() * 1000)}` }),
  ];
  return Array.from({ length: QUERIES }, (_, n) => kinds[n % kinds.length]!(n % 10 === 9 ? people.admin : any(people.users)));
}

async function run(people: { users: Caller[]; admin: Caller }): Promise<void> {
  const { searchRecordings } = await import("@/lib/recordings/search/search-recordings");
  const { readTranscriptTexts } = await import("@/lib/recordings/search/read-transcript-texts");
  const { libraryQuerySchema } = await import("@/lib/recordings/search/library-query");
  const { db } = await import("@/db/client");
  const { sql } = await import("drizzle-orm");
  const queries = mixedQueries(people);
  const page = (q?: string) => libraryQuerySchema.parse({ ...(q ? { q } : {}), limit: "20" });
  const sides = {
    search: (query: Query) => searchRecordings(query.caller, page(query.q)),
    list: (query: Query) => searchRecordings(query.caller, page()),
    // What GET /audio/list adds for its original contract: every item's transcript_text.
    "list + text": async (query: Query) => readTranscriptTexts((await searchRecordings(query.caller, page())).items),
    // The same question answered the obvious way: ILIKE over the raw text, no index can help.
    "ILIKE scan": (query: Query) => {
      const pattern = `%${query.q.replace(/[\\%_]/g, "\\$&")}%`;
      const mine = query.caller.role === "admin" ? sql`true` : sql`r.user_id = ${query.caller.id}`;
      return db.execute(sql`select r.id, count(*) over () as total from recordings r where ${mine} and (r.title ilike ${pattern} or r.original_filename ilike ${pattern}
        or exists (select 1 from transcript_segments s where s.recording_id = r.id and s.text ilike ${pattern})) order by r.created_at desc limit 20`);
    },
  };
  // Warm-up: plans, caches and every connection of the pool, as a server that has been up a while has
  // them. One query at a time warmed one connection; the other nine then started cold inside the
  // 20-client run (a new PostgreSQL backend loads its catalog caches and the unaccent rules on first
  // use: 30–50 ms of CPU for its first search), which was most of that run's p95 and p99. And each
  // connection plans a prepared statement anew (about 1 ms) for its first five runs before it may
  // settle on a generic plan; with a warm-up of 20 queries the first of three rounds was the slowest
  // in three runs of four. So the app's sides warm up with every query, 20 at a time; the scan
  // prepares nothing and is costly, so it warms up with 20.
  for (const [name, side] of Object.entries(sides)) await measure(name === "ILIKE scan" ? queries.slice(0, 20) : queries, 20, side);
  const loadBefore = loadavg();
  // Several rounds, each every side at 1 and then at 20 clients: on a shared machine one round's
  // medians at 20 clients moved by a third from run to run, so each figure is the median of the rounds'.
  const rounds: Record<string, Record<number, Percentiles>>[] = [];
  const alone: Record<string, number[][]> = {};
  for (let round = 0; round < ROUNDS; round++) {
    const results: Record<string, Record<number, Percentiles>> = {};
    for (const clients of [1, 20]) {
      for (const [name, side] of Object.entries(sides)) {
        const latencies = await measure(queries, clients, side);
        (results[name] ??= {})[clients] = { ...percentiles(latencies), mean: latencies.reduce((sum, latency) => sum + latency, 0) / latencies.length };
        if (clients === 1) (alone[name] ??= []).push(latencies);
      }
    }
    rounds.push(results);
  }
  const overRounds = (name: string, clients: number, figure: keyof Percentiles) => rounds.map((results) => results[name]![clients]![figure]);
  console.log(`\n${QUERIES} queries (${[...new Set(queries.map((query) => query.kind))].join(", ")}; 1 in 10 by an admin over all ${RECORDINGS} recordings), ${ROUNDS} rounds`);
  // The machine may be shared: a load far above the core count slows every side alike.
  const load = (averages: number[]) => averages.map((value) => value.toFixed(1)).join(" ");
  console.log(`load average (1, 5, 15 min) before measuring ${load(loadBefore)}, after ${load(loadavg())}, on ${cpus().length} cores`);
  const table = [["side", "clients", "p50 ms", "p95 ms", "p99 ms"]];
  for (const name of Object.keys(sides)) {
    for (const clients of [1, 20]) table.push([name, String(clients), ...(["p50", "p95", "p99"] as const).map((figure) => median(overRounds(name, clients, figure)).toFixed(1))]);
  }
  console.log(`\nmedians of the ${ROUNDS} rounds' percentiles`);
  printTable(table);
  printKinds(queries, medianPerQuery(alone.search!), medianPerQuery(alone["ILIKE scan"]!));

  const every = (values: number[], digits = 1) => values.map((value) => value.toFixed(digits)).join(", ");
  const ratios = (clients: number, figure: keyof Percentiles) => rounds.map((results) => results["ILIKE scan"]![clients]![figure] / results.search![clients]![figure]);
  const searchP95 = overRounds("search", 20, "p95");
  const listP99 = overRounds("list", 20, "p99");
  const speedups = ratios(20, "p50");
  const verdict = (ok: boolean) => (ok ? "met" : "NOT met");
  console.log(`\ntargets at 20 clients (median of the rounds; each round's in brackets):`);
  console.log(`  search p95 ${median(searchP95).toFixed(1)} ms ≤ ${TARGETS.searchP95Ms}: ${verdict(median(searchP95) <= TARGETS.searchP95Ms)} [${every(searchP95)}]`);
  console.log(`  list p99 ${median(listP99).toFixed(1)} ms ≤ ${TARGETS.listP99Ms}: ${verdict(median(listP99) <= TARGETS.listP99Ms)} [${every(listP99)}]`);
  console.log(`  search ${median(speedups).toFixed(1)}× faster than the ILIKE scan (median latency) ≥ ${TARGETS.minSpeedup}×: ${verdict(median(speedups) >= TARGETS.minSpeedup)} [${every(speedups)}]`);
  // The same comparison other ways, for what one figure hides: alone, a user's scan of their own 100
  // recordings is quick (the median), while the admins' scans of all of them are most of its mean.
  console.log(`  for comparison: ${median(ratios(20, "mean")).toFixed(1)}× by mean latency at 20 clients; at 1 client ${median(ratios(1, "p50")).toFixed(1)}× by median, ${median(ratios(1, "mean")).toFixed(1)}× by mean`);
}

type Percentiles = ReturnType<typeof percentiles> & { mean: number };

function median(values: number[]): number {
  return percentiles(values).p50;
}

/** Each query's median latency over the rounds. */
function medianPerQuery(rounds: number[][]): number[] {
  return rounds[0]!.map((_, index) => median(rounds.map((latencies) => latencies[index]!)));
}

/** Where the time goes: each kind of query at 1 client, by whom, search next to the scan. */
function printKinds(queries: Query[], search: number[], scan: number[]): void {
  const groups = new Map<string, number[]>();
  queries.forEach((query, index) => {
    const key = `${query.kind}${query.caller.role === "admin" ? " (admin)" : ""}`;
    groups.set(key, [...(groups.get(key) ?? []), index]);
  });
  const rows = [["kind, 1 client", "queries", "search p50 ms", "scan p50 ms", "scan / search"]];
  for (const [key, indexes] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    const searchMs = median(indexes.map((index) => search[index]!));
    const scanMs = median(indexes.map((index) => scan[index]!));
    rows.push([key, String(indexes.length), searchMs.toFixed(1), scanMs.toFixed(1), `${(scanMs / searchMs).toFixed(1)}×`]);
  }
  console.log("");
  printTable(rows);
}

/** Runs every query once, `clients` at a time, and returns each one's latency in ms, in the queries' order. */
async function measure(queries: Query[], clients: number, side: (query: Query) => Promise<unknown>): Promise<number[]> {
  const latencies: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < queries.length) {
        const index = next++;
        const started = performance.now();
        await side(queries[index]!);
        latencies[index] = performance.now() - started;
      }
    }),
  );
  return latencies;
}
