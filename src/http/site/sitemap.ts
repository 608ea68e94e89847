/** Lists every public page of the site (without language prefix) for sitemap.xml. */
import { flattenTree } from '#src/domain/tree.ts';
import type { AppContext } from '#src/services/app-context.ts';
import { hasPage } from '#src/views/pages/node-page.tsx';
import { paths } from '#src/views/urls.ts';
import type { RegionWithProgrammes } from '#src/services/programmes/programme-reader.ts';
import { monitoredProgramme } from './monitoring-pages.ts';
import { mainProgramme } from './pages.ts';

/** The monitoring pages of a region: its main programme's overview, each indicator and its comparison. */
async function monitoringPages(ctx: AppContext, region: RegionWithProgrammes): Promise<string[]> {
  const main = mainProgramme(region.programmes);
  if (!main) return [];
  const rests = [paths.monitoring(region.slug, main.slug)];
  const view = await ctx.monitoring.region(region.code);
  if (monitoredProgramme(view, region.programmes) !== main.slug) return rests;
  for (const item of view.indicators) {
    rests.push(paths.indicator(region.slug, main.slug, item.indicator.code));
    if (view.municipalities.length > 0)
      rests.push(paths.indicatorMunicipalities(region.slug, main.slug, item.indicator.code));
  }
  return rests;
}

export async function publicPages(ctx: AppContext): Promise<string[]> {
  const rests = [paths.home(), paths.accessibility()];
  for (const region of await ctx.reader.regions()) {
    rests.push(paths.region(region.slug));
    if (await ctx.reader.council(region.code)) rests.push(paths.contact(region.slug));
    for (const programme of region.programmes) {
      if (programme.currentVersion === null) continue;
      const base = { region: region.slug, programme: programme.slug, version: null };
      rests.push(paths.programme(base), paths.versions(region.slug, programme.slug));
      for (const v of await ctx.reader.versions(region.code, programme.slug)) {
        if (v.number !== programme.currentVersion) rests.push(paths.programme({ ...base, version: v.number }));
      }
      const content = await ctx.reader.versionContent(region.code, programme.slug);
      for (const node of flattenTree(content.nodes)) if (hasPage(node)) rests.push(paths.node(base, node.path));
      for (const tax of content.taxonomies)
        for (const term of tax.terms) rests.push(paths.term(base, tax.key, term.key));
    }
    rests.push(...(await monitoringPages(ctx, region)));
  }
  return rests;
}
