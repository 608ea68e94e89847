/** @jsxRuntime automatic @jsxImportSource @kitajs/html */
/** A region's front page: its council, current programme, other programmes and municipalities. */
import type { Council, Municipality, ProgrammeSummary, Region, VersionContent } from '#src/domain/read-models.ts';
import { formatPeriod } from '#src/i18n/format.ts';
import { Breadcrumbs, Text } from '../components.tsx';
import { excerpt } from '../excerpt.ts';
import { Frame } from '../layout.tsx';
import { plain, shown, type RenderContext } from '../render-context.ts';
import { regionCrumbs, regionMenu } from '../site-nav.ts';
import { inLang, paths } from '../urls.ts';
import { projectPaths } from './project-urls.ts';

export interface RegionPageProps {
  rc: RenderContext;
  region: Region;
  council: Council | null;
  programmes: ProgrammeSummary[];
  /** The content of the current version of the region's newest programme, if any. */
  current: VersionContent | null;
  municipalities: Municipality[];
}

export function RegionPage(props: RegionPageProps): JSX.Element {
  const { rc, region, council, current } = props;
  const { t, lang } = rc;
  const name = plain(rc, region.name);
  const currentProgramme = current?.programme ?? null;
  const others = props.programmes.filter((p) => p.slug !== currentProgramme?.slug);
  const vision = shown(rc, current?.vision ?? current?.summary);
  const contactHref = inLang(lang, paths.contact(region.slug));
  return (
    <Frame
      rc={rc}
      title={[name]}
      description={t('region.description', { region: name })}
      rest={paths.region(region.slug)}
      menu={regionMenu(rc, region, { programme: currentProgramme, hasContact: council !== null, place: 'region' })}
    >
      <Breadcrumbs rc={rc} items={regionCrumbs(rc, region)} />
      <Text rc={rc} text={region.name} tag="h1" />
      {council ? <Text rc={rc} text={council.name} tag="p" class="lead" /> : ''}
      <section aria-labelledby="current-heading">
        <h2 id="current-heading" safe>
          {t('region.current')}
        </h2>
        {current && currentProgramme ? (
          <div class="card card-feature">
            <Text rc={rc} text={currentProgramme.title} tag="h3" />
            <dl class="facts">
              <dt safe>{t('programme.period')}</dt>
              <dd safe>{formatPeriod(currentProgramme.periodStart, currentProgramme.periodEnd)}</dd>
            </dl>
            {vision ? (
              <p lang={vision.lang} safe>
                {excerpt(vision.text, 240)}
              </p>
            ) : (
              ''
            )}
            <p>
              <a
                class="button"
                href={inLang(
                  lang,
                  paths.programme({ region: region.slug, programme: currentProgramme.slug, version: null }),
                )}
                safe
              >
                {t('region.read')}
              </a>{' '}
              <a href={inLang(lang, paths.versions(region.slug, currentProgramme.slug))} safe>
                {t('programme.versions')}
              </a>
            </p>
          </div>
        ) : (
          <p safe>{t('region.none')}</p>
        )}
      </section>
      {others.length > 0 ? (
        <section aria-labelledby="other-heading">
          <h2 id="other-heading" safe>
            {t('region.other')}
          </h2>
          <ul>
            {others.map((p) => (
              <li>
                <a href={inLang(lang, paths.programme({ region: region.slug, programme: p.slug, version: null }))}>
                  <Text rc={rc} text={p.title} />
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : (
        ''
      )}
      <section aria-labelledby="projects-heading">
        <h2 id="projects-heading" safe>
          {t('region.projects')}
        </h2>
        <ul>
          <li>
            <a href={inLang(lang, projectPaths.browser(region.slug))} safe>
              {t('region.projectsLink')}
            </a>
          </li>
          {currentProgramme ? (
            <li>
              <a href={inLang(lang, projectPaths.funding(region.slug, currentProgramme.slug))} safe>
                {t('funding.link')}
              </a>
            </li>
          ) : (
            ''
          )}
          {currentProgramme ? (
            <li>
              <a href={inLang(lang, paths.monitoring(region.slug, currentProgramme.slug))} safe>
                {t('monitoringPages.link')}
              </a>
            </li>
          ) : (
            ''
          )}
        </ul>
      </section>
      {council ? (
        <section aria-labelledby="contact-heading">
          <h2 id="contact-heading" safe>
            {t('contact.title')}
          </h2>
          <p>
            <a href={contactHref} safe>
              {t('region.contactText')}
            </a>
          </p>
        </section>
      ) : (
        ''
      )}
      <section aria-labelledby="municipalities-heading">
        <h2 id="municipalities-heading" safe>
          {t('region.municipalities')}
        </h2>
        <p safe>{t('region.municipalityCount', { n: props.municipalities.length })}</p>
        <ul class="columns">
          {props.municipalities.map((m) => {
            const note =
              m.languages === 'sv'
                ? t('municipality.swedish')
                : m.languages.includes('-')
                  ? t('municipality.bilingual')
                  : '';
            return (
              <li>
                <Text rc={rc} text={m.name} />
                {note ? (
                  <span class="muted" safe>
                    {` (${note})`}
                  </span>
                ) : (
                  ''
                )}
              </li>
            );
          })}
        </ul>
      </section>
    </Frame>
  );
}
