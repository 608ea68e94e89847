/**
 * Compares two versions of a programme: loads both through the programme reader (memoised per
 * content generation) and diffs them; a diff is kept as long as the reader keeps both versions.
 */
import { badRequest } from '#src/domain/errors.ts';
import type { VersionContent } from '#src/domain/read-models.ts';
import { diffVersions, type VersionDiff } from '#src/domain/version-diff.ts';
import type { ProgrammeReader } from './programmes/programme-reader.ts';

export interface Comparison {
  from: VersionContent;
  to: VersionContent;
  diff: VersionDiff;
}

/**
 * Diffs keyed by the two version objects: the reader hands out the same objects until the
 * content generation changes, so entries for an older generation become unreachable and vanish.
 */
const diffs = new WeakMap<VersionContent, WeakMap<VersionContent, VersionDiff>>();

function cachedDiff(from: VersionContent, to: VersionContent): VersionDiff {
  let byTarget = diffs.get(from);
  if (!byTarget) {
    byTarget = new WeakMap();
    diffs.set(from, byTarget);
  }
  let diff = byTarget.get(to);
  if (!diff) {
    diff = diffVersions(from, to);
    byTarget.set(to, diff);
  }
  return diff;
}

const checkNumber = (name: string, value: number): void => {
  if (!Number.isSafeInteger(value) || value < 1) throw badRequest(`${name} must be a version number (1, 2, …)`);
};

/**
 * The differences from version `from` to version `to` of the programme `regionCode`/`slug`
 * (`from` may equal `to`, or be the newer one). Unknown programmes and versions are not_found.
 */
export async function compareVersions(
  reader: ProgrammeReader,
  regionCode: string,
  slug: string,
  from: number,
  to: number,
): Promise<Comparison> {
  checkNumber('from', from);
  checkNumber('to', to);
  const [a, b] = await Promise.all([
    reader.versionContent(regionCode, slug, from),
    reader.versionContent(regionCode, slug, to),
  ]);
  return { from: a, to: b, diff: cachedDiff(a, b) };
}
