/** @jsxRuntime automatic @jsxImportSource @kitajs/html */
/** The funding overview: plan vs granted vs paid by priority and by fund, each as an SVG bar chart with its data table. */
import type { FundingOverview, FundingRow } from '#src/domain/projects/listing.ts';
import type { Region } from '#src/domain/read-models.ts';
import { barChart, type ChartSeries } from '../charts/bar-chart.ts';
import { formatEuros, formatWholeEuros } from '../charts/format-money.ts';
import { Breadcrumbs } from '../components.tsx';
import { Frame } from '../layout.tsx';
import { plain, type RenderContext } from '../render-context.ts';
import { regionCrumbs, regionMenu } from '../site-nav.ts';
import { inLang, paths } from '../urls.ts';
import { fundName, periodText } from './project-page.tsx';
import { FundMoneyTable } from './project-section.tsx';
import { projectPaths } from './project-urls.ts';

export interface FundingPageProps {
  rc: RenderContext;
  region: Region;
  hasContact: boolean;
  overview: FundingOverview;
}

interface Row extends FundingRow {
  label: string;
  href: string | null;
}

function ChartWithTable(props: {
  rc: RenderContext;
  id: string;
  heading: string;
  headerLabel: string;
  rows: Row[];
}): JSX.Element {
  const { rc, id, rows } = props;
  const { t, lang } = rc;
  const series: ChartSeries[] = [
    { label: t('funding.plan'), style: 'solid' },
    { label: t('funding.granted'), style: 'hatch' },
    { label: t('funding.paid'), style: 'dots' },
  ];
  const safeChart = barChart({
    id,
    title: props.heading,
    desc: t('funding.chartDesc'),
    series,
    rows: rows.map((r) => ({ label: r.label, values: [r.planCents, r.grantedCents, r.paidCents] })),
    format: (cents) => formatWholeEuros(cents, lang),
  });
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} safe>
        {props.heading}
      </h2>
      <figure class="chart-figure">{safeChart}</figure>
      <table class="data-table" id={`${id}-table`}>
        <caption safe>{props.heading}</caption>
        <thead>
          <tr>
            <th scope="col" safe>
              {props.headerLabel}
            </th>
            {series.map((s) => (
              <th scope="col" class="num" safe>
                {s.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <th scope="row">
                {r.href ? (
                  <a href={r.href} safe>
                    {r.label}
                  </a>
                ) : (
                  <span safe>{r.label}</span>
                )}
              </th>
              {[r.planCents, r.grantedCents, r.paidCents].map((c) => (
                <td class="num" safe>
                  {formatEuros(c, lang)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function FundingPage(props: FundingPageProps): JSX.Element {
  const { rc, region, overview } = props;
  const { t, lang } = rc;
  const base = { region: region.slug, programme: overview.programme.slug, version: null };
  const rest = projectPaths.funding(region.slug, overview.programme.slug);
  const programmeTitle = plain(rc, overview.programme.title);
  const priorities: Row[] = overview.byPriority.map((r) => ({
    ...r,
    label: plain(rc, r.title),
    href: inLang(lang, projectPaths.browser(region.slug, [['priority', r.key]])),
  }));
  const funds: Row[] = overview.byFund.map((r) => ({
    ...r,
    label: fundName(rc, r.fund),
    href: inLang(lang, projectPaths.browser(region.slug, [['fund', r.fund]])),
  }));
  return (
    <Frame
      rc={rc}
      title={[t('funding.title'), programmeTitle]}
      description={t('funding.description')}
      rest={rest}
      menu={regionMenu(rc, region, { programme: overview.programme, hasContact: props.hasContact, place: 'funding' })}
    >
      <Breadcrumbs
        rc={rc}
        items={[
          ...regionCrumbs(rc, region),
          { href: inLang(lang, paths.programme(base)), label: programmeTitle },
          { href: inLang(lang, rest), label: t('funding.title') },
        ]}
      />
      <h1 safe>{t('funding.title')}</h1>
      <p class="lead" safe>
        {t('funding.description')}
      </p>
      {overview.hasPlan ? (
        ''
      ) : (
        <p class="banner" safe>
          {t('funding.noPlan')}
        </p>
      )}
      <ChartWithTable
        rc={rc}
        id="chart-priorities"
        heading={t('funding.byPriority')}
        headerLabel={t('projects.filter.priority')}
        rows={priorities}
      />
      <ChartWithTable
        rc={rc}
        id="chart-funds"
        heading={t('funding.byFund')}
        headerLabel={t('projects.fund')}
        rows={funds}
      />
      {overview.unlinked.count > 0 ? (
        <section aria-labelledby="unlinked-heading">
          <h2 id="unlinked-heading" safe>
            {t('funding.unlinked')}
          </h2>
          <p safe>
            {t('funding.unlinked.intro', {
              n: overview.unlinked.count,
              periods:
                overview.unlinked.periods.length > 0
                  ? overview.unlinked.periods.map((p) => periodText(rc, p)).join('; ')
                  : t('projects.unknown'),
            })}
          </p>
          <FundMoneyTable
            rc={rc}
            id="unlinked-table"
            caption={t('funding.unlinked')}
            rows={overview.unlinked.byFund}
            fundLink={(fund) => inLang(lang, projectPaths.browser(region.slug, [['fund', fund]]))}
          />
        </section>
      ) : (
        ''
      )}
    </Frame>
  );
}
