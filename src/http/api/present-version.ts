/** Versions of a programme as public JSON. */
import type { VersionContent, VersionSummary } from '#src/domain/read-models.ts';
import { flattenTree } from '#src/domain/tree.ts';
import { presentOptionalText, presentText } from './present-text.ts';
import type { VersionJson, VersionSummaryJson } from './schemas/programmes.ts';

export function presentVersionSummary(v: VersionSummary, currentVersion: number | null): VersionSummaryJson {
  return {
    number: v.number,
    status: v.status,
    current: v.number === currentVersion,
    label: presentOptionalText(v.label),
    decision: v.decision
      ? { body: presentText(v.decision.body), date: v.decision.date, reference: v.decision.reference }
      : null,
    changelog: presentOptionalText(v.changelog),
    updatedAt: v.updatedAt,
  };
}

export function presentVersion(content: VersionContent): VersionJson {
  return {
    programmeId: content.programme.id,
    ...presentVersionSummary(content.version, content.programme.currentVersion),
    vision: presentOptionalText(content.vision),
    summary: presentOptionalText(content.summary),
    nodeCount: flattenTree(content.nodes).length,
  };
}
