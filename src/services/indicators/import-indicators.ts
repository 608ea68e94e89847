/**
 * `suunta import indicators FILE` and the seed: reads a region's indicator definitions file,
 * checks it whole (format, the region, the programme, its node keys and taxonomy terms) and
 * writes it in one transaction with its audit event and the `indicators` generation bump.
 */
import { readFile } from 'node:fs/promises';
import { AppError, invalidFile } from '#src/domain/errors.ts';
import { issuesToProblems } from '#src/domain/file-problems.ts';
import { indicatorFileSchema, type IndicatorFile } from '#src/domain/indicators/definition-file.ts';
import type { Actor } from '#src/domain/roles.ts';
import type { Db } from '#src/storage/database.ts';
import { inTransaction, type Executor } from '#src/storage/executor.ts';
import { insertAuditEvent } from '#src/storage/repositories/audit-repository.ts';
import {
  writeIndicatorDefinitions,
  type DefinitionsWriteResult,
} from '#src/storage/repositories/indicators-repository.ts';
import { programmeNodeKeys } from '#src/storage/repositories/nodes-repository.ts';
import { findProgramme } from '#src/storage/repositories/programmes-repository.ts';
import { findRegion } from '#src/storage/repositories/regions-repository.ts';
import { listTerms } from '#src/storage/repositories/taxonomies-repository.ts';
import { contentChanged } from '../freshness.ts';
import { parseYamlOrJson } from '../import-files/read-structured-text.ts';

/** Validates the text of a definitions file (YAML or JSON); every problem names the file and the path. */
export function parseIndicatorText(text: string, fileName: string): IndicatorFile {
  const parsed = indicatorFileSchema.safeParse(parseYamlOrJson(text, fileName));
  if (!parsed.success) throw invalidFile(fileName, issuesToProblems(parsed.error.issues));
  return parsed.data;
}

export async function readIndicatorFile(path: string): Promise<IndicatorFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new AppError(
      'invalid_file',
      `${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    );
  }
  return parseIndicatorText(text, path);
}

/** Problems of the file's references to what Suunta holds (region, programme, nodes, terms). */
async function referenceProblems(db: Executor, file: IndicatorFile): Promise<string[]> {
  const problems: string[] = [];
  if (!(await findRegion(db, { code: file.region }))) {
    problems.push(`region: "${file.region}" is not a region Suunta holds`);
    return problems;
  }
  const linked = file.indicators.some((i) => i.nodes.length > 0 || i.terms.length > 0);
  if (!file.programme) {
    if (linked) problems.push('programme: is required when indicators link to nodes or terms');
    return problems;
  }
  const programme = await findProgramme(db, file.region, file.programme);
  if (!programme) {
    problems.push(`programme: "${file.programme}" is not a programme of region ${file.region}`);
    return problems;
  }
  const keys = await programmeNodeKeys(db, programme.dbId);
  const terms = new Set((await listTerms(db, programme.dbId)).map((t) => `${t.taxonomyKey}/${t.key}`));
  file.indicators.forEach((ind, i) => {
    ind.nodes.forEach((key, n) => {
      if (!keys.has(key))
        problems.push(`indicators[${i}].nodes[${n}]: "${key}" is not a node of programme ${file.programme}`);
    });
    ind.terms.forEach((t, n) => {
      if (!terms.has(`${t.taxonomy}/${t.term}`))
        problems.push(
          `indicators[${i}].terms[${n}]: "${t.taxonomy}/${t.term}" is not a term of programme ${file.programme}`,
        );
    });
  });
  return problems;
}

export interface IndicatorImportResult extends DefinitionsWriteResult {
  region: string;
  indicators: number;
}

/** Imports a validated definitions file: everything is checked before the first write. */
export async function importIndicators(
  db: Db,
  file: IndicatorFile,
  options: {
    fileName: string;
    actor: Actor;
    now?: () => Date;
    /** false for the first-start seed, which the log does not record (like the programme seed). */ audit?: boolean;
  },
): Promise<IndicatorImportResult> {
  const at = (options.now ?? (() => new Date()))().toISOString();
  return inTransaction(db.kysely, async (trx) => {
    const problems = await referenceProblems(trx, file);
    if (problems.length > 0) throw invalidFile(options.fileName, problems);
    const result = await writeIndicatorDefinitions(trx, file, {
      sourceFile: options.fileName,
      at,
      actor: options.actor.label,
    });
    // Settings and groups are rewritten every time, so the generation moves even when nothing differs.
    await contentChanged(trx, file.region, ['indicators']);
    const changes = result.added.length + result.changed.length + result.removed.length;
    if (changes > 0 && options.audit !== false) {
      await insertAuditEvent(trx, {
        actor: options.actor,
        regionCode: file.region,
        action: 'indicators.import',
        entityType: 'indicators',
        entityId: file.region,
        summary: `Imported indicator definitions ${options.fileName}: ${result.added.length} added, ${result.changed.length} changed, ${result.removed.length} removed`,
        after: { file: options.fileName, ...result },
      });
    }
    return { ...result, region: file.region, indicators: file.indicators.length };
  });
}
