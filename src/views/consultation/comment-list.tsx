/** @jsxRuntime automatic @jsxImportSource @kitajs/html */
/**
 * Published comments as the public sees them: author (as the sender allowed), date, quote and text,
 * and under each the council's published response to it.
 */
import { formatDateTime } from '#src/i18n/format.ts';
import type { PublicComment } from '#src/services/consultation/public-view.ts';
import { shownRequired, type RenderContext } from '../render-context.ts';
import { inLang } from '../urls.ts';
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
  /** The round's path: statements' attachments are linked below it (downloads). */
  roundPath?: string;
}): JSX.Element {
  const { rc } = props;
  if (props.comments.length === 0) return '';
  return (
    <ol class="comments" aria-label={rc.t('consultation.comments.label', { n: props.comments.length })}>
      {props.comments.map((c) => {
        const signer = c.author.name && c.signerRole ? `${c.author.name} (${c.signerRole})` : c.author.name;
        const who = [signer, c.author.organisation].filter((s): s is string => !!s).join(', ');
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
            {c.answers.length > 0 ? (
              <dl class="comment-answers">
                {c.answers.map((a) => {
                  const question = shownRequired(rc, a.question);
                  return (
                    <>
                      <dt lang={question.lang} safe>
                        {question.text}
                      </dt>
                      <dd>
                        <MultilineText text={a.text} />
                      </dd>
                    </>
                  );
                })}
              </dl>
            ) : (
              ''
            )}
            {c.attachment && props.roundPath ? (
              <p class="comment-attachment">
                <a
                  href={`${inLang(rc.lang, props.roundPath)}attachments/${c.id}`}
                  download={c.attachment.fileName}
                  safe
                >
                  {rc.t('consultation.statements.attachment', {
                    name: c.attachment.fileName,
                    kb: Math.max(1, Math.round(c.attachment.bytes / 1024)),
                  })}
                </a>
              </p>
            ) : (
              ''
            )}
            {c.redacted ? (
              <p class="comment-redacted" safe>
                {rc.t('consultation.statements.redactedNote')}
              </p>
            ) : (
              ''
            )}
            {c.response ? <ResponseBlock rc={rc} response={c.response} base={props.base} /> : ''}
          </li>
        );
      })}
    </ol>
  );
}
