/** @jsxRuntime automatic @jsxImportSource @kitajs/html */
/** A page per term (cross-cutting theme, spearhead): its description and the nodes that serve it. */
import type { Region, Taxonomy, Term, TreeNode, VersionContent } from '#src/domain/read-models.ts';
import { findByKey, nodesWithTerm } from '#src/domain/tree.ts';
import { Breadcrumbs, Prose, Text } from '../components.tsx';
import { excerpt } from '../excerpt.ts';
import type { ProjectSection as ProjectSectionData } from '#src/domain/projects/listing.ts';
import { Frame } from '../layout.tsx';
import { plain, shownRequired, type RenderContext } from '../render-context.ts';
import { programmeCrumbs, regionMenu } from '../site-nav.ts';
import { inLang, paths, type ProgrammeBase } from '../urls.ts';
import { VersionBanner } from '../version-info.tsx';
import { ProjectSection } from './project-section.tsx';

export interface TermPageProps {
  rc: RenderContext;
  region: Region;
  hasContact: boolean;
  content: VersionContent;
  base: ProgrammeBase;
  taxonomy: Taxonomy;
  term: Term;
  /** Projects linked to this term (pages of the current version). */
  projects?: ProjectSectionData | null;
}

export function TermPage(props: TermPageProps): JSX.Element {
  const { rc, region, content, base, taxonomy, term } = props;
  const { t, lang } = rc;
  const { programme } = content;
  const title = plain(rc, term.title);
  const programmeTitle = plain(rc, programme.title);
  const nodes = nodesWithTerm(content.nodes, taxonomy.key, term.key);
  const termPath = paths.term(base, taxonomy.key, term.key);
  const shownTitle = shownRequired(rc, term.title);
  const description = plain(rc, term.description);
  const parentOf = (n: TreeNode): TreeNode | null => (n.parentKey ? findByKey(content.nodes, n.parentKey) : null);
  return (
    <Frame
      rc={rc}
      title={[title, programmeTitle]}
      description={
        description ? excerpt(description) : t('term.description', { term: title, programme: programmeTitle })
      }
      rest={termPath}
      menu={regionMenu(rc, region, { programme, hasContact: props.hasContact, place: null })}
    >
      <Breadcrumbs
        rc={rc}
        items={[
          ...programmeCrumbs(rc, region, programme, base),
          { href: inLang(lang, termPath), label: shownTitle.text, lang: shownTitle.lang },
        ]}
      />
      <VersionBanner
        rc={rc}
        version={content.version}
        isCurrent={content.version.number === programme.currentVersion}
        currentHref={
          programme.currentVersion === null ? null : inLang(lang, paths.programme({ ...base, version: null }))
        }
      />
      <Text rc={rc} text={taxonomy.name} tag="p" class="eyebrow" />
      <h1 lang={shownTitle.lang} safe>
        {shownTitle.text.charAt(0).toLocaleUpperCase(lang) + shownTitle.text.slice(1)}
      </h1>
      <Prose rc={rc} text={term.description} class="lead" />
      <section aria-labelledby="serving-heading">
        <h2 id="serving-heading" safe>
          {t('term.serving')}
        </h2>
        {nodes.length === 0 ? (
          <p safe>{t('term.none')}</p>
        ) : (
          <ul class="result-list">
            {nodes.map((n) => {
              const parent = parentOf(n);
              return (
                <li>
                  <a href={inLang(lang, paths.node(base, n.path))}>
                    <Text rc={rc} text={n.title} />
                  </a>
                  <span class="muted">
                    {' – '}
                    <Text rc={rc} text={programme.levels[n.depth - 1]?.name} />
                    {parent ? (
                      <>
                        {', '}
                        <Text rc={rc} text={parent.title} />
                      </>
                    ) : (
                      ''
                    )}
                  </span>
                </li>
              );
            })}
          </ul>
        )}
      </section>
      {props.projects ? <ProjectSection rc={rc} region={region.slug} section={props.projects} /> : ''}
    </Frame>
  );
}
