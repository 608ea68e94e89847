/** @jsxRuntime automatic @jsxImportSource @kitajs/html */
/**
 * A consultation round's public page (issue 10): the round's introduction, times and documents,
 * the counts of comments (published, waiting, rejected by reason), and the text on consultation
 * node by node with its numbered paragraphs, each with a plain "comment on this paragraph" link
 * (no JavaScript needed) and the published comments on it.
 */
import Html from '@kitajs/html';
import type { RoundPhase } from '#src/domain/consultation/round.ts';
import type { ProgrammeSummary, Region } from '#src/domain/read-models.ts';
import { formatDateTime, formatNumber } from '#src/i18n/format.ts';
import type { ConsultationNode, ConsultationView, PublicComment } from '#src/services/consultation/public-view.ts';
import { Prose, Text } from '../components.tsx';
import { plain, shownRequired, type RenderContext } from '../render-context.ts';
import { inLang, paths } from '../urls.ts';
import { ConsultationFrame } from './consultation-frame.tsx';
import { CommentList } from './comment-list.tsx';
import type { ProgrammeSlugs } from './response-block.tsx';

export interface RoundPageProps {
  rc: RenderContext;
  region: Region;
  programme: ProgrammeSummary;
  hasContact: boolean;
  view: ConsultationView;
}

export function phaseText(rc: RenderContext, phase: RoundPhase, round: { opensAt: string; closesAt: string }): string {
  const opens = formatDateTime(round.opensAt, rc.lang);
  const closes = formatDateTime(round.closesAt, rc.lang);
  if (phase === 'upcoming') return rc.t('consultation.phase.upcoming', { opens, closes });
  if (phase === 'open') return rc.t('consultation.phase.open', { closes });
  return rc.t('consultation.phase.closed', { closes });
}

/** Where the comment form of a node's paragraph (or the node, or the whole programme) is. */
export function commentHref(
  rc: RenderContext,
  roundPath: string,
  nodeKey: string | null,
  paragraph: number | null,
): string {
  const query = new URLSearchParams();
  if (nodeKey !== null) query.set('node', nodeKey);
  if (nodeKey !== null && paragraph !== null) query.set('p', String(paragraph));
  const q = query.toString();
  return `${inLang(rc.lang, roundPath)}comment${q ? `?${q}` : ''}`;
}

function NodeSection(props: {
  rc: RenderContext;
  node: ConsultationNode;
  roundPath: string;
  open: boolean;
  base: ProgrammeSlugs;
}): JSX.Element {
  const { rc, node, roundPath, open, base } = props;
  const title = shownRequired(rc, node.title);
  const heading = `h${Math.min(6, node.depth + 2)}`;
  const onParagraph = (i: number): PublicComment[] =>
    node.comments.filter((c) => c.paragraphIndex === i && c.textLang === node.textLang);
  const elsewhere = node.comments.filter((c) => c.paragraphIndex === null || c.textLang !== node.textLang);
  const textLang = node.textLang !== rc.lang ? node.textLang : undefined;
  return (
    <section class="consultation-node" id={`node-${node.key}`} aria-labelledby={`node-${node.key}-title`}>
      {Html.createElement(
        heading,
        { id: `node-${node.key}-title`, lang: title.lang },
        Html.escapeHtml(title.text),
        node.comments.length > 0
          ? `<span class="comment-count"> ${Html.escapeHtml(rc.t('consultation.node.count', { n: node.comments.length }))}</span>`
          : '',
      )}
      {node.paragraphs.map((p) => (
        <div class={`consultation-paragraph consultation-${p.kind}`} id={`node-${node.key}-p${p.index + 1}`}>
          <p lang={textLang} safe>
            {p.text}
          </p>
          {open ? (
            <p class="comment-link">
              <a href={commentHref(rc, roundPath, node.key, p.index)}>
                <span safe>{rc.t('consultation.paragraph.comment', { n: p.index + 1 })}</span>
                <span class="visually-hidden" safe>
                  {` – ${title.text}`}
                </span>
              </a>
            </p>
          ) : (
            ''
          )}
          <CommentList rc={rc} comments={onParagraph(p.index)} showQuote={false} base={base} roundPath={roundPath} />
        </div>
      ))}
      {open ? (
        <p class="comment-link">
          <a href={commentHref(rc, roundPath, node.key, null)}>
            <span safe>{rc.t('consultation.node.comment')}</span>
            <span class="visually-hidden" safe>
              {`: ${title.text}`}
            </span>
          </a>
        </p>
      ) : (
        ''
      )}
      <CommentList rc={rc} comments={elsewhere} showQuote={true} base={base} roundPath={roundPath} />
    </section>
  );
}

