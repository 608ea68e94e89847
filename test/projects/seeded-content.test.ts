/**
 * The seeded-content test (issue 12, point 5): a freshly seeded database, on every database, holds
 * the real Kymenlaakso projects of content/facts/projects-kymenlaakso.json; the project browser, a
 * priority page and the funding overview show real project names and money; project pages and the
 * API state the funding period; and no project is linked to a 2022–2025 priority unless the facts
 * file says so (the helper's proposals are shown as proposals, not links).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT_DIR } from '#src/config/config.ts';
import { flattenTree } from '#src/domain/tree.ts';
import { priorityProposals } from '#src/services/projects/priority-suggestions.ts';
import { countProjects } from '#src/storage/repositories/projects-repository.ts';
import { formatEuros } from '#src/views/charts/format-money.ts';
import { useTestApp } from '../support/test-app.ts';
import { databaseTargets } from '../support/databases.ts';

interface FactsProject {
  code: string;
  name: { fi: string };
  nodes: unknown[];
  fundingPeriod?: string;
  funding: { fund: string; kind: string; amountCents: number }[];
}
const FACTS = JSON.parse(readFileSync(join(ROOT_DIR, 'content/facts/projects-kymenlaakso.json'), 'utf8')) as {
  region: string;
  source: { file: string; publisher: string; licence: string; made: string };
  projects: FactsProject[];
};

const escaped = (s: string): string => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

describe('the shipped project facts', () => {
  test('name their source and hold only region 08 projects of the 2014–2020 period, none linked', () => {
    assert.equal(FACTS.region, '08');
    assert.equal(FACTS.source.file, 'rakennerahastot-fi-2014-2020-projektilista-cleaned.csv');
    assert.ok(FACTS.source.publisher.includes('rakennerahastot.fi'));
    assert.ok(FACTS.source.licence.length > 0);
    assert.match(FACTS.source.made, /^\d{4}-\d{2}-\d{2}$/);
    assert.ok(FACTS.projects.length >= 40, `${FACTS.projects.length} projects`);
    assert.ok(FACTS.projects.every((p) => p.fundingPeriod === '2014-2020'));
    assert.ok(FACTS.projects.every((p) => p.nodes.length === 0));
  });
});

for (const target of databaseTargets()) {
  describe(`a freshly seeded database on ${target.name}`, () => {
    const t = useTestApp(target, { seedProjects: true });
    const get = async (url: string): Promise<string> => {
      const res = await t.app.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 200, `${url}: ${res.statusCode}`);
      return res.body;
    };

    test('holds every project of the facts file, with no link to a 2022–2025 priority', async () => {
      assert.equal(await countProjects(t.ctx.db.kysely, '08'), FACTS.projects.length);
      const linked = await t.ctx.db.kysely.selectFrom('project_nodes').select('project_id').execute();
      assert.deepEqual(linked, []);
    });

    test('the project browser lists real projects with their funding period, marked as not yet linked', async () => {
      const html = await get('/fi/kymenlaakso/projects/?sort=code');
      assert.ok(html.includes(escaped(FACTS.projects[0]!.name.fi)), 'the first project by code is listed');
      assert.match(html, new RegExp(`Hankkeita: ${FACTS.projects.length}|${FACTS.projects.length}`));
      assert.ok(html.includes('EU:n rakennerahastot, ohjelmakausi 2014–2020'));
      assert.ok(html.includes('Ei vielä liitetty ohjelman'));
    });

    test('a project page and the API state the funding period', async () => {
      const p = FACTS.projects[0]!;
      const page = await get(`/fi/kymenlaakso/projects/${p.code}/`);
      assert.ok(page.includes(escaped(p.name.fi)));
      assert.ok(page.includes('Rahoituskausi'));
      assert.ok(page.includes('EU:n rakennerahastot, ohjelmakausi 2014–2020'));
      const en = await get(`/en/kymenlaakso/projects/${p.code}/`);
      assert.ok(en.includes('EU structural funds, programme period 2014–2020'));
      const api = JSON.parse(await get(`/api/v1/regions/08/projects/${p.code}`)) as {
        fundingPeriod: string;
        nodes: unknown[];
      };
      assert.equal(api.fundingPeriod, '2014-2020');
      assert.deepEqual(api.nodes, []);
    });

    test("a priority page shows no invented links, and the helper's proposals as not confirmed", async () => {
      const found = await priorityProposals(t.ctx.db, t.ctx.reader, '08', '2022-2025');
      assert.ok(found.proposals.length > 0, 'the helper proposes priorities for the seeded projects');
      const content = await t.ctx.reader.versionContent('08', '2022-2025');
      const counts = new Map<string, number>();
      for (const p of found.proposals) counts.set(p.priority, (counts.get(p.priority) ?? 0) + 1);
      const [key] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
      const node = flattenTree(content.nodes).find((n) => n.key === key)!;
      const html = await get(`/fi/kymenlaakso/2022-2025/${node.path.join('/')}/`);
      assert.match(html, /Tähän liittyviä hankkeita: 0/);
      assert.ok(html.includes('ehdottaa tälle toimintalinjalle (ei vahvistettu)'));
      const proposed = found.proposals.find((p) => p.priority === key)!;
      assert.ok(html.includes(escaped(proposed.name.fi!)), 'a proposed project is named');
    });

    test('the funding overview shows the real money by fund, apart from the plan', async () => {
      const html = await get('/fi/kymenlaakso/2022-2025/funding/');
      assert.ok(html.includes('Maakunnan hankkeet, joita ei ole liitetty tähän ohjelmaan'));
      for (const fund of ['ERDF', 'ESF+']) {
        const granted = FACTS.projects
          .flatMap((p) => p.funding)
          .filter((f) => f.fund === fund && f.kind === 'granted')
          .reduce((a, f) => a + f.amountCents, 0);
        assert.ok(granted > 0);
        assert.ok(html.includes(formatEuros(granted, 'fi')), `${fund} granted ${formatEuros(granted, 'fi')} is shown`);
      }
    });
  });
}
