/** Programmes as public JSON. */
import type { ProgrammeSummary, VersionSummary } from '#src/domain/read-models.ts';
import { presentText } from './present-text.ts';
import { presentVersionSummary } from './present-version.ts';
import type { ProgrammeJson, ProgrammeSummaryJson } from './schemas/programmes.ts';

export function presentProgrammeSummary(p: ProgrammeSummary): ProgrammeSummaryJson {
  return {
    id: p.id,
    regionCode: p.regionCode,
    slug: p.slug,
    kind: p.kind,
    title: presentText(p.title),
    period: { start: p.periodStart, end: p.periodEnd },
    currentVersion: p.currentVersion,
  };
}

export function presentProgramme(p: ProgrammeSummary, versions: readonly VersionSummary[]): ProgrammeJson {
  return {
    ...presentProgrammeSummary(p),
    levels: p.levels.map((l, i) => ({
      key: l.key,
      depth: i + 1,
      name: presentText(l.name),
      namePlural: presentText(l.namePlural),
    })),
    versions: versions.map((v) => presentVersionSummary(v, p.currentVersion)),
  };
}
