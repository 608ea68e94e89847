/**
 * Measures programme search on the inflection test set (test/fixtures/search/inflection-set.json):
 * imports content/ into a fresh temporary SQLite database (and a fresh PostgreSQL schema when
 * SUUNTA_TEST_PG_URL or DATABASE_URL is a postgres URL) and prints recall@10 overall and per
 * inflection class, and false positives on the negative queries, for
 *   (a) plain Snowball stems matched exactly (the baseline, computed in memory),
 *   (b) plain Snowball stems matched as prefixes (in memory),
 *   (c) the final method: ProgrammeReader.search on each database,
 * followed by the misses of each method.
 *
 *   node --import tsx scripts/measure-search-recall.ts [--quiet]
 */
import { databaseTargets, openTestContext } from '../test/support/databases.ts';
import {
  formatComparison,
  formatMisses,
  loadInflectionSet,
  measure,
  snowballBaseline,
  summarise,
  type Measurement,
} from '../test/search/recall-harness.ts';

const quiet = process.argv.includes('--quiet');
const databaseUrl = process.env['DATABASE_URL'];
if (!process.env['SUUNTA_TEST_PG_URL'] && databaseUrl && /^postgres(ql)?:\/\//.test(databaseUrl)) {
  // databaseTargets() makes a fresh schema in this database for the run and drops it afterwards.
  process.env['SUUNTA_TEST_PG_URL'] = databaseUrl;
}

const set = loadInflectionSet();
const { region, slug, version } = set.programme;
const methods: { name: string; measurement: Measurement }[] = [];

for (const target of databaseTargets()) {
  const ctx = await openTestContext(target);
  try {
    if (methods.length === 0) {
      const content = await ctx.reader.versionContent(region, slug, version);
      methods.push({
        name: '(a) snowball',
        measurement: await measure(set, snowballBaseline(content.nodes, { prefix: false })),
      });
      methods.push({
        name: '(b) snowball+pfx',
        measurement: await measure(set, snowballBaseline(content.nodes, { prefix: true })),
      });
    }
    const search = async (lang: 'fi' | 'sv' | 'en', q: string): Promise<string[]> =>
      (await ctx.reader.search(region, slug, version, lang, q)).map((h) => h.key);
    methods.push({ name: `(c) final ${target.name}`, measurement: await measure(set, search) });
  } finally {
    await ctx.close();
  }
}

const summaries = methods.map((m) => ({ name: m.name, summary: summarise(m.measurement) }));
console.log(
  `Inflection test set: ${set.cases.length} queries, ${set.negatives.length} negative queries; programme ${region}-${slug} version ${version}.`,
);
console.log(`recall@10 = share of queries whose expected node is among the first 10 hits.\n`);
console.log(formatComparison(summaries));
if (!quiet) {
  for (const m of methods) console.log(`\n${formatMisses(m.name, m.measurement)}`);
}
