/** @jsxRuntime automatic @jsxImportSource @kitajs/html */
/**
 * The feedback report of a consultation round ("palauteraportti", issue 10 point 6) as one HTML
 * document, the one source of the web page, the printout and the tagged PDF (like the annual
 * report, with report.css): title and facts, a summary with the counts by respondent type and by
 * decision, the organisations that sent statements, and node by node what was said, the council's
 * response and decision, and the resulting change as a word diff (`<ins>`/`<del>` with spoken
 * labels). Headings go from H1 to H3; every table has its header cells. Only site-relative links and
 * no request-specific bytes. Every text from the database is escaped.
 */
import Html from '@kitajs/html';
import { formatDateTime, formatNumber } from '#src/i18n/format.ts';
import {
  DECISION_COUNTS,
  type FeedbackReport,
  type ReportChange,
  type ReportComment,
  type ReportNode,
} from '#src/services/consultation/feedback-report.ts';
import { RESPONDENT_TYPES } from '#src/domain/consultation/comment.ts';
import { plain, shown, type RenderContext } from '../render-context.ts';
import { inLang, paths } from '../urls.ts';
import { MultilineText } from './comment-list.tsx';
import { ResponseBlock, type ProgrammeSlugs } from './response-block.tsx';
import { PrintableDocument } from '../reports/printable-document.tsx';

/** The file names beside the report's page (relative to it). */
export const FEEDBACK_FILES = { pdf: 'feedback.pdf', csv: 'feedback.csv' } as const;

export interface FeedbackReportProps {
  rc: RenderContext;
  report: FeedbackReport;
  region: { slug: string; name: string };
  programmeSlug: string;
  cssHref: string;
}

export function feedbackTitle(rc: RenderContext, report: FeedbackReport): string {
  return rc.t('feedback.title', { round: plain(rc, report.round.title) });
}

export function feedbackRunningHeader(rc: RenderContext, report: FeedbackReport, regionName: string): string {
  return rc.t('feedback.runningHeader', { region: regionName, round: plain(rc, report.round.title) });
}

const nodeId = (key: string | null): string =>
  key === null ? 'feedback-programme' : `feedback-${key.replace(/[^A-Za-z0-9_-]/g, '-')}`;

