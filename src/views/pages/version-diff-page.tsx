/** @jsxRuntime automatic @jsxImportSource @kitajs/html */
/**
 * The differences between two versions of a programme: a summary of counts, the changed vision
 * and summary, and each changed item with its word-level changes. Insertions and deletions are
 * `<ins>`/`<del>` with a spoken label ("lisätty:", "poistettu:") and underline or strike-through,
 * so their meaning never rests on colour alone.
 */
import Html from '@kitajs/html';
import type {
  ProgrammeSummary,
  Region,
  TermRef,
  TreeNode,
  VersionContent,
  VersionSummary,
} from '#src/domain/read-models.ts';
import { findByKey } from '#src/domain/tree.ts';
import { isEmptyDiff, type NodeChange, type TextChange, type VersionDiff } from '#src/domain/version-diff.ts';
import { formatNumber } from '#src/i18n/format.ts';
import type { MessageKey } from '#src/i18n/index.ts';
import { CompareForm } from '../compare-form.tsx';
import { Breadcrumbs, Text } from '../components.tsx';
import { Frame } from '../layout.tsx';
import { plain, shownRequired, type RenderContext } from '../render-context.ts';
import { programmeCrumbs, regionMenu } from '../site-nav.ts';
import { inLang, paths, type ProgrammeBase } from '../urls.ts';
import { statusText, versionName } from '../version-info.tsx';
import { hasPage } from './node-page.tsx';

export interface VersionDiffPageProps {
  rc: RenderContext;
  region: Region;
  hasContact: boolean;
  programme: ProgrammeSummary;
  versions: VersionSummary[];
  from: VersionContent;
  to: VersionContent;
  diff: VersionDiff;
}

