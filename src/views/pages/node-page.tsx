/** @jsxRuntime automatic @jsxImportSource @kitajs/html */
/** A page of one node of the tree (a theme, priority or measure) with its children, terms and neighbours. */
import type { Region, TreeNode, VersionContent } from '#src/domain/read-models.ts';
import { ancestorsOf, neighboursOf } from '#src/domain/tree.ts';
import { Breadcrumbs, Pager, Prose, Text, type PagerLink } from '../components.tsx';
import { excerpt } from '../excerpt.ts';
import type { ProjectSection as ProjectSectionData } from '#src/domain/projects/listing.ts';
import { Frame } from '../layout.tsx';
import { plain, shownRequired, type RenderContext } from '../render-context.ts';
import { programmeCrumbs, regionMenu } from '../site-nav.ts';
import { inLang, paths, type ProgrammeBase } from '../urls.ts';
import { VersionBanner } from '../version-info.tsx';
import { IndicatorTable, type MonitoredIndicator, type MonitoringBase } from './monitoring-parts.tsx';
import { ProjectSection } from './project-section.tsx';

export interface NodePageProps {
  rc: RenderContext;
  region: Region;
  hasContact: boolean;
  content: VersionContent;
  base: ProgrammeBase;
  node: TreeNode;
  /** Projects linked to this node (priority pages of the current version). */
  projects?: ProjectSectionData | null;
  /** Indicators linked to this node or a node below it (pages of the current version). */
  indicators?: NodeIndicators | null;
}

export interface NodeIndicators {
  items: readonly MonitoredIndicator[];
  /** Where the indicator pages are. */
  base: MonitoringBase;
}

/** True when a node has more to show than its title, so it is worth a link of its own. */
export function hasPage(node: TreeNode): boolean {
  return node.children.length > 0 || node.summary !== null || node.body !== null || node.terms.length > 0;
}

export function NodePage(props: NodePageProps): JSX.Element {
  const { rc, region, content, base, node } = props;
  const { t, lang } = rc;
  const { programme } = content;
  const level = programme.levels[node.depth - 1];
  const childLevel = programme.levels[node.depth];
  const levelName = plain(rc, level?.name);
  const title = plain(rc, node.title);
  const programmeTitle = plain(rc, programme.title);
  const ancestors = ancestorsOf(content.nodes, node.path);
  const { previous, next } = neighboursOf(content.nodes, node);
  const link = (n: TreeNode | null): PagerLink | null => {
    if (!n) return null;
    const s = shownRequired(rc, n.title);
    return { href: inLang(lang, paths.node(base, n.path)), label: s.text, lang: s.lang };
  };
  const crumbs = [
    ...programmeCrumbs(rc, region, programme, base),
    ...[...ancestors, node].map((n) => {
      const s = shownRequired(rc, n.title);
      return { href: inLang(lang, paths.node(base, n.path)), label: s.text, lang: s.lang };
    }),
  ];
  const taxonomies = content.taxonomies
    .map((tax) => ({
      tax,
      terms: tax.terms.filter((term) => node.terms.some((r) => r.taxonomy === tax.key && r.term === term.key)),
    }))
    .filter((x) => x.terms.length > 0);
  const summary = plain(rc, node.summary);
  return (
    <Frame
      rc={rc}
      title={[title, programmeTitle]}
      description={
        summary
          ? excerpt(summary)
          : t('node.description', { title, level: levelName.toLocaleLowerCase(lang), programme: programmeTitle })
      }
      rest={paths.node(base, node.path)}
      menu={regionMenu(rc, region, { programme, hasContact: props.hasContact, place: null })}
    >
      <Breadcrumbs rc={rc} items={crumbs} />
      <VersionBanner
        rc={rc}
        version={content.version}
        isCurrent={content.version.number === programme.currentVersion}
        currentHref={
          programme.currentVersion === null ? null : inLang(lang, paths.programme({ ...base, version: null }))
        }
      />
      <article class="node">
        <Text rc={rc} text={level?.name} tag="p" class="eyebrow" />
        <Text rc={rc} text={node.title} tag="h1" />
        <Text rc={rc} text={node.summary} tag="p" class="lead" />
        <Prose rc={rc} text={node.body} />
        {childLevel && node.children.length > 0 ? (
          <section aria-labelledby="children-heading">
            <Text rc={rc} text={childLevel.namePlural} tag="h2" id="children-heading" />
            {node.children.some((c) => c.children.length > 0 || c.summary !== null) ? (
              <ul class="card-list">
                {node.children.map((child) => (
                  <li class="card">
                    <h3>
                      <a href={inLang(lang, paths.node(base, child.path))}>
                        <Text rc={rc} text={child.title} />
                      </a>
                    </h3>
                    <Text rc={rc} text={child.summary} tag="p" />
                  </li>
                ))}
              </ul>
            ) : (
              <ul class="measure-list">
                {node.children.map((child) => (
                  <li>
                    {hasPage(child) ? (
                      <a href={inLang(lang, paths.node(base, child.path))}>
                        <Text rc={rc} text={child.title} />
                      </a>
                    ) : (
                      <Text rc={rc} text={child.title} />
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>
        ) : (
          ''
        )}
        {taxonomies.map(({ tax, terms }) => (
          <section aria-labelledby={`tax-${tax.key}`}>
            <Text rc={rc} text={tax.name} tag="h2" id={`tax-${tax.key}`} />
            <ul class="tag-list">
              {terms.map((term) => (
                <li>
                  <a href={inLang(lang, paths.term(base, tax.key, term.key))}>
                    <Text rc={rc} text={term.title} />
                  </a>
                </li>
              ))}
            </ul>
          </section>
        ))}
        {props.indicators ? (
          <section aria-labelledby="indicators-heading">
            <h2 id="indicators-heading" safe>
              {t('monitoringPages.node.heading')}
            </h2>
            <IndicatorTable
              rc={rc}
              id="node-indicators"
              caption={t('monitoringPages.node.caption', { title })}
              items={props.indicators.items}
              hrefOf={(i) =>
                inLang(
                  lang,
                  paths.indicator(props.indicators!.base.region, props.indicators!.base.programme, i.indicator.code),
                )
              }
            />
            <p>
              <a
                href={inLang(lang, paths.monitoring(props.indicators.base.region, props.indicators.base.programme))}
                safe
              >
                {t('monitoringPages.link')}
              </a>
            </p>
          </section>
        ) : (
          ''
        )}
        {props.projects ? <ProjectSection rc={rc} region={region.slug} section={props.projects} /> : ''}
      </article>
      <Pager rc={rc} previous={link(previous)} next={link(next)} />
    </Frame>
  );
}
