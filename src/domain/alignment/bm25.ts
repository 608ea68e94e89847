/**
 * Okapi BM25 over documents of normalised stems: an index built once, scoring a query's stems
 * against every document (k1 1.2, b 0.75; idf ln(1 + (N − n + 0.5) / (n + 0.5)), never negative).
 */

export const BM25_K1 = 1.2;
export const BM25_B = 0.75;

export interface Bm25Index {
  /** Term frequencies per document. */
  readonly docs: readonly ReadonlyMap<string, number>[];
  readonly lengths: readonly number[];
  readonly averageLength: number;
  /** Documents containing each stem. */
  readonly documentFrequency: ReadonlyMap<string, number>;
}

export function buildBm25Index(documents: readonly (readonly string[])[]): Bm25Index {
  const docs = documents.map((stems) => {
    const tf = new Map<string, number>();
    for (const s of stems) tf.set(s, (tf.get(s) ?? 0) + 1);
    return tf;
  });
  const documentFrequency = new Map<string, number>();
  for (const tf of docs) for (const s of tf.keys()) documentFrequency.set(s, (documentFrequency.get(s) ?? 0) + 1);
  const lengths = documents.map((d) => d.length);
  const total = lengths.reduce((a, b) => a + b, 0);
  return { docs, lengths, averageLength: documents.length === 0 ? 0 : total / documents.length, documentFrequency };
}

export function idf(index: Bm25Index, stem: string): number {
  const n = index.documentFrequency.get(stem) ?? 0;
  const N = index.docs.length;
  return Math.log(1 + (N - n + 0.5) / (n + 0.5));
}

/** The BM25 weight of `stem` in document `i` (0 when absent). */
function termScore(index: Bm25Index, i: number, stem: string): number {
  const f = index.docs[i]!.get(stem);
  if (f === undefined) return 0;
  const norm = 1 - BM25_B + (BM25_B * index.lengths[i]!) / index.averageLength;
  return (idf(index, stem) * f * (BM25_K1 + 1)) / (f + BM25_K1 * norm);
}

/**
 * The BM25 score of each document for a query. Each query term is a group of alternative indexed
 * stems (a word's own stem and the stems its prefixes reach); a term adds the best of its
 * alternatives in the document, and a term repeated in the query counts once per occurrence.
 * `matched` holds the indices of the query terms the document contains.
 */
export function scoreBm25(
  index: Bm25Index,
  query: readonly (readonly string[])[],
): { score: number; matched: Set<number> }[] {
  const out = index.docs.map(() => ({ score: 0, matched: new Set<number>() }));
  if (index.averageLength === 0) return out;
  query.forEach((alternatives, q) => {
    const known = alternatives.filter((s) => index.documentFrequency.has(s));
    if (known.length === 0) return;
    for (let i = 0; i < index.docs.length; i++) {
      let best = 0;
      for (const s of known) best = Math.max(best, termScore(index, i, s));
      if (best === 0) continue;
      out[i]!.score += best;
      out[i]!.matched.add(q);
    }
  });
  return out;
}