export function RoundPage(props: RoundPageProps): JSX.Element {
  const { rc, region, programme, view } = props;
  const { t, lang } = rc;
  const roundPath = paths.consultation(region.slug, programme.slug, view.round.slug);
  const open = view.phase === 'open';
  const base: ProgrammeSlugs = { region: region.slug, programme: programme.slug };
  const reasons = view.round.rejectReasons.filter((r) => (view.rejections[r.code] ?? 0) > 0);
  return (
    <ConsultationFrame
      rc={rc}
      region={region}
      programme={programme}
      hasContact={props.hasContact}
      title={[plain(rc, view.round.title), plain(rc, programme.title)]}
      description={t('consultation.round.description', { programme: plain(rc, programme.title) })}
      rest={roundPath}
      trail={[{ href: inLang(lang, roundPath), label: plain(rc, view.round.title) }]}
      scripts={open && rc.chrome.quoteScriptHref ? [rc.chrome.quoteScriptHref] : []}
    >
      <Text rc={rc} text={view.round.title} tag="h1" />
      <p class={`round-phase round-${view.phase}`} safe>
        {phaseText(rc, view.phase, view.round)}
      </p>
      <Prose rc={rc} text={view.round.intro} />
      {view.round.documents.length > 0 ? (
        <>
          <h2 safe>{t('consultation.documents')}</h2>
          <ul>
            {view.round.documents.map((d) => (
              <li>
                <a href={d.url}>
                  <Text rc={rc} text={d.title} />
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : (
        ''
      )}
      <h2 safe>{t('consultation.counts.title')}</h2>
      <p safe>
        {t('consultation.counts.text', {
          published: view.counts.published,
          waiting: view.counts.waiting,
          rejected: view.counts.rejected,
        })}
      </p>
      <p class="feedback-report-link">
        <a href={inLang(lang, paths.consultationReport(region.slug, programme.slug, view.round.slug))} safe>
          {t('feedback.link')}
        </a>
      </p>
      {reasons.length > 0 ? (
        <table class="rejections">
          <caption safe>{t('consultation.rejections.caption')}</caption>
          <thead>
            <tr>
              <th scope="col" safe>
                {t('consultation.rejections.reason')}
              </th>
              <th scope="col" class="num" safe>
                {t('consultation.rejections.count')}
              </th>
            </tr>
          </thead>
          <tbody>
            {reasons.map((r) => (
              <tr>
                <th scope="row">
                  <Text rc={rc} text={r.label} />
                </th>
                <td class="num" safe>
                  {formatNumber(view.rejections[r.code] ?? 0, lang)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        ''
      )}
      {open ? (
        <p class="comment-link">
          <a href={commentHref(rc, roundPath, null, null)} safe>
            {t('consultation.programme.comment')}
          </a>
        </p>
      ) : (
        ''
      )}
      {open ? (
        <p class="comment-link statement-link">
          <a href={`${inLang(lang, roundPath)}statement`} safe>
            {t('consultation.statements.link')}
          </a>
        </p>
      ) : (
        ''
      )}
      <CommentList rc={rc} comments={view.programmeComments} showQuote={false} base={base} roundPath={roundPath} />
      <h2 safe>{t('consultation.text.title')}</h2>
      {open ? <p safe>{t('consultation.text.help')}</p> : ''}
      {view.nodes.map((node) => (
        <NodeSection rc={rc} node={node} roundPath={roundPath} open={open} base={base} />
      ))}
    </ConsultationFrame>
  );
}
