/**
 * The funding overview of a programme's current version: the financing plan against the money
 * granted and paid to projects linked to the programme, by priority (a priority's row counts the
 * projects linked to it or to a measure under it; a project linked to two priorities counts in
 * both) and by fund (each project once).
 */
import { notFound } from '#src/domain/errors.ts';
import { FUND_CODES } from '#src/domain/projects/funds.ts';
import type { FundingOverview, FundingRow } from '#src/domain/projects/listing.ts';
import { flattenTree } from '#src/domain/tree.ts';
import type { Db } from '#src/storage/database.ts';
import { listFinancingPlan } from '#src/storage/repositories/financing-plan-repository.ts';
import { unlinkedProjectTotals } from '#src/storage/repositories/projects-repository.ts';
import type { ProgrammeReader } from '../programmes/programme-reader.ts';
import type { ProjectQueries } from './query-projects.ts';

const row = (plan: number, sums: readonly { kind: string; cents: number }[]): FundingRow => ({
  planCents: plan,
  grantedCents: sums.filter((s) => s.kind === 'granted').reduce((a, s) => a + s.cents, 0),
  paidCents: sums.filter((s) => s.kind === 'paid').reduce((a, s) => a + s.cents, 0),
});

export async function fundingOverview(
  db: Db,
  reader: ProgrammeReader,
  projects: ProjectQueries,
  regionCode: string,
  slug: string,
): Promise<FundingOverview> {
  const content = await reader.versionContent(regionCode, slug);
  if (content.version.number !== content.programme.currentVersion)
    throw notFound(`The current version of programme "${slug}"`);
  const plan = await listFinancingPlan(db.kysely, {
    regionCode,
    programmeSlug: slug,
    versionNumber: content.version.number,
  });
  const all = flattenTree(content.nodes);
  const byPriority = [];
  for (const node of all.filter((n) => n.depth === 2)) {
    const keys = [node.key, ...flattenTree(node.children).map((n) => n.key)];
    const sums = await projects.sums(regionCode, { nodeKeys: { programme: slug, keys } });
    const planned = plan.filter((l) => keys.includes(l.nodeKey)).reduce((a, l) => a + l.plannedCents, 0);
    byPriority.push({ key: node.key, title: node.title, path: node.path, ...row(planned, sums) });
  }
  const sums = await projects.sums(regionCode, { nodeKeys: { programme: slug, keys: all.map((n) => n.key) } });
  const byFund = FUND_CODES.flatMap((fund) => {
    const planned = plan.filter((l) => l.fund === fund).reduce((a, l) => a + l.plannedCents, 0);
    const r = row(
      planned,
      sums.filter((s) => s.fund === fund),
    );
    return planned === 0 && r.grantedCents === 0 && r.paidCents === 0 ? [] : [{ fund, ...r }];
  });
  const unlinked = await unlinkedProjectTotals(db.kysely, regionCode, slug);
  const money = (fund: string, kind: string): number =>
    unlinked.sums.filter((s) => s.fund === fund && s.kind === kind).reduce((a, s) => a + s.cents, 0);
  return {
    programme: { slug, title: content.programme.title },
    version: content.version.number,
    hasPlan: plan.length > 0,
    byPriority,
    byFund,
    unlinked: {
      count: unlinked.count,
      periods: unlinked.periods,
      byFund: FUND_CODES.filter((fund) => unlinked.sums.some((s) => s.fund === fund)).map((fund) => ({
        fund,
        grantedCents: money(fund, 'granted'),
        paidCents: money(fund, 'paid'),
      })),
    },
  };
}
