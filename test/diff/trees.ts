/**
 * Test helpers for version diffs: node trees built by hand, random trees (fast-check), and random
 * edits applied to a copy of a tree while recording exactly which changes they make.
 */
import fc from 'fast-check';
import { LANGS, type Lang, type LocalizedText } from '#src/domain/languages.ts';
import type { TermRef, TreeNode } from '#src/domain/read-models.ts';
import type { DiffableVersion, NodeTextField, VersionTextField } from '#src/domain/version-diff.ts';

export interface NodeSpec {
  key: string;
  title?: LocalizedText;
  shortTitle?: LocalizedText | null;
  summary?: LocalizedText | null;
  body?: LocalizedText | null;
  /** `taxonomy/term` */
  terms?: string[];
  children?: NodeSpec[];
}

/** Sets path, depth, level and parent key of every node from the nesting. */
export function normalise(nodes: TreeNode[], parent: TreeNode | null = null): TreeNode[] {
  for (const node of nodes) {
    node.parentKey = parent?.key ?? null;
    node.depth = (parent?.depth ?? 0) + 1;
    node.level = `level-${node.depth}`;
    node.path = [...(parent?.path ?? []), node.slug];
    normalise(node.children, node);
  }
  return nodes;
}

const termRef = (id: string): TermRef => {
  const [taxonomy, term] = id.split('/');
  return { taxonomy: taxonomy!, term: term! };
};

function fromSpec(spec: NodeSpec): TreeNode {
  return {
    key: spec.key,
    slug: spec.key,
    path: [],
    depth: 0,
    level: '',
    parentKey: null,
    title: spec.title ?? { fi: `Otsikko ${spec.key}` },
    shortTitle: spec.shortTitle ?? null,
    summary: spec.summary ?? null,
    body: spec.body ?? null,
    terms: (spec.terms ?? []).map(termRef),
    children: (spec.children ?? []).map(fromSpec),
  };
}

/** A version whose tree is `specs`. */
export function version(
  specs: NodeSpec[],
  texts: { vision?: LocalizedText | null; summary?: LocalizedText | null } = {},
): DiffableVersion {
  return { vision: texts.vision ?? null, summary: texts.summary ?? null, nodes: normalise(specs.map(fromSpec)) };
}

// ---------------------------------------------------------------------------------------------
// Random trees

const WORDS = [
  'Kymenlaakso',
  'kehitys',
  'ja',
  'satamat',
  'energia',
  'ruokaturva',
  'liikenne',
  'hållbar',
  'utveckling',
  'region',
  'growth',
  '2035',
  'vesi-,',
  '–',
  'ö',
  'ä',
];
const SEPARATORS = [' ', ' ', ' ', '  ', '\n', '\n\n', ', ', '. '];

/** A short text of words, punctuation and varied whitespace. */
export const textArb: fc.Arbitrary<string> = fc
  .array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...SEPARATORS)), { minLength: 1, maxLength: 10 })
  .map((parts) => parts.map(([w, s], i) => (i === parts.length - 1 ? w : w + s)).join(''));

const optionalLangText = fc.option(textArb, { nil: null, freq: 2 });
const localizedArb: fc.Arbitrary<LocalizedText> = fc.record({
  fi: optionalLangText,
  sv: optionalLangText,
  en: optionalLangText,
});
const titleArb: fc.Arbitrary<LocalizedText> = fc.record({ fi: textArb, sv: optionalLangText, en: optionalLangText });

export const TERM_POOL = [
  'crosscutting/sustainable-development',
  'crosscutting/digitalisation',
  'spearheads/logistics',
  'spearheads/bio-circular-economy',
];

interface RandomNode {
  parentPick: number;
  title: LocalizedText;
  shortTitle: LocalizedText | null;
  summary: LocalizedText | null;
  body: LocalizedText | null;
  terms: string[];
}

