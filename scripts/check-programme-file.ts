/**
 * Validates programme files against the Suunta programme file format and prints a short summary.
 *
 *   npx tsx scripts/check-programme-file.ts content/programmes/kymenlaakso-2022-2025.yaml [...]
 *
 * Exits with 1 if any file has problems.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { parseProgrammeFile, type FileNode } from '../src/domain/programmes/programme-file.ts';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: npx tsx scripts/check-programme-file.ts FILE.yaml [FILE.yaml ...]');
  process.exit(2);
}

const countByDepth = (nodes: FileNode[], depth = 0, counts: number[] = []): number[] => {
  for (const node of nodes) {
    counts[depth] = (counts[depth] ?? 0) + 1;
    countByDepth(node.children, depth + 1, counts);
  }
  return counts;
};

let failed = false;
for (const path of files) {
  const result = parseProgrammeFile(parse(readFileSync(path, 'utf8')));
  if (!result.ok) {
    failed = true;
    console.log(`${path}: ${result.problems.length} problem(s)`);
    for (const problem of result.problems) console.log(`  ${problem}`);
    continue;
  }
  const levels = result.file.programme.levels;
  console.log(`${path}: OK`);
  for (const version of result.file.versions) {
    const counts = countByDepth(version.nodes);
    const summary = levels.map((level, i) => `${counts[i] ?? 0} ${level.plural}`).join(', ');
    console.log(`  version ${version.number} (${version.status}): ${summary}`);
  }
}
process.exit(failed ? 1 : 0);
