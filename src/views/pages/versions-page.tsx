/** @jsxRuntime automatic @jsxImportSource @kitajs/html */
/** The list of a programme's versions with their status, decision and changelog. */
import type { ProgrammeSummary, Region, VersionSummary } from '#src/domain/read-models.ts';
import { formatDate } from '#src/i18n/format.ts';
import { CompareForm } from '../compare-form.tsx';
import { Breadcrumbs, Prose, Text } from '../components.tsx';
import { Frame } from '../layout.tsx';
import { plain, type RenderContext } from '../render-context.ts';
import { programmeCrumbs, regionMenu } from '../site-nav.ts';
import { inLang, paths } from '../urls.ts';
import { statusText, versionName } from '../version-info.tsx';

export interface VersionsPageProps {
  rc: RenderContext;
  region: Region;
  hasContact: boolean;
  programme: ProgrammeSummary;
  versions: VersionSummary[];
}

export function VersionsPage(props: VersionsPageProps): JSX.Element {
  const { rc, region, programme } = props;
  const { t, lang } = rc;
  const programmeTitle = plain(rc, programme.title);
  const rest = paths.versions(region.slug, programme.slug);
  const base = { region: region.slug, programme: programme.slug, version: null };
  const newestFirst = [...props.versions].sort((a, b) => b.number - a.number);
  /** The version before `v` (the next lower number), if any. */
  const previousOf = (v: VersionSummary): VersionSummary | undefined => newestFirst.find((x) => x.number < v.number);
  // The form proposes the change into the current version (else the newest) from the one before it.
  const target = newestFirst.find((v) => v.number === programme.currentVersion) ?? newestFirst[0];
  const proposedFrom = target ? (previousOf(target) ?? target) : undefined;
  return (
    <Frame
      rc={rc}
      title={[t('versions.title'), programmeTitle]}
      description={t('versions.description', { programme: programmeTitle })}
      rest={rest}
      menu={regionMenu(rc, region, { programme, hasContact: props.hasContact, place: null })}
    >
      <Breadcrumbs
        rc={rc}
        items={[
          ...programmeCrumbs(rc, region, programme, base),
          { href: inLang(lang, rest), label: t('versions.title') },
        ]}
      />
      <h1 safe>{t('versions.title')}</h1>
      <p class="lead">
        <Text rc={rc} text={programme.title} />
      </p>
      <p safe>{newestFirst.length > 0 ? t('versions.intro') : t('versions.none')}</p>
      {target && proposedFrom && newestFirst.length > 1 ? (
        <CompareForm
          rc={rc}
          action={inLang(lang, paths.compareForm(region.slug, programme.slug))}
          versions={props.versions}
          from={proposedFrom.number}
          to={target.number}
        />
      ) : (
        ''
      )}
      <ul class="card-list version-list">
        {newestFirst.map((v) => {
          const isCurrent = v.number === programme.currentVersion;
          const href = inLang(
            lang,
            isCurrent ? paths.programme(base) : paths.programme({ ...base, version: v.number }),
          );
          const unapproved = v.status === 'draft' || v.status === 'consultation';
          const previous = previousOf(v);
          return (
            <li class={isCurrent ? 'card card-feature' : 'card'}>
              <h2 safe>{versionName(rc, v)}</h2>
              <p>
                <span class={unapproved ? 'status status-warning' : 'status'} safe>
                  {statusText(rc, v)}
                </span>
                {isCurrent ? (
                  <span class="status status-current" safe>
                    {t('versions.current')}
                  </span>
                ) : (
                  ''
                )}
              </p>
              {v.decision ? (
                <dl class="facts">
                  <dt safe>{t('versions.body')}</dt>
                  <dd>
                    <Text rc={rc} text={v.decision.body} />
                  </dd>
                  <dt safe>{t('versions.date')}</dt>
                  <dd>
                    <time datetime={v.decision.date} safe>
                      {formatDate(v.decision.date, lang)}
                    </time>
                  </dd>
                  {v.decision.reference ? (
                    <>
                      <dt safe>{t('versions.reference')}</dt>
                      <dd safe>{v.decision.reference}</dd>
                    </>
                  ) : (
                    ''
                  )}
                </dl>
              ) : (
                ''
              )}
              {v.changelog ? (
                <>
                  <h3 safe>{t('versions.changelog')}</h3>
                  <Prose rc={rc} text={v.changelog} />
                </>
              ) : (
                ''
              )}
              <p>
                <a href={href} safe>
                  {t('versions.show', { n: v.number })}
                </a>
              </p>
              {previous ? (
                <p>
                  <a href={inLang(lang, paths.compare(region.slug, programme.slug, previous.number, v.number))} safe>
                    {t('diff.fromPrevious')}
                  </a>
                </p>
              ) : (
                ''
              )}
            </li>
          );
        })}
      </ul>
    </Frame>
  );
}
