/** @jsxRuntime automatic @jsxImportSource @kitajs/html */
/**
 * The frame every public consultation page shares: the site layout with the region's menu and the
 * trail region → programme → consultation → (the page's own steps).
 */
import Html from '@kitajs/html';
import type { ProgrammeSummary, Region } from '#src/domain/read-models.ts';
import { Breadcrumbs, type Crumb } from '../components.tsx';
import { Frame } from '../layout.tsx';
import type { RenderContext } from '../render-context.ts';
import { programmeCrumbs, regionMenu } from '../site-nav.ts';
import { inLang, paths } from '../urls.ts';

export interface ConsultationFrameProps {
  rc: RenderContext;
  region: Region;
  programme: ProgrammeSummary;
  hasContact: boolean;
  title: string[];
  description: string;
  /** The page's path without the language prefix (null: a page not to be linked in other languages). */
  rest: string | null;
  trail: Crumb[];
  noindex?: boolean;
  scripts?: readonly string[];
  children?: Html.Children;
}

export function ConsultationFrame(props: ConsultationFrameProps): JSX.Element {
  const { rc, region, programme } = props;
  const base = { region: region.slug, programme: programme.slug, version: null };
  const safeContent = Html.contentsToString([props.children ?? '']);
  return (
    <Frame
      rc={rc}
      title={props.title}
      description={props.description}
      rest={props.rest}
      noindex={props.noindex ?? false}
      scripts={props.scripts ?? []}
      menu={regionMenu(rc, region, { programme, hasContact: props.hasContact, place: null })}
    >
      <Breadcrumbs
        rc={rc}
        items={[
          ...programmeCrumbs(rc, region, programme, base),
          {
            href: inLang(rc.lang, paths.consultations(region.slug, programme.slug)),
            label: rc.t('consultation.title'),
          },
          ...props.trail,
        ]}
      />
      {safeContent}
    </Frame>
  );
}