const randomNodeArb: fc.Arbitrary<RandomNode> = fc.record({
  parentPick: fc.nat(),
  title: titleArb,
  shortTitle: fc.option(localizedArb, { nil: null }),
  summary: fc.option(localizedArb, { nil: null }),
  body: fc.option(localizedArb, { nil: null }),
  terms: fc.subarray(TERM_POOL),
});

const MAX_DEPTH = 4;

/** A random version: up to 30 nodes at most four levels deep, with texts in fi/sv/en and term links. */
export const versionArb: fc.Arbitrary<DiffableVersion> = fc
  .record({
    nodes: fc.array(randomNodeArb, { maxLength: 30 }),
    vision: fc.option(localizedArb, { nil: null }),
    summary: fc.option(localizedArb, { nil: null }),
  })
  .map(({ nodes, vision, summary }) => {
    const built: TreeNode[] = [];
    const roots: TreeNode[] = [];
    const depth: number[] = [];
    nodes.forEach((r, i) => {
      const node = fromSpec({
        key: `n${i}`,
        title: r.title,
        shortTitle: r.shortTitle,
        summary: r.summary,
        body: r.body,
        terms: r.terms,
      });
      // Parent: the top level or an earlier node (so no cycles), within the depth limit.
      let parent = (r.parentPick % (i + 1)) - 1;
      if (parent >= 0 && depth[parent]! >= MAX_DEPTH) parent = -1;
      depth[i] = parent < 0 ? 1 : depth[parent]! + 1;
      (parent < 0 ? roots : built[parent]!.children).push(node);
      built.push(node);
    });
    return { vision, summary, nodes: normalise(roots) };
  });

// ---------------------------------------------------------------------------------------------
// Random edits

export type EditKind =
  'add' | 'remove' | 'reparent' | 'reorder' | 'retitle' | 'text' | 'termAdd' | 'termRemove' | 'versionText';

export interface EditCommand {
  kind: EditKind;
  /** Picks among the candidates (taken modulo their number). */
  pick: number;
  pick2: number;
  pick3: number;
  lang: Lang;
  field: Exclude<NodeTextField, 'title'>;
  versionField: VersionTextField;
  text: string;
  /** Sets a text to none instead of `text` (where the field is optional). */
  clear: boolean;
}

export const editArb: fc.Arbitrary<EditCommand> = fc.record({
  kind: fc.constantFrom<EditKind>(
    'add',
    'remove',
    'reparent',
    'reorder',
    'retitle',
    'text',
    'termAdd',
    'termRemove',
    'versionText',
  ),
  pick: fc.nat(),
  pick2: fc.nat(),
  pick3: fc.nat(),
  lang: fc.constantFrom(...LANGS),
  field: fc.constantFrom('shortTitle', 'summary', 'body'),
  versionField: fc.constantFrom('vision', 'summary'),
  text: textArb,
  clear: fc.boolean(),
});

/** What a run of edits changed, as the diff must report it. */
export interface ExpectedChanges {
  added: Set<string>;
  removed: Set<string>;
  movedParent: Set<string>;
  movedOrder: Set<string>;
  retitled: Set<string>;
  /** `key|field|lang` of every node text changed (titles included). */
  texts: Set<string>;
  termsChanged: Set<string>;
  /** `field|lang` */
  versionTexts: Set<string>;
  /** How many edits were applied (commands without a possible target are skipped). */
  applied: number;
}

const ROOT = '#root';
const clean = (v: string | null | undefined): string | null =>
  v === undefined || v === null || v.trim() === '' ? null : v;

/**
 * Applies `commands` to a copy of `original`, each to a target it may change without blurring
 * another edit: a node is moved, added or removed at most once; each text (node, field,
 * language) and each node's term links are edited at most once; only subtrees nobody edited are
 * removed; a parent whose children were reordered is left alone afterwards, and a reorder moves
 * one original child at least two places among unchanged siblings (so exactly that child is out
 * of order). Returns the edited version and the changes the diff must report.
 */
