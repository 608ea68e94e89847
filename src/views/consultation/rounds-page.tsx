/** @jsxRuntime automatic @jsxImportSource @kitajs/html */
/** The consultation rounds of a programme, newest first, each with its times and phase. */
import { roundPhase, type Round } from '#src/domain/consultation/round.ts';
import type { ProgrammeSummary, Region } from '#src/domain/read-models.ts';
import { Text } from '../components.tsx';
import { plain, type RenderContext } from '../render-context.ts';
import { inLang, paths } from '../urls.ts';
import { ConsultationFrame } from './consultation-frame.tsx';
import { phaseText } from './round-page.tsx';

export function RoundsPage(props: {
  rc: RenderContext;
  region: Region;
  programme: ProgrammeSummary;
  hasContact: boolean;
  rounds: readonly Round[];
  now: Date;
}): JSX.Element {
  const { rc, region, programme } = props;
  return (
    <ConsultationFrame
      rc={rc}
      region={region}
      programme={programme}
      hasContact={props.hasContact}
      title={[rc.t('consultation.title'), plain(rc, programme.title)]}
      description={rc.t('consultation.list.description')}
      rest={paths.consultations(region.slug, programme.slug)}
      trail={[]}
    >
      <h1 safe>{rc.t('consultation.title')}</h1>
      {props.rounds.length === 0 ? (
        <p safe>{rc.t('consultation.list.none')}</p>
      ) : (
        <ul class="round-list">
          {props.rounds.map((round) => (
            <li>
              <a href={inLang(rc.lang, paths.consultation(region.slug, programme.slug, round.slug))}>
                <Text rc={rc} text={round.title} />
              </a>
              <br />
              <span safe>{phaseText(rc, roundPhase(round, props.now), round)}</span>
            </li>
          ))}
        </ul>
      )}
    </ConsultationFrame>
  );
}
