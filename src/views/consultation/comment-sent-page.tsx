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
}): JSX.Element {
  const { rc, region, programme, round } = props;
  const roundPath = paths.consultation(region.slug, programme.slug, round.slug);
  return (
    <ConsultationFrame
      rc={rc}
      region={region}
      programme={programme}
      hasContact={props.hasContact}
      title={[rc.t('consultation.sent.title'), plain(rc, round.title)]}
      description={rc.t('consultation.sent.title')}
      rest={null}
      noindex
      trail={[
        { href: inLang(rc.lang, roundPath), label: plain(rc, round.title) },
        { href: `${inLang(rc.lang, roundPath)}sent`, label: rc.t('consultation.sent.title') },
      ]}
    >
      <h1 safe>{rc.t('consultation.sent.title')}</h1>
      <p safe>{rc.t(`consultation.sent.${props.state}`)}</p>
      <p>
        <a href={inLang(rc.lang, roundPath)} safe>
          {rc.t('consultation.form.back')}
        </a>
      </p>
    </ConsultationFrame>
  );
}
