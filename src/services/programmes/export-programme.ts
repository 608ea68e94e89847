/** Exports a stored programme as a programme file (the same format `import programme` reads). */
import { stringify } from 'yaml';
import { notFound } from '#src/domain/errors.ts';
import type { LocalizedText } from '#src/domain/languages.ts';
import { PROGRAMME_FILE_FORMAT, type Level } from '#src/domain/programmes/programme-file.ts';
import type { TreeNode } from '#src/domain/read-models.ts';
import type { Db } from '#src/storage/database.ts';
import { findCouncil } from '#src/storage/repositories/council-repository.ts';
import { loadTree } from '#src/storage/repositories/nodes-repository.ts';
import { findProgramme } from '#src/storage/repositories/programmes-repository.ts';
import { loadTaxonomies } from '#src/storage/repositories/taxonomies-repository.ts';
import { listVersions, versionSummary } from '#src/storage/repositories/versions-repository.ts';

type Plain = Record<string, unknown>;

/** Drops undefined, null and empty-array fields so the file stays minimal. */
function compact(object: Plain): Plain {
  const out: Plain = {};
  for (const [k, v] of Object.entries(object)) {
    if (v === undefined || v === null) continue;
    if (Array.isArray(v) && v.length === 0 && k !== 'versions') continue;
    out[k] = v;
  }
  return out;
}

function text(t: LocalizedText | null | undefined): Plain | undefined {
  if (!t) return undefined;
  const out = compact({ fi: t.fi, sv: t.sv, en: t.en });
  return Object.keys(out).length > 0 ? out : undefined;
}

function nodeToFile(node: TreeNode, levels: readonly Level[]): Plain {
  const childLevel = levels[node.depth];
  return compact({
    key: node.key,
    slug: node.slug !== node.key ? node.slug : undefined,
    title: text(node.title),
    shortTitle: text(node.shortTitle),
    summary: text(node.summary),
    body: text(node.body),
    terms: node.terms.map((t) => `${t.taxonomy}/${t.term}`),
    ...(childLevel && node.children.length > 0
      ? { [childLevel.plural]: node.children.map((c) => nodeToFile(c, levels)) }
      : {}),
  });
}

/** The programme `slug` of region `regionCode` as a plain object in the programme file format. */
export async function exportProgramme(db: Db, regionCode: string, slug: string): Promise<Plain> {
  const programme = await findProgramme(db.kysely, regionCode, slug);
  if (!programme) throw notFound(`Programme ${regionCode}/${slug}`);
  const council = await findCouncil(db.kysely, regionCode);
  const taxonomies = await loadTaxonomies(db.kysely, programme.dbId);
  const versions = await listVersions(db.kysely, programme.dbId);
  const levels = programme.levels;
  const first = levels[0]!;
  const fileVersions: Plain[] = [];
  for (const v of versions) {
    const { decision } = versionSummary(v);
    const tree = await loadTree(db.kysely, v.id, levels);
    fileVersions.push(
      compact({
        number: v.number,
        status: v.status,
        label: text(v.label),
        decision: decision
          ? compact({ body: text(decision.body), date: decision.date, reference: decision.reference })
          : undefined,
        changelog: text(v.changelog),
        vision: text(v.vision),
        summary: text(v.summary),
        [first.plural]: tree.map((n) => nodeToFile(n, levels)),
      }),
    );
  }
  return compact({
    format: PROGRAMME_FILE_FORMAT,
    region: regionCode,
    council: council
      ? compact({
          name: text(council.name),
          businessId: council.businessId,
          email: council.email,
          web: council.web,
          offices: council.offices.map((o) =>
            compact({
              key: o.key,
              kind: o.kind,
              name: text(o.name),
              postalAddress: o.postalAddress,
              visitingAddress: o.visitingAddress,
              hours: text(o.hours),
              phone: o.phone,
              email: o.email,
            }),
          ),
          contacts: council.contacts.map((c) =>
            compact({ name: c.name, role: text(c.role), topic: text(c.topic), email: c.email, phone: c.phone }),
          ),
        })
      : undefined,
    programme: compact({
      slug: programme.slug,
      kind: programme.kind,
      title: text(programme.title),
      period: { start: programme.periodStart, end: programme.periodEnd },
      levels: levels.map((l) => ({ key: l.key, plural: l.plural, name: text(l.name), namePlural: text(l.namePlural) })),
      taxonomies: taxonomies.map((t) =>
        compact({
          key: t.key,
          name: text(t.name),
          description: text(t.description),
          terms: t.terms.map((term) =>
            compact({
              key: term.key,
              title: text(term.title),
              shortTitle: text(term.shortTitle),
              description: text(term.description),
            }),
          ),
        }),
      ),
    }),
    versions: fileVersions,
  });
}

export function serialiseProgramme(data: Plain, format: 'yaml' | 'json'): string {
  return format === 'json' ? `${JSON.stringify(data, null, 2)}\n` : stringify(data, { lineWidth: 0 });
}