function CountTable(props: {
  rc: RenderContext;
  id: string;
  caption: string;
  head: string;
  rows: readonly [string, number][];
  total: number;
}): JSX.Element {
  const { rc } = props;
  return (
    <table class="data-table" id={props.id}>
      <caption safe>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col" safe>
            {props.head}
          </th>
          <th scope="col" class="num" safe>
            {rc.t('feedback.col.count')}
          </th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map(([label, n]) => (
          <tr>
            <th scope="row" safe>
              {label}
            </th>
            <td class="num" safe>
              {formatNumber(n, rc.lang)}
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" safe>
            {rc.t('feedback.col.total')}
          </th>
          <td class="num" safe>
            {formatNumber(props.total, rc.lang)}
          </td>
        </tr>
      </tfoot>
    </table>
  );
}

function Comment(props: { rc: RenderContext; c: ReportComment; base: ProgrammeSlugs }): JSX.Element {
  const { rc, c } = props;
  const { t } = rc;
  const heading =
    c.kind === 'statement' && c.organisation
      ? t('feedback.statement.title', { id: String(c.id), organisation: c.organisation })
      : t('feedback.comment.title', { id: String(c.id) });
  const who = c.author ? [c.author.name, c.kind === 'statement' ? null : c.author.organisation].filter((s) => !!s) : [];
  const rest = [
    ...who,
    t(`consultation.respondent.${c.respondentType}`),
    c.paragraphIndex !== null ? t('feedback.comment.paragraph', { n: c.paragraphIndex + 1 }) : '',
  ].filter((s): s is string => !!s);
  return (
    <li class="feedback-comment" id={`comment-${c.id}`}>
      <p class="comment-meta">
        <strong>{Html.escapeHtml(heading)}</strong>
        {rest.length > 0 ? <span>{Html.escapeHtml(` · ${rest.join(' · ')}`)}</span> : ''}
      </p>
      {c.body === null ? (
        <p class="comment-hidden" safe>
          {t('feedback.comment.hidden')}
        </p>
      ) : (
        <div class="comment-body">
          <MultilineText text={c.body} />
        </div>
      )}
      {c.response ? (
        <ResponseBlock rc={rc} response={c.response} base={props.base} />
      ) : (
        <p class="no-response" safe>
          {t('feedback.noResponse')}
        </p>
      )}
    </li>
  );
}

/** The change of a node's text as a word diff, with spoken labels for insertions and deletions. */
function Change(props: { rc: RenderContext; change: ReportChange }): JSX.Element {
  const { rc, change } = props;
  const { t } = rc;
  if (change.toVersion === null)
    return (
      <p class="change-none" safe>
        {t('feedback.change.noLater')}
      </p>
    );
  if (change.newText === null)
    return (
      <p class="change-none" safe>
        {t('feedback.change.deleted', { version: change.toVersion })}
      </p>
    );
  if (change.segments.length === 0)
    return (
      <p class="change-none" safe>
        {t('feedback.change.none', { version: change.toVersion })}
      </p>
    );
  const labelLang = change.lang === rc.lang ? undefined : rc.lang;
  return (
    <div class="feedback-change">
      <p>
        <strong safe>{t('feedback.change.title', { from: change.fromVersion, to: change.toVersion })}</strong>
      </p>
      <div class="diff-text" lang={labelLang ? change.lang : undefined}>
        {change.segments.map((s) => {
          const safeText = Html.escapeHtml(s.text);
          if (s.type === 'equal') return safeText;
          const safeLabel = (
            <span class="visually-hidden" lang={labelLang} safe>
              {`${t(s.type === 'insert' ? 'diff.ins' : 'diff.del')} `}
            </span>
          );
          return s.type === 'insert' ? (
            <ins>
              {safeLabel}
              {safeText}
            </ins>
          ) : (
            <del>
              {safeLabel}
              {safeText}
            </del>
          );
        })}
      </div>
    </div>
  );
}

function NodeSection(props: { rc: RenderContext; node: ReportNode; base: ProgrammeSlugs }): JSX.Element {
  const { rc, node } = props;
  const { t } = rc;
  const title = node.key === null ? { text: t('feedback.programme'), lang: undefined } : shown(rc, node.title);
  const id = nodeId(node.key);
  const label = title?.text ?? node.key ?? '';
  return (
    <section class="feedback-node" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} lang={title?.lang}>
        {Html.escapeHtml(label)}
        <span class="comment-count" lang={title?.lang ? rc.lang : undefined} safe>
          {` (${t('feedback.node.comments', { n: node.comments.length })})`}
        </span>
      </h3>
      <ol class="feedback-comments" aria-label={t('feedback.comments.label', { node: label })}>
        {node.comments.map((c) => (
          <Comment rc={rc} c={c} base={props.base} />
        ))}
      </ol>
      {node.change ? <Change rc={rc} change={node.change} /> : ''}
    </section>
  );
}

export function FeedbackReportDocument(props: FeedbackReportProps): JSX.Element {
  const { rc, report } = props;
  const { t, lang } = rc;
  const base: ProgrammeSlugs = { region: props.region.slug, programme: props.programmeSlug };
  const title = feedbackTitle(rc, report);
  const rest = paths.consultationReport(props.region.slug, props.programmeSlug, report.round.slug);
  const roundHref = inLang(lang, paths.consultation(props.region.slug, props.programmeSlug, report.round.slug));
  const counts = report.counts;
  const safeBody = Html.contentsToString([
    <>
      <section aria-labelledby="feedback-summary">
        <h2 id="feedback-summary" safe>
          {t('feedback.counts.title')}
        </h2>
        <p safe>{t('feedback.counts.total', { n: counts.total, hidden: counts.hidden })}</p>
        <CountTable
          rc={rc}
          id="feedback-by-respondent"
          caption={t('feedback.byRespondent.caption')}
          head={t('feedback.byRespondent.type')}
          rows={RESPONDENT_TYPES.map((r) => [t(`feedback.respondent.${r}`), counts.byRespondent[r]])}
          total={counts.total}
        />
        <CountTable
          rc={rc}
          id="feedback-by-decision"
          caption={t('feedback.byDecision.caption')}
          head={t('feedback.byDecision.decision')}
          rows={DECISION_COUNTS.map((d) => [
            d === 'unanswered' ? t('feedback.decision.unanswered') : t(`responses.decision.${d}`),
            counts.byDecision[d],
          ])}
          total={counts.total}
        />
      </section>
      <section aria-labelledby="feedback-statements">
        <h2 id="feedback-statements" safe>
          {t('feedback.statements.title')}
        </h2>
        {report.statements.length === 0 ? (
          <p safe>{t('feedback.statements.none')}</p>
        ) : (
          <table class="data-table" id="feedback-statement-table">
            <caption safe>{t('feedback.statements.caption')}</caption>
            <thead>
              <tr>
                <th scope="col" safe>
                  {t('feedback.statements.organisation')}
                </th>
                <th scope="col" class="num" safe>
                  {t('feedback.statements.count')}
                </th>
              </tr>
            </thead>
            <tbody>
              {report.statements.map((s) => (
                <tr>
                  <th scope="row" safe>
                    {s.organisation}
                  </th>
                  <td class="num" safe>
                    {formatNumber(s.count, lang)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="feedback-nodes" class="feedback-nodes">
        <h2 id="feedback-nodes" safe>
          {t('feedback.nodes.title')}
        </h2>
        {report.nodes.length === 0 ? <p safe>{t('feedback.nodes.none')}</p> : ''}
        {report.nodes.map((n) => (
          <NodeSection rc={rc} node={n} base={base} />
        ))}
      </section>
    </>,
  ]);
  const safeNote = rc.fallbackUsed ? (
    <p class="translation-note" role="note" safe>
      {t('site.untranslated')}
    </p>
  ) : (
    ''
  );
  return (
    <PrintableDocument
      rc={rc}
      title={title}
      description={t('feedback.description', { programme: plain(rc, report.programme.title) })}
      cssHref={props.cssHref}
      rest={rest}
      links={[
        { href: roundHref, label: plain(rc, report.round.title) },
        { href: FEEDBACK_FILES.pdf, label: t('feedback.pdf'), type: 'application/pdf' },
        { href: FEEDBACK_FILES.csv, label: t('feedback.csv'), type: 'text/csv' },
      ]}
    >
      <header class="report-title-block">
        <p class="eyebrow" safe>
          {`${props.region.name} · ${plain(rc, report.programme.title)}`}
        </p>
        <h1 safe>{title}</h1>
        <dl class="report-facts">
          <dt safe>{t('feedback.facts.version')}</dt>
          <dd safe>{t('feedback.facts.versionValue', { number: report.version.number })}</dd>
          <dt safe>{t('feedback.facts.period')}</dt>
          <dd
            safe
          >{`${formatDateTime(report.round.opensAt, lang)} – ${formatDateTime(report.round.closesAt, lang)}`}</dd>
        </dl>
        <p safe>{t('feedback.intro')}</p>
      </header>
      {safeNote}
      {safeBody}
    </PrintableDocument>
  );
}
