/** @jsxRuntime automatic @jsxImportSource @kitajs/html */
/**
 * Published comments as the public sees them: author (as the sender allowed), date, quote and text,
 * and under each the council's published response to it.
 */
import { formatDateTime } from '#src/i18n/format.ts';
import type { PublicComment } from '#src/services/consultation/public-view.ts';
import type { RenderContext } from '../render-context.ts';
import { ResponseBlock, type ProgrammeSlugs } from './response-block.tsx';

/** A comment's text with its line breaks, every line escaped. */
export function MultilineText(props: { text: string }): JSX.Element {
  const paragraphs = props.text.split(/\n\s*\n/);
  return (
    <>
      {paragraphs.map((para) => (
        <p>
          {para.split('\n').map((line, i) => (
            <>
              {i > 0 ? <br /> : ''}
              <span safe>{line}</span>
            </>
          ))}
        </p>
      ))}
    </>
  );
}

export function CommentList(props: {
  rc: RenderContext;
  comments: readonly PublicComment[];
  showQuote: boolean;
  /** The programme the responses' changes link into. */
  base: ProgrammeSlugs;
}): JSX.Element {
  const { rc } = props;
  if (props.comments.length === 0) return '';
  return (
    <ol class="comments" aria-label={rc.t('consultation.comments.label', { n: props.comments.length })}>
      {props.comments.map((c) => {
        const who = [c.author.name, c.author.organisation].filter((s): s is string => !!s).join(', ');
        return (
          <li class="comment" id={`comment-${c.id}`}>
            <p class="comment-meta">
              <span safe>{who || rc.t('consultation.comment.anonymous')}</span>
              {' · '}
              <span safe>{formatDateTime(c.submittedAt, rc.lang)}</span>
              {c.kind === 'statement' ? (
                <>
                  {' · '}
                  <span safe>{rc.t('consultation.comment.statement')}</span>
                </>
              ) : (
                ''
              )}
            </p>
            {props.showQuote && c.quote ? (
              <blockquote lang={c.textLang === rc.lang ? undefined : c.textLang}>
                <p safe>{c.quote}</p>
              </blockquote>
            ) : (
              ''
            )}
            <div class="comment-body">
              <MultilineText text={c.body} />
            </div>
            {c.response ? <ResponseBlock rc={rc} response={c.response} base={props.base} /> : ''}
          </li>
        );
      })}
    </ol>
  );
}