export function applyEdits(
  original: DiffableVersion,
  commands: readonly EditCommand[],
): { edited: DiffableVersion; expected: ExpectedChanges } {
  const edited = structuredClone(original) as DiffableVersion;
  const roots = edited.nodes;
  const expected: ExpectedChanges = {
    added: new Set(),
    removed: new Set(),
    movedParent: new Set(),
    movedOrder: new Set(),
    retitled: new Set(),
    texts: new Set(),
    termsChanged: new Set(),
    versionTexts: new Set(),
    applied: 0,
  };
  /** Nodes added, moved or reordered: never the target of another structural edit. */
  const structural = new Set<string>();
  /** Nodes with any edit: their ancestors may not be removed. */
  const touched = new Set<string>();
  const dirty = new Set<string>();
  const frozen = new Set<string>();
  let added = 0;

  const all = (): { node: TreeNode; parent: TreeNode | null; list: TreeNode[] }[] => {
    const out: { node: TreeNode; parent: TreeNode | null; list: TreeNode[] }[] = [];
    const walk = (list: TreeNode[], parent: TreeNode | null): void => {
      for (const node of list) {
        out.push({ node, parent, list });
        walk(node.children, node);
      }
    };
    walk(roots, null);
    return out;
  };
  const idOf = (parent: TreeNode | null): string => parent?.key ?? ROOT;
  const subtree = (node: TreeNode): TreeNode[] => [node, ...node.children.flatMap(subtree)];
  const pick = <T>(items: readonly T[], n: number): T | undefined =>
    items.length === 0 ? undefined : items[n % items.length];
  const original_ = (n: TreeNode): boolean => !expected.added.has(n.key);

  for (const c of commands) {
    const entries = all();
    let done = false;
    switch (c.kind) {
      case 'add': {
        const parents: (TreeNode | null)[] = [null, ...entries.map((e) => e.node)].filter((p) => !frozen.has(idOf(p)));
        const parent = pick(parents, c.pick);
        if (parent === undefined) break;
        const list = parent ? parent.children : roots;
        const key = `new${added++}`;
        const node = fromSpec({
          key,
          title: { fi: c.text },
          summary: c.clear ? null : { fi: c.text, en: c.text },
          terms: [TERM_POOL[c.pick2 % TERM_POOL.length]!],
        });
        list.splice(c.pick3 % (list.length + 1), 0, node);
        expected.added.add(key);
        structural.add(key);
        touched.add(key);
        dirty.add(idOf(parent));
        done = true;
        break;
      }
      case 'remove': {
        const candidates = entries.filter(
          (e) => !frozen.has(idOf(e.parent)) && subtree(e.node).every((n) => !touched.has(n.key)),
        );
        const target = pick(candidates, c.pick);
        if (!target) break;
        target.list.splice(target.list.indexOf(target.node), 1);
        for (const n of subtree(target.node)) expected.removed.add(n.key);
        dirty.add(idOf(target.parent));
        done = true;
        break;
      }
      case 'reparent': {
        const candidates = entries.filter((e) => !structural.has(e.node.key) && !frozen.has(idOf(e.parent)));
        const target = pick(candidates, c.pick);
        if (!target) break;
        const inside = new Set(subtree(target.node).map((n) => n.key));
        const parents: (TreeNode | null)[] = [null, ...entries.map((e) => e.node)].filter(
          (p) => idOf(p) !== idOf(target.parent) && !frozen.has(idOf(p)) && (p === null || !inside.has(p.key)),
        );
        const parent = pick(parents, c.pick2);
        if (parent === undefined) break;
        target.list.splice(target.list.indexOf(target.node), 1);
        const list = parent ? parent.children : roots;
        list.splice(c.pick3 % (list.length + 1), 0, target.node);
        expected.movedParent.add(target.node.key);
        structural.add(target.node.key);
        touched.add(target.node.key);
        dirty.add(idOf(target.parent));
        dirty.add(idOf(parent));
        done = true;
        break;
      }
      case 'reorder': {
        const parents: (TreeNode | null)[] = [null, ...entries.map((e) => e.node)].filter((p) => {
          const list = p ? p.children : roots;
          return (
            !dirty.has(idOf(p)) && !frozen.has(idOf(p)) && list.length >= 3 && list.every((n) => !structural.has(n.key))
          );
        });
        const parent = pick(parents, c.pick);
        if (parent === undefined) break;
        const list = parent ? parent.children : roots;
        const moves: [number, number][] = [];
        for (let from = 0; from < list.length; from++)
          for (let to = 0; to < list.length; to++) if (Math.abs(from - to) >= 2) moves.push([from, to]);
        const [from, to] = pick(moves, c.pick2)!;
        const [node] = list.splice(from, 1);
        list.splice(to, 0, node!);
        expected.movedOrder.add(node!.key);
        structural.add(node!.key);
        touched.add(node!.key);
        frozen.add(idOf(parent));
        done = true;
        break;
      }
      case 'retitle':
      case 'text': {
        const field: NodeTextField = c.kind === 'retitle' ? 'title' : c.field;
        const candidates = entries.filter(
          (e) => original_(e.node) && !expected.texts.has(`${e.node.key}|${field}|${c.lang}`),
        );
        const target = pick(candidates, c.pick);
        if (!target) break;
        const current = clean(target.node[field]?.[c.lang]);
        const optional = !(field === 'title' && c.lang === 'fi');
        let next: string | null = c.clear && optional ? null : c.text;
        if (next === current) next = `${c.text} muutettu`;
        target.node[field] = { ...(target.node[field] ?? {}), [c.lang]: next };
        if (field === 'title') expected.retitled.add(target.node.key);
        expected.texts.add(`${target.node.key}|${field}|${c.lang}`);
        touched.add(target.node.key);
        done = true;
        break;
      }
      case 'termAdd':
      case 'termRemove': {
        const candidates = entries.filter((e) => {
          if (!original_(e.node) || expected.termsChanged.has(e.node.key)) return false;
          return c.kind === 'termRemove' ? e.node.terms.length > 0 : e.node.terms.length < TERM_POOL.length;
        });
        const target = pick(candidates, c.pick);
        if (!target) break;
        if (c.kind === 'termRemove') target.node.terms.splice(c.pick2 % target.node.terms.length, 1);
        else {
          const has = new Set(target.node.terms.map((t) => `${t.taxonomy}/${t.term}`));
          target.node.terms.push(
            termRef(
              pick(
                TERM_POOL.filter((t) => !has.has(t)),
                c.pick2,
              )!,
            ),
          );
        }
        expected.termsChanged.add(target.node.key);
        touched.add(target.node.key);
        done = true;
        break;
      }
      case 'versionText': {
        const id = `${c.versionField}|${c.lang}`;
        if (expected.versionTexts.has(id)) break;
        const current = clean(edited[c.versionField]?.[c.lang]);
        let next: string | null = c.clear ? null : c.text;
        if (next === current) next = `${c.text} muutettu`;
        edited[c.versionField] = { ...(edited[c.versionField] ?? {}), [c.lang]: next };
        expected.versionTexts.add(id);
        done = true;
        break;
      }
    }
    if (done) expected.applied += 1;
  }
  normalise(roots);
  return { edited, expected };
}

/** Every node text of `version` that is set, as `key|field|lang` → text. */
export function nodeTexts(v: DiffableVersion): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (list: readonly TreeNode[]): void => {
    for (const n of list) {
      for (const field of ['title', 'shortTitle', 'summary', 'body'] as const) {
        for (const lang of LANGS) {
          const text = clean(n[field]?.[lang]);
          if (text !== null) out.set(`${n.key}|${field}|${lang}`, text);
        }
      }
      walk(n.children);
    }
  };
  walk(v.nodes);
  return out;
}
