/** @jsxRuntime automatic @jsxImportSource @kitajs/html */
/** What a commenter sees after sending: thanks, and whether the comment is public or waits for a moderator. */
import type { ProgrammeSummary, Region } from '#src/domain/read-models.ts';
import type { Round } from '#src/domain/consultation/round.ts';
import { plain, type RenderContext } from '../render-context.ts';
import { inLang, paths } from '../urls.ts';
import { ConsultationFrame } from './consultation-frame.tsx';

export function CommentSentPage(props: {
  rc: RenderContext;
  region: Region;
  programme: ProgrammeSummary;
  hasContact: boolean;
  round: Round;
  /** `pending`, or `published` when the round publishes without moderation. */
  state: 'pending' | 'published' | 'unlisted';
  /** What was sent (default: a comment). */
  kind?: 'comment' | 'statement';
}): JSX.Element {
  const { rc, region, programme, round } = props;
  const statement = props.kind === 'statement';
  const title = statement ? rc.t('consultation.statements.sent.title') : rc.t('consultation.sent.title');
  const message = statement
    ? rc.t(`consultation.statements.sent.${props.state}`)
    : rc.t(`consultation.sent.${props.state}`);
  const roundPath = paths.consultation(region.slug, programme.slug, round.slug);
  return (
    <ConsultationFrame
      rc={rc}
      region={region}
      programme={programme}
      hasContact={props.hasContact}
      title={[title, plain(rc, round.title)]}
      description={title}
      rest={null}
      noindex
      trail={[
        { href: inLang(rc.lang, roundPath), label: plain(rc, round.title) },
        { href: `${inLang(rc.lang, roundPath)}sent`, label: title },
      ]}
    >
      <h1 safe>{title}</h1>
      <p safe>{message}</p>
      <p>
        <a href={inLang(rc.lang, roundPath)} safe>
          {rc.t('consultation.form.back')}
        </a>
      </p>
    </ConsultationFrame>
  );
}
