/** @jsxRuntime automatic @jsxImportSource @kitajs/html */
/** A programme version's main page: vision, summary, themes with their priorities, taxonomies, decision. */
import type { Region, VersionContent } from '#src/domain/read-models.ts';
import { formatPeriod } from '#src/i18n/format.ts';
import { Breadcrumbs, Prose, SearchForm, Text } from '../components.tsx';
import { excerpt } from '../excerpt.ts';
import { Frame } from '../layout.tsx';
import { plain, type RenderContext } from '../render-context.ts';
import { programmeCrumbs, regionMenu } from '../site-nav.ts';
import { inLang, paths, type ProgrammeBase } from '../urls.ts';
import { Decision, VersionBanner, statusText, versionName } from '../version-info.tsx';

export interface ProgrammePageProps {
  rc: RenderContext;
  region: Region;
  hasContact: boolean;
  content: VersionContent;
  base: ProgrammeBase;
  /** Link the programme's monitoring page (the current version of the region's main programme). */
  monitoring?: boolean;
}

export function ProgrammePage(props: ProgrammePageProps): JSX.Element {
  const { rc, region, content, base } = props;
  const { t, lang } = rc;
  const { programme, version } = content;
  const title = plain(rc, programme.title);
  const isCurrent = version.number === programme.currentVersion;
  const [first, second] = programme.levels;
  const description = excerpt(
    plain(rc, content.summary) || plain(rc, content.vision) || t('programme.description', { programme: title }),
  );
  return (
    <Frame
      rc={rc}
      title={base.version === null ? [title] : [versionName(rc, version), title]}
      description={description}
      rest={paths.programme(base)}
      menu={regionMenu(rc, region, {
        programme,
        hasContact: props.hasContact,
        place: base.version === null ? 'programme' : null,
      })}
    >
      <Breadcrumbs rc={rc} items={programmeCrumbs(rc, region, programme, base)} />
      <VersionBanner
        rc={rc}
        version={version}
        isCurrent={isCurrent}
        currentHref={
          programme.currentVersion === null ? null : inLang(lang, paths.programme({ ...base, version: null }))
        }
      />
      <Text rc={rc} text={programme.title} tag="h1" />
      <dl class="facts">
        <dt safe>{t('programme.period')}</dt>
        <dd safe>{formatPeriod(programme.periodStart, programme.periodEnd)}</dd>
        <dt safe>{t('programme.version')}</dt>
        <dd safe>{`${versionName(rc, version)} – ${statusText(rc, version)}`}</dd>
        {version.decision ? (
          <>
            <dt safe>{t('programme.decision')}</dt>
            <dd>
              <Decision rc={rc} version={version} />
            </dd>
          </>
        ) : (
          ''
        )}
      </dl>
      <p>
        <a href={inLang(lang, paths.versions(region.slug, programme.slug))} safe>
          {t('programme.versions')}
        </a>
      </p>
      <SearchForm rc={rc} action={inLang(lang, paths.search(base))} />
      {content.vision ? (
        <section aria-labelledby="vision-heading">
          <h2 id="vision-heading" safe>
            {t('programme.vision')}
          </h2>
          <Prose rc={rc} text={content.vision} class="vision" />
        </section>
      ) : (
        ''
      )}
      {content.summary ? (
        <section aria-labelledby="summary-heading">
          <h2 id="summary-heading" safe>
            {t('programme.summary')}
          </h2>
          <Prose rc={rc} text={content.summary} />
        </section>
      ) : (
        ''
      )}
      {first && content.nodes.length > 0 ? (
        <section aria-labelledby="nodes-heading">
          <Text rc={rc} text={first.namePlural} tag="h2" id="nodes-heading" />
          <ul class="card-list">
            {content.nodes.map((node) => (
              <li class="card">
                <h3>
                  <a href={inLang(lang, paths.node(base, node.path))}>
                    <Text rc={rc} text={node.title} />
                  </a>
                </h3>
                <Text rc={rc} text={node.summary} tag="p" />
                {second && node.children.length > 0 ? (
                  <>
                    <Text rc={rc} text={second.namePlural} tag="p" class="list-label" />
                    <ul>
                      {node.children.map((child) => (
                        <li>
                          <a href={inLang(lang, paths.node(base, child.path))}>
                            <Text rc={rc} text={child.title} />
                          </a>
                        </li>
                      ))}
                    </ul>
                  </>
                ) : (
                  ''
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : (
        ''
      )}
      {content.taxonomies.map((tax) => (
        <section aria-labelledby={`tax-${tax.key}`}>
          <Text rc={rc} text={tax.name} tag="h2" id={`tax-${tax.key}`} />
          <Prose rc={rc} text={tax.description} />
          <ul>
            {tax.terms.map((term) => (
              <li>
                <a href={inLang(lang, paths.term(base, tax.key, term.key))}>
                  <Text rc={rc} text={term.title} />
                </a>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {props.monitoring ? (
        <section aria-labelledby="monitoring-heading">
          <h2 id="monitoring-heading" safe>
            {t('monitoringPages.title')}
          </h2>
          <p>
            <a href={inLang(lang, paths.monitoring(region.slug, programme.slug))} safe>
              {t('monitoringPages.link')}
            </a>
          </p>
        </section>
      ) : (
        ''
      )}
      {props.monitoring ? (
        <section aria-labelledby="consultation-heading">
          <h2 id="consultation-heading" safe>
            {t('consultation.title')}
          </h2>
          <p>
            <a href={inLang(lang, paths.consultations(region.slug, programme.slug))} safe>
              {t('consultation.link')}
            </a>
          </p>
        </section>
      ) : (
        ''
      )}
    </Frame>
  );
}
