/** @jsxRuntime automatic @jsxImportSource @kitajs/html */
/**
 * The monitoring page of a programme: how many indicators are in each state (counts, never an
 * average), the indicators by group (the six shared groups) and by theme (a theme shows its own
 * indicators and those of its priorities), each with its latest figure, period, status and reason.
 */
import type { Region, TreeNode, VersionContent } from '#src/domain/read-models.ts';
import type { IndicatorGroup } from '#src/domain/indicators/indicator.ts';
import { rollUpStatuses, statusTotal, type StatusCounts } from '#src/domain/indicators/status-roll-up.ts';
import { flattenTree } from '#src/domain/tree.ts';
import { plain, shownRequired, type RenderContext } from '../render-context.ts';
import { inLang, paths } from '../urls.ts';
import { countsSummary, IndicatorTable, StatusCountsTable, type MonitoredIndicator } from './monitoring-parts.tsx';
import { MonitoringFrame } from './monitoring-frame.tsx';

export interface MonitoringPageProps {
  rc: RenderContext;
  region: Region;
  hasContact: boolean;
  content: VersionContent;
  groups: readonly IndicatorGroup[];
  indicators: readonly MonitoredIndicator[];
  counts: StatusCounts;
}

/** The keys of `node` and every node below it. */
export function subtreeKeys(node: TreeNode): string[] {
  return flattenTree([node]).map((n) => n.key);
}

/** The indicators linked to `node` or a node below it (a theme shows its priorities' indicators). */
export function indicatorsOfSubtree(items: readonly MonitoredIndicator[], node: TreeNode): MonitoredIndicator[] {
  const keys = new Set(subtreeKeys(node));
  return items.filter((i) => i.indicator.nodes.some((k) => keys.has(k)));
}

export function MonitoringPage(props: MonitoringPageProps): JSX.Element {
  const { rc, region, content, indicators } = props;
  const { t, lang } = rc;
  const { programme } = content;
  const base = { region: region.slug, programme: programme.slug, version: null };
  const rest = paths.monitoring(region.slug, programme.slug);
  const programmeTitle = plain(rc, programme.title);
  const hrefOf = (i: MonitoredIndicator): string =>
    inLang(lang, paths.indicator(region.slug, programme.slug, i.indicator.code));
  const groups = [
    ...props.groups.map((g) => ({
      key: g.code,
      name: plain(rc, g.name),
      items: indicators.filter((i) => i.indicator.group === g.code),
    })),
  ];
  const themes = content.nodes;
  return (
    <MonitoringFrame
      rc={rc}
      region={region}
      programme={programme}
      hasContact={props.hasContact}
      title={[t('monitoringPages.title'), programmeTitle]}
      description={t('monitoringPages.description')}
      rest={rest}
      trail={[]}
    >
      <h1 safe>{t('monitoringPages.title')}</h1>
      <p class="lead" safe>
        {t('monitoringPages.description')}
      </p>
      {indicators.length === 0 ? (
        <p class="banner" safe>
          {t('monitoringPages.noIndicators')}
        </p>
      ) : (
        <>
          <section aria-labelledby="counts-heading">
            <h2 id="counts-heading" safe>
              {t('monitoringPages.counts.heading')}
            </h2>
            <p safe>{t('monitoringPages.counts.total', { n: statusTotal(props.counts) })}</p>
            <StatusCountsTable
              rc={rc}
              id="status-counts"
              caption={t('monitoringPages.counts.caption')}
              counts={props.counts}
            />
          </section>
          <section aria-labelledby="groups-heading">
            <h2 id="groups-heading" safe>
              {t('monitoringPages.byGroup')}
            </h2>
            {groups.map((g) => (
              <section aria-labelledby={`group-${g.key}`}>
                <h3 id={`group-${g.key}`} safe>
                  {g.name}
                </h3>
                {g.items.length === 0 ? (
                  <p safe>{t('monitoringPages.group.none')}</p>
                ) : (
                  <IndicatorTable
                    rc={rc}
                    id={`group-table-${g.key}`}
                    caption={t('monitoringPages.caption.group', { group: g.name })}
                    items={g.items}
                    hrefOf={hrefOf}
                  />
                )}
              </section>
            ))}
          </section>
          <section aria-labelledby="themes-heading">
            <h2 id="themes-heading" safe>
              {t('monitoringPages.byTheme')}
            </h2>
            <p safe>{t('monitoringPages.byTheme.intro')}</p>
            {themes.map((theme) => {
              const items = indicatorsOfSubtree(indicators, theme);
              const title = shownRequired(rc, theme.title);
              return (
                <section aria-labelledby={`theme-${theme.key}`}>
                  <h3 id={`theme-${theme.key}`}>
                    <a href={inLang(lang, paths.node(base, theme.path))} lang={title.lang} safe>
                      {title.text}
                    </a>
                  </h3>
                  {items.length === 0 ? (
                    <p safe>{t('monitoringPages.theme.none')}</p>
                  ) : (
                    <>
                      <p safe>
                        {t('monitoringPages.theme.counts', {
                          counts: countsSummary(rc, rollUpStatuses(items.map((i) => i.status))),
                        })}
                      </p>
                      <ul class="indicator-links">
                        {items.map((i) => (
                          <li>
                            <a href={hrefOf(i)} safe>
                              {plain(rc, i.indicator.name)}
                            </a>
                            {': '}
                            <span class={`status status-${i.status.state}`} safe>
                              {rc.t(`monitoring.state.${i.status.state}`)}
                            </span>
                          </li>
                        ))}
                      </ul>
                    </>
                  )}
                </section>
              );
            })}
          </section>
        </>
      )}
    </MonitoringFrame>
  );
}
