/** Taxonomies with their terms and, per term, the nodes linked to it in one version. */
import type { VersionContent } from '#src/domain/read-models.ts';
import { nodesWithTerm } from '#src/domain/tree.ts';
import { presentOptionalText, presentText } from './present-text.ts';
import type { TaxonomyListJson } from './schemas/nodes.ts';

export function presentTaxonomies(content: VersionContent): TaxonomyListJson {
  return {
    programmeId: content.programme.id,
    version: content.version.number,
    taxonomies: content.taxonomies.map((t) => ({
      key: t.key,
      name: presentText(t.name),
      description: presentOptionalText(t.description),
      terms: t.terms.map((term) => ({
        key: term.key,
        title: presentText(term.title),
        shortTitle: presentOptionalText(term.shortTitle),
        description: presentOptionalText(term.description),
        nodeKeys: nodesWithTerm(content.nodes, t.key, term.key).map((n) => n.key),
      })),
    })),
  };
}
