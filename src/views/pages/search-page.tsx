/** @jsxRuntime automatic @jsxImportSource @kitajs/html */
/** Search over one programme version: the form, the result count and the hits (or a no-results message). */
import type { Region, SearchHit, VersionContent } from '#src/domain/read-models.ts';
import { Breadcrumbs, SearchForm, Text } from '../components.tsx';
import { Frame } from '../layout.tsx';
import { plain, type RenderContext } from '../render-context.ts';
import { programmeCrumbs, regionMenu } from '../site-nav.ts';
import { inLang, paths, type ProgrammeBase } from '../urls.ts';

export interface SearchPageProps {
  rc: RenderContext;
  region: Region;
  hasContact: boolean;
  content: VersionContent;
  base: ProgrammeBase;
  /** The trimmed query; empty when the form was not sent. */
  query: string;
  hits: SearchHit[];
}

export function SearchPage(props: SearchPageProps): JSX.Element {
  const { rc, region, content, base, query, hits } = props;
  const { t, lang } = rc;
  const { programme } = content;
  const programmeTitle = plain(rc, programme.title);
  const rest = paths.search(base);
  const title = query ? `${t('search.title')}: ${query}` : t('search.title');
  return (
    <Frame
      rc={rc}
      title={[title, programmeTitle]}
      description={t('search.description', { programme: programmeTitle })}
      rest={rest}
      query={query ? `?q=${encodeURIComponent(query)}` : ''}
      noindex={query !== ''}
      menu={regionMenu(rc, region, { programme, hasContact: props.hasContact, place: null })}
    >
      <Breadcrumbs
        rc={rc}
        items={[
          ...programmeCrumbs(rc, region, programme, base),
          { href: inLang(lang, rest), label: t('search.title') },
        ]}
      />
      <h1 safe>{t('search.title')}</h1>
      <SearchForm rc={rc} action={inLang(lang, rest)} query={query} />
      {query ? (
        <section aria-labelledby="results-heading" class="results">
          <h2 id="results-heading" safe>
            {hits.length === 0 ? t('search.none', { q: query }) : t('search.results', { n: hits.length, q: query })}
          </h2>
          {hits.length > 0 ? (
            <ol class="result-list">
              {hits.map((hit) => (
                <li>
                  <a href={inLang(lang, paths.node(base, hit.path))}>
                    <Text rc={rc} text={hit.title} />
                  </a>
                  <Text
                    rc={rc}
                    text={programme.levels.find((l) => l.key === hit.level)?.name}
                    tag="p"
                    class="eyebrow"
                  />
                  <Text rc={rc} text={hit.summary} tag="p" />
                </li>
              ))}
            </ol>
          ) : (
            ''
          )}
        </section>
      ) : (
        ''
      )}
    </Frame>
  );
}
