/**
 * The history of an indicator's targets for its public page: every target it has had (the one in
 * force last), with the decision that set each. Read per request of an uncached page only; the page
 * cache keys on the `indicators` generation, which every target change bumps.
 */
import type { StoredTarget } from '#src/domain/indicators/indicator.ts';
import type { Db } from '#src/storage/database.ts';
import { listTargetHistory } from '#src/storage/repositories/indicators-repository.ts';

export function targetHistory(db: Db, indicatorId: number): Promise<StoredTarget[]> {
  return listTargetHistory(db.kysely, indicatorId);
}
