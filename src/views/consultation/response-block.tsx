/** @jsxRuntime automatic @jsxImportSource @kitajs/html */
/**
 * The council's published response to a comment (or a group of them), as the round page and the
 * feedback report show it: the decision, the response text, the reason, and a link to the change
 * in a later version that carries it out. Every text is escaped (MultilineText keeps line breaks).
 */
import type { PublicResponse } from '#src/services/consultation/public-view.ts';
import type { RenderContext } from '../render-context.ts';
import { shown } from '../render-context.ts';
import { inLang, paths } from '../urls.ts';
import { MultilineText } from './comment-list.tsx';

/** The region and programme (slugs) whose pages a change links to. */
export interface ProgrammeSlugs {
  region: string;
  programme: string;
}

/** Where the change of a response is on the site (its node in that version), or null. */
export function changeHref(rc: RenderContext, base: ProgrammeSlugs, change: PublicResponse['change']): string | null {
  if (!change?.path) return null;
  return inLang(rc.lang, paths.node({ ...base, version: change.version }, change.path));
}

export function ResponseBlock(props: {
  rc: RenderContext;
  response: PublicResponse;
  base: ProgrammeSlugs;
}): JSX.Element {
  const { rc, response: r } = props;
  const { t } = rc;
  const text = shown(rc, r.text);
  const reason = shown(rc, r.reason);
  const href = changeHref(rc, props.base, r.change);
  const title = r.change ? (shown(rc, r.change.title)?.text ?? r.change.nodeKey) : '';
  return (
    <div class={`council-response decision-${r.decision}`}>
      <p class="response-meta">
        <strong safe>{t('responses.response')}</strong>
        {' · '}
        <span safe>{t('responses.answers', { n: r.commentIds.length })}</span>
      </p>
      <p class="response-decision" safe>
        {t('responses.decision', { decision: t(`responses.decision.${r.decision}`) })}
      </p>
      {text ? (
        <div class="response-text" lang={text.lang}>
          <MultilineText text={text.text} />
        </div>
      ) : (
        ''
      )}
      {reason ? (
        <p class="response-reason" lang={reason.lang} safe>
          {t('responses.reason', { reason: reason.text })}
        </p>
      ) : (
        ''
      )}
      {r.change ? (
        <p class="response-change">
          {href ? (
            <a href={href} safe>
              {t('responses.change', { version: r.change.version, title })}
            </a>
          ) : (
            <span safe>{t('responses.change', { version: r.change.version, title })}</span>
          )}
        </p>
      ) : (
        ''
      )}
    </div>
  );
}