/** The words of one text change, as `<ins>`/`<del>` with labels for screen readers. */
function DiffText(props: { rc: RenderContext; change: TextChange }): JSX.Element {
  const { rc, change } = props;
  const { t } = rc;
  // The labels are in the page's language even when the text is in another.
  const labelLang = change.lang === rc.lang ? undefined : rc.lang;
  return (
    <div class="diff-text" lang={labelLang ? change.lang : undefined}>
      {change.segments.map((s) => {
        const safeText = Html.escapeHtml(s.text);
        if (s.type === 'equal') return safeText;
        const label = t(s.type === 'insert' ? 'diff.ins' : 'diff.del');
        const safeLabel = (
          <span class="visually-hidden" lang={labelLang} safe>
            {`${label} `}
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
  );
}

/** A heading "Field, language", the changed words, and how many words were inserted and deleted. */
function TextChangeBlock(props: { rc: RenderContext; change: TextChange; headingTag: 'h3' | 'h4' }): JSX.Element {
  const { rc, change } = props;
  const { t } = rc;
  const heading = t('diff.fieldInLang', {
    field: t(`diff.field.${change.field}`),
    lang: t(`diff.lang.${change.lang}`),
  });
  return (
    <div class="diff-change">
      {Html.createElement(props.headingTag, {}, Html.escapeHtml(heading))}
      <DiffText rc={rc} change={change} />
      <p class="hint" safe>
        {t('diff.words', { ins: change.wordsInserted, del: change.wordsDeleted })}
      </p>
    </div>
  );
}

/** "Taxonomy: term" as the programme names them, else the raw `taxonomy/term`. */
function termLabel(rc: RenderContext, content: VersionContent, ref: TermRef): string {
  const taxonomy = content.taxonomies.find((x) => x.key === ref.taxonomy);
  const term = taxonomy?.terms.find((x) => x.key === ref.term);
  return taxonomy && term ? `${plain(rc, taxonomy.name)}: ${plain(rc, term.title)}` : `${ref.taxonomy}/${ref.term}`;
}

const baseFor = (region: Region, programme: ProgrammeSummary, version: number): ProgrammeBase => ({
  region: region.slug,
  programme: programme.slug,
  version: version === programme.currentVersion ? null : version,
});

function NodeChangeBlock(props: VersionDiffPageProps & { change: NodeChange }): JSX.Element {
  const { rc, region, programme, change } = props;
  const { t, lang } = rc;
  // Added and changed items are shown as they are in version B, removed ones as they were in A.
  const content = change.after ? props.to : props.from;
  const place = (change.after ?? change.before)!;
  const node = findByKey(content.nodes, change.key);
  const parentTitle = (v: VersionContent, key: string | null): string =>
    key === null ? t('diff.topLevel') : shownRequired(rc, findByKey(v.nodes, key)?.title).text;
  const linkNode: TreeNode | null =
    node && hasPage(node) ? node : place.parentKey ? findByKey(content.nodes, place.parentKey) : null;
  const base = baseFor(region, programme, content.version.number);
  const badges: MessageKey[] = [];
  if (change.kind === 'added') badges.push('diff.badge.added');
  if (change.kind === 'removed') badges.push('diff.badge.removed');
  if (change.moved) badges.push('diff.badge.moved');
  if (change.retitled) badges.push('diff.badge.retitled');
  return (
    <article class={`diff-node diff-node-${change.kind}`} aria-labelledby={`diff-node-${change.key}`}>
      <Text rc={rc} text={programme.levels[place.depth - 1]?.name} tag="p" class="eyebrow" />
      <Text rc={rc} text={place.title} tag="h3" id={`diff-node-${change.key}`} />
      {badges.length > 0 ? (
        <p>
          {badges.map((b) => (
            <span class={`status diff-badge diff-${b.slice('diff.badge.'.length)}`} safe>
              {t(b)}
            </span>
          ))}
        </p>
      ) : (
        ''
      )}
      {change.moved === 'parent' ? (
        <p safe>
          {t('diff.movedParent', {
            from: parentTitle(props.from, change.before!.parentKey),
            to: parentTitle(props.to, change.after!.parentKey),
          })}
        </p>
      ) : change.moved === 'order' ? (
        <p safe>{t('diff.movedOrder', { from: change.before!.position, to: change.after!.position })}</p>
      ) : (
        ''
      )}
      {change.texts.map((c) => (
        <TextChangeBlock rc={rc} change={c} headingTag="h4" />
      ))}
      {change.termsAdded.length > 0 ? (
        <>
          <h4 safe>{t('diff.termsAdded')}</h4>
          <ul>
            {change.termsAdded.map((ref) => (
              <li>
                <ins>
                  <span class="visually-hidden" safe>{`${t('diff.ins')} `}</span>
                  <span safe>{termLabel(rc, props.to, ref)}</span>
                </ins>
              </li>
            ))}
          </ul>
        </>
      ) : (
        ''
      )}
      {change.termsRemoved.length > 0 ? (
        <>
          <h4 safe>{t('diff.termsRemoved')}</h4>
          <ul>
            {change.termsRemoved.map((ref) => (
              <li>
                <del>
                  <span class="visually-hidden" safe>{`${t('diff.del')} `}</span>
                  <span safe>{termLabel(rc, props.from, ref)}</span>
                </del>
              </li>
            ))}
          </ul>
        </>
      ) : (
        ''
      )}
      {linkNode ? (
        <p>
          <a href={inLang(lang, paths.node(base, linkNode.path))} safe>
            {t('diff.view', { n: content.version.number })}
          </a>
        </p>
      ) : (
        ''
      )}
    </article>
  );
}

/** "Version A: name [status]", the status flagged when the version is not approved. */
function VersionFact(props: { rc: RenderContext; label: string; version: VersionSummary }): JSX.Element {
  const { rc, version } = props;
  const unapproved = version.status === 'draft' || version.status === 'consultation';
  return (
    <>
      <dt safe>{props.label}</dt>
      <dd>
        <span safe>{`${versionName(rc, version)} `}</span>
        <span class={unapproved ? 'status status-warning' : 'status'} safe>
          {statusText(rc, version)}
        </span>
      </dd>
    </>
  );
}

const COUNTS = ['added', 'removed', 'moved', 'retitled', 'textChanged', 'termsChanged', 'versionTexts'] as const;

export function VersionDiffPage(props: VersionDiffPageProps): JSX.Element {
  const { rc, region, programme, from, to, diff } = props;
  const { t, lang } = rc;
  const programmeTitle = plain(rc, programme.title);
  const fromName = versionName(rc, from.version);
  const toName = versionName(rc, to.version);
  const rest = paths.compare(region.slug, programme.slug, from.version.number, to.version.number);
  const current = { region: region.slug, programme: programme.slug, version: null };
  const lead = t('diff.lead', { from: fromName, to: toName });
  const csvHref = `/api/v1/programmes/${encodeURIComponent(programme.id)}/diff.csv?from=${from.version.number}&to=${to.version.number}`;
  return (
    <Frame
      rc={rc}
      title={[`${fromName} → ${toName}`, t('diff.title'), programmeTitle]}
      description={t('diff.description', {
        programme: programmeTitle,
        from: from.version.number,
        to: to.version.number,
      })}
      rest={rest}
      menu={regionMenu(rc, region, { programme, hasContact: props.hasContact, place: null })}
    >
      <Breadcrumbs
        rc={rc}
        items={[
          ...programmeCrumbs(rc, region, programme, current),
          { href: inLang(lang, paths.versions(region.slug, programme.slug)), label: t('versions.title') },
          { href: inLang(lang, rest), label: t('diff.title') },
        ]}
      />
      <h1 safe>{t('diff.title')}</h1>
      <p class="lead" safe>
        {lead}
      </p>
      <dl class="facts diff-versions">
        <VersionFact rc={rc} label={t('diff.fromLabel')} version={from.version} />
        <VersionFact rc={rc} label={t('diff.toLabel')} version={to.version} />
      </dl>
      <CompareForm
        rc={rc}
        action={inLang(lang, paths.compareForm(region.slug, programme.slug))}
        versions={props.versions}
        from={from.version.number}
        to={to.version.number}
      />
      <section aria-labelledby="diff-summary-heading">
        <h2 id="diff-summary-heading" safe>
          {t('diff.summary')}
        </h2>
        {isEmptyDiff(diff) ? (
          <p class="diff-none" safe>
            {t('diff.none')}
          </p>
        ) : (
          <>
            <dl class="facts diff-counts">
              {COUNTS.map((k) => (
                <>
                  <dt safe>{t(`diff.count.${k}`)}</dt>
                  <dd safe>{formatNumber(diff.counts[k], lang)}</dd>
                </>
              ))}
            </dl>
            <p class="hint" safe>
              {t('diff.legend')}
            </p>
            <p>
              <a href={csvHref} safe>
                {t('diff.csv')}
              </a>
            </p>
          </>
        )}
      </section>
      {diff.versionTexts.length > 0 ? (
        <section aria-labelledby="diff-version-heading">
          <h2 id="diff-version-heading" safe>
            {t('diff.versionTexts')}
          </h2>
          {diff.versionTexts.map((c) => (
            <TextChangeBlock rc={rc} change={c} headingTag="h3" />
          ))}
        </section>
      ) : (
        ''
      )}
      {diff.nodes.length > 0 ? (
        <section aria-labelledby="diff-nodes-heading">
          <h2 id="diff-nodes-heading" safe>
            {t('diff.nodes')}
          </h2>
          {diff.nodes.map((change) => (
            <NodeChangeBlock {...props} change={change} />
          ))}
        </section>
      ) : (
        ''
      )}
    </Frame>
  );
}
