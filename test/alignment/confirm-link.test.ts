/**
 * Confirming the alignment helper's proposal (issue 12, point 5): an editor's confirmation links the
 * project to the priority with an audit event, a second confirmation is a conflict, the link shows
 * on the priority page, and a re-import of the project list keeps it.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { AppError } from '#src/domain/errors.ts';
import { flattenTree } from '#src/domain/tree.ts';
import { confirmProjectLink, priorityProposals } from '#src/services/projects/priority-suggestions.ts';
import { readProjectFacts, storeProjectFacts } from '#src/services/projects/project-facts.ts';
import { findProject } from '#src/storage/repositories/projects-repository.ts';
import { useTestApp } from '../support/test-app.ts';
import { databaseTargets } from '../support/databases.ts';

const EDITOR = { userId: null, label: 'editor@example.fi' };

for (const target of databaseTargets()) {
  describe(`confirming a proposed link on ${target.name}`, () => {
    const t = useTestApp(target, { seedProjects: true });

    test('creates the link with an audit event, shows it, refuses a second time, and survives a re-import', async () => {
      const { proposals } = await priorityProposals(t.ctx.db, t.ctx.reader, '08', '2022-2025');
      const proposal = proposals[0]!;
      const input = { regionCode: '08', slug: '2022-2025', projectCode: proposal.code, nodeKey: proposal.priority };
      await confirmProjectLink(t.ctx.db, t.ctx.reader, EDITOR, input);

      const stored = await findProject(t.ctx.db.kysely, '08', proposal.code);
      assert.deepEqual(stored!.nodes, [{ programme: '2022-2025', key: proposal.priority, primary: false }]);
      const events = await t.ctx.db.kysely
        .selectFrom('audit_events')
        .select(['actor', 'action', 'entity_id'])
        .where('action', '=', 'projects.link.confirm')
        .execute();
      assert.deepEqual(events, [
        { actor: 'editor@example.fi', action: 'projects.link.confirm', entity_id: `08/${proposal.code}` },
      ]);

      await assert.rejects(
        confirmProjectLink(t.ctx.db, t.ctx.reader, EDITOR, input),
        (e: unknown) => e instanceof AppError && e.code === 'conflict',
      );
      // No longer a proposal: the project is linked.
      const again = await priorityProposals(t.ctx.db, t.ctx.reader, '08', '2022-2025');
      assert.ok(!again.proposals.some((p) => p.code === proposal.code));

      const content = await t.ctx.reader.versionContent('08', '2022-2025');
      const node = flattenTree(content.nodes).find((n) => n.key === proposal.priority)!;
      const page = await t.app.inject({ method: 'GET', url: `/fi/kymenlaakso/2022-2025/${node.path.join('/')}/` });
      assert.match(page.body, /Tähän liittyviä hankkeita: 1/);

      // A re-import that changes the project (its name) keeps the confirmed link.
      const facts = await readProjectFacts(join(t.ctx.config.contentDir, 'facts', 'projects-kymenlaakso.json'));
      const changed = facts.projects.map((p) =>
        p.code === proposal.code ? { ...p, name: { fi: `${p.name.fi} (muutettu)` } } : p,
      );
      const counts = await storeProjectFacts(t.ctx.db, { ...facts, projects: changed }, new Date().toISOString());
      assert.equal(counts.changed, 1);
      const after = await findProject(t.ctx.db.kysely, '08', proposal.code);
      assert.deepEqual(after!.nodes, [{ programme: '2022-2025', key: proposal.priority, primary: false }]);
    });

    test('a key that is not a priority is a bad request', async () => {
      await assert.rejects(
        confirmProjectLink(t.ctx.db, t.ctx.reader, EDITOR, {
          regionCode: '08',
          slug: '2022-2025',
          projectCode: 'A70073',
          nodeKey: 'no-such-priority',
        }),
        (e: unknown) => e instanceof AppError && e.code === 'bad_request',
      );
    });
  });
}
