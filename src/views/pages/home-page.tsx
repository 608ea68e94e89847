/** @jsxRuntime automatic @jsxImportSource @kitajs/html */
/** The installation's front page: regions with published programmes, then every region. */
import type { ProgrammeSummary, Region } from '#src/domain/read-models.ts';
import { formatPeriod } from '#src/i18n/format.ts';
import { Text } from '../components.tsx';
import { Frame } from '../layout.tsx';
import type { RenderContext } from '../render-context.ts';
import { inLang, paths } from '../urls.ts';

export interface HomePageProps {
  rc: RenderContext;
  regions: (Region & { programmes: ProgrammeSummary[] })[];
}

export function HomePage({ rc, regions }: HomePageProps): JSX.Element {
  const { t, lang } = rc;
  const withProgrammes = regions.filter((r) => r.programmes.length > 0);
  return (
    <Frame rc={rc} title={[t('home.title')]} description={t('home.description')} rest={paths.home()}>
      <h1 safe>{t('home.title')}</h1>
      <p class="lead" safe>
        {t('home.intro')}
      </p>
      <section aria-labelledby="programmes-heading">
        <h2 id="programmes-heading" safe>
          {t('home.programmes')}
        </h2>
        {withProgrammes.length === 0 ? (
          <p safe>{t('home.noProgrammes')}</p>
        ) : (
          <ul class="card-list">
            {withProgrammes.map((r) => (
              <li class="card">
                <Text rc={rc} text={r.name} tag="h3" />
                <ul class="plain-list">
                  {r.programmes.map((p) => (
                    <li>
                      <a href={inLang(lang, paths.programme({ region: r.slug, programme: p.slug, version: null }))}>
                        <Text rc={rc} text={p.title} />
                      </a>{' '}
                      <span class="muted" safe>
                        ({formatPeriod(p.periodStart, p.periodEnd)})
                      </span>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="regions-heading">
        <h2 id="regions-heading" safe>
          {t('home.regions')}
        </h2>
        <ul class="columns">
          {regions.map((r) => (
            <li>
              <a href={inLang(lang, paths.region(r.slug))}>
                <Text rc={rc} text={r.name} />
              </a>
            </li>
          ))}
        </ul>
      </section>
    </Frame>
  );
}
