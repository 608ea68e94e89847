/**
 * Seeds the consultation rounds recorded in content/consultation/*.json: past rounds of a region's
 * programme (e.g. Kymenlaakso's public display of the draft in September 2021), on the version
 * whose text the database holds. A recorded round is closed; it holds no comments (none were
 * published). Written without audit events, like the other seeds.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { DEFAULT_REJECT_REASONS, helsinkiToInstant } from '#src/domain/consultation/round.ts';
import { invalidFile } from '#src/domain/errors.ts';
import type { Db } from '#src/storage/database.ts';
import { inTransaction } from '#src/storage/executor.ts';
import { insertRound } from '#src/storage/repositories/consultation-repository.ts';
import { findProgrammeRow } from '#src/storage/repositories/programmes-repository.ts';
import { listVersions } from '#src/storage/repositories/versions-repository.ts';
import { loadTree } from '#src/storage/repositories/nodes-repository.ts';
import { problemsOf } from '#src/lib/zod-messages.ts';
import { contentChanged } from '../freshness.ts';

const localized = z.object({ fi: z.string().min(1), sv: z.string().optional(), en: z.string().optional() });
const localTime = z
  .string()
  .refine((s) => helsinkiToInstant(s) !== null, { error: 'must be a Finnish time YYYY-MM-DDTHH:MM' });

const roundsFile = z.object({
  source: z.string().min(1),
  rounds: z.array(
    z.object({
      region: z.string().regex(/^\d{2}$/),
      programme: z.string().min(1),
      version: z.number().int().positive(),
      slug: z.string().regex(/^[a-z0-9-]{1,40}$/),
      title: localized,
      intro: localized,
      opens: localTime,
      closes: localTime,
    }),
  ),
});

/** Stores the rounds of every file in `contentDir/consultation`; answers how many. */
export async function seedConsultationRounds(db: Db, contentDir: string, now: Date): Promise<number> {
  const dir = join(contentDir, 'consultation');
  let files: string[];
  try {
    files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
  let count = 0;
  for (const f of files) {
    const path = join(dir, f);
    const parsed = roundsFile.safeParse(JSON.parse(await readFile(path, 'utf8')));
    if (!parsed.success)
      throw invalidFile(
        path,
        problemsOf(parsed.error).map((p) => `${p.field}: ${p.message}`),
      );
    await inTransaction(db.kysely, async (trx) => {
      for (const [i, r] of parsed.data.rounds.entries()) {
        const programme = await findProgrammeRow(trx, r.region, r.programme);
        const version = programme && (await listVersions(trx, programme.id)).find((v) => v.number === r.version);
        if (!programme || !version)
          throw invalidFile(path, [
            `rounds[${i}]: programme ${r.region}-${r.programme} version ${r.version} is not in the database`,
          ]);
        await insertRound(
          trx,
          {
            regionCode: r.region,
            programmeId: programme.id,
            versionId: version.id,
            slug: r.slug,
            title: r.title,
            intro: r.intro,
            opensAt: helsinkiToInstant(r.opens)!,
            closesAt: helsinkiToInstant(r.closes)!,
            questions: [],
            documents: [],
            rejectReasons: [...DEFAULT_REJECT_REASONS],
            preModeration: 'all',
            retentionUntil: null,
          },
          now.toISOString(),
          await loadTree(trx, version.id, programme.levels),
        );
        await contentChanged(trx, r.region, ['consultation']);
        count++;
      }
    });
  }
  return count;
}
