/** The differences between two versions as public JSON. */
import type { VersionContent } from '#src/domain/read-models.ts';
import type { NodeChange, NodePlace, TextChange, VersionDiff } from '#src/domain/version-diff.ts';
import { presentText } from './present-text.ts';
import { presentVersionSummary } from './present-version.ts';
import type { VersionDiffJson } from './schemas/diff.ts';

type NodeChangeJson = VersionDiffJson['nodes'][number];

const presentTextChange = (c: TextChange): VersionDiffJson['versionTexts'][number] => ({
  field: c.field,
  lang: c.lang,
  before: c.before,
  after: c.after,
  segments: c.segments.map((s) => ({ type: s.type, text: s.text })),
  wordsInserted: c.wordsInserted,
  wordsDeleted: c.wordsDeleted,
});

const presentPlace = (p: NodePlace | null): NodeChangeJson['before'] =>
  p && {
    title: presentText(p.title),
    path: p.path,
    depth: p.depth,
    level: p.level,
    parentKey: p.parentKey,
    position: p.position,
  };

const presentNodeChange = (n: NodeChange): NodeChangeJson => ({
  key: n.key,
  change: n.kind,
  before: presentPlace(n.before),
  after: presentPlace(n.after),
  moved: n.moved,
  retitled: n.retitled,
  texts: n.texts.map(presentTextChange),
  termsAdded: n.termsAdded.map((t) => ({ taxonomy: t.taxonomy, term: t.term })),
  termsRemoved: n.termsRemoved.map((t) => ({ taxonomy: t.taxonomy, term: t.term })),
});

export function presentDiff(from: VersionContent, to: VersionContent, diff: VersionDiff): VersionDiffJson {
  const current = to.programme.currentVersion;
  return {
    programmeId: to.programme.id,
    from: presentVersionSummary(from.version, current),
    to: presentVersionSummary(to.version, current),
    counts: { ...diff.counts },
    versionTexts: diff.versionTexts.map(presentTextChange),
    nodes: diff.nodes.map(presentNodeChange),
  };
}
