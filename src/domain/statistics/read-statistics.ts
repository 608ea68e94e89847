/**
 * Reads a statistics file of any supported format into datasets: detects the format from the
 * content (not the file name, except that the name may tell the language), and refuses files that
 * are not statistics with the reason (a PxWeb query, a PxWebApi 2 config or table list…).
 *
 * Formats: JSON-stat 2.0 `dataset` and `collection` (embedded datasets are read; linked ones are
 * listed in `links`), JSON-stat 1.x bundles (`{name: dataset, …}`, Eurostat's old web service too),
 * the 1.x `{dataset: …}` wrapper and a bare 1.x dataset, PxWeb v1 table metadata and `json`
 * responses, PxWebApi 2 (JSON-stat 2.0; its metadata response is metadata-only), the PxWeb web UI's
 * CSV export. A JSON-stat `class:"dimension"` document is refused: it holds no values (a dataset
 * that uses the dimension does).
 *
 * Pure: the caller reads the file and decodes it to text.
 */
import { StatisticsFileError, type StatDataset } from './dataset.ts';
import { describe, fail, jsonPath, objectAt, stringAt, textAt } from './json-fields.ts';
import { readJsonStatDataset } from './jsonstat-dataset.ts';
import { isJsonObject, JsonSyntaxError, parseLosslessJson, type JsonObject } from './lossless-json.ts';
import { readPxWebJson, readPxWebMetadata } from './pxweb-json.ts';
import { looksLikePxWebCsv, readPxWebCsv } from './pxweb-ui-csv.ts';

export type StatisticsFormat =
  | 'jsonstat2-dataset'
  | 'jsonstat2-collection'
  | 'jsonstat1-bundle'
  | 'jsonstat1-dataset'
  | 'pxweb-v1-metadata'
  | 'pxweb-v1-json'
  | 'pxweb-ui-csv';

/** A dataset a collection links to without embedding it. */
export interface LinkedDataset {
  path: string;
  href: string | null;
  label: string | null;
}

export interface StatisticsDocument {
  kind: StatisticsFormat;
  /** Human name of the format, e.g. "JSON-stat 2.0 collection". */
  format: string;
  datasets: StatDataset[];
  /** Datasets a collection links to but does not embed. */
  links: LinkedDataset[];
  /** What a reader should know beyond the datasets ("the collection links 8 datasets, none embedded"). */
  note: string | null;
}

const FORMAT_NAMES: Record<StatisticsFormat, string> = {
  'jsonstat2-dataset': 'JSON-stat 2.0 dataset',
  'jsonstat2-collection': 'JSON-stat 2.0 collection',
  'jsonstat1-bundle': 'JSON-stat 1.x bundle',
  'jsonstat1-dataset': 'JSON-stat 1.x dataset',
  'pxweb-v1-metadata': 'PxWeb v1 table metadata',
  'pxweb-v1-json': 'PxWeb v1 JSON response',
  'pxweb-ui-csv': 'PxWeb web UI CSV export',
};

/** `fi`, `sv` or `en` when the file name ends so (`…-fi.json`, `…_sv.csv`), else null. */
export function languageFromFileName(fileName: string): string | null {
  return /[-_.](fi|sv|en)\.[a-z0-9]+$/i.exec(fileName)?.[1]?.toLowerCase() ?? null;
}

/** Why a JSON object that is not statistics was refused, or null when it may be statistics. */
function notStatistics(doc: JsonObject): string | null {
  if (Array.isArray(doc.get('query')) && doc.has('response'))
    return 'a PxWeb query, not a response: it holds no statistics (run it against the API and inspect the answer)';
  if (doc.has('queryObj')) return 'a saved PxWeb query, not a response: it holds no statistics';
  if (doc.has('maxDataCells') || (doc.has('apiVersion') && doc.has('dataFormats')))
    return 'not a statistics file: looks like a PxWebApi 2 config response (API limits and formats)';
  if (Array.isArray(doc.get('tables')) && doc.has('page'))
    return 'not a statistics file: looks like a PxWebApi 2 table list';
  if (Array.isArray(doc.get('values')) && doc.has('type') && !doc.has('dimension'))
    return 'not a statistics file: looks like a PxWebApi 2 codelist (value set or aggregation)';
  if (doc.has('apis')) return 'not a statistics file: looks like a catalogue of PxWeb APIs';
  return null;
}

const isDatasetLike = (o: JsonObject | null): boolean => o !== null && isJsonObject(o.get('dimension'));

function readCollection(doc: JsonObject, file: string, fileLanguage: string | null): StatisticsDocument {
  const items = objectAt(doc.get('link'))?.get('item');
  if (!Array.isArray(items))
    fail(file, '$.link.item', `a collection lists its items in link.item, found ${describe(items)}`);
  const datasets: StatDataset[] = [];
  const links: LinkedDataset[] = [];
  items.forEach((raw, i) => {
    const path = jsonPath('$', 'link', 'item', i);
    const item = objectAt(raw);
    if (!item) fail(file, path, `a collection item must be an object, found ${describe(raw)}`);
    const cls = stringAt(item.get('class'));
    if (cls !== 'dataset') return; // nested collections and dimensions are not statistics of their own
    if (isDatasetLike(item)) datasets.push(readJsonStatDataset(item, { file, path, fileLanguage }));
    else links.push({ path, href: textAt(item.get('href')), label: textAt(item.get('label')) });
  });
  const note =
    links.length === 0
      ? null
      : datasets.length === 0
        ? `the collection links ${links.length} dataset(s), none embedded: fetch them and inspect each`
        : `the collection also links ${links.length} dataset(s) it does not embed`;
  return { kind: 'jsonstat2-collection', format: FORMAT_NAMES['jsonstat2-collection'], datasets, links, note };
}

function document(kind: StatisticsFormat, datasets: StatDataset[], note: string | null = null): StatisticsDocument {
  const metadata = datasets.filter((d) => d.metadataOnly).length;
  const metaNote =
    metadata > 0 && kind !== 'pxweb-v1-metadata'
      ? `${metadata === datasets.length ? 'a' : `${metadata} of the datasets are`} metadata-only response: dimensions but no values`
      : kind === 'pxweb-v1-metadata'
        ? 'table metadata: dimensions but no values'
        : null;
  return { kind, format: FORMAT_NAMES[kind], datasets, links: [], note: note ?? metaNote };
}

function readJson(text: string, file: string, fileLanguage: string | null): StatisticsDocument {
  let root;
  try {
    root = parseLosslessJson(text);
  } catch (error) {
    if (error instanceof JsonSyntaxError)
      fail(file, error.path, `malformed JSON at line ${error.line}, column ${error.column}: ${error.reason}`);
    throw error;
  }
  const doc = objectAt(root);
  if (!doc) fail(file, '$', `not a statistics file: the JSON is ${describe(root)}, not an object`);
  const refusal = notStatistics(doc);
  if (refusal) fail(file, '$', refusal);
  const ctx = (path: string) => ({ file, path, fileLanguage });

  const cls = doc.get('class');
  if (cls !== undefined) {
    if (cls === 'dataset') return document('jsonstat2-dataset', [readJsonStatDataset(doc, ctx('$'))]);
    if (cls === 'collection') return readCollection(doc, file, fileLanguage);
    if (cls === 'dimension')
      fail(
        file,
        '$.class',
        'a JSON-stat dimension document holds categories but no values; inspect a dataset that uses it',
      );
    fail(file, '$.class', `unknown JSON-stat class ${describe(cls)} (expected "dataset" or "collection")`);
  }
  const wrapped = objectAt(doc.get('dataset'));
  if (wrapped && isDatasetLike(wrapped))
    return document('jsonstat1-dataset', [readJsonStatDataset(wrapped, ctx('$.dataset'))]);
  if (Array.isArray(doc.get('variables')))
    return document('pxweb-v1-metadata', [readPxWebMetadata(doc, { file, fileLanguage })]);
  if (Array.isArray(doc.get('columns')) && doc.has('data'))
    return document('pxweb-v1-json', [readPxWebJson(doc, { file, fileLanguage })]);
  if (isDatasetLike(doc)) return document('jsonstat1-dataset', [readJsonStatDataset(doc, ctx('$'))]);
  const members = [...doc.entries()];
  if (members.length > 0 && members.every(([, v]) => isDatasetLike(objectAt(v)))) {
    return document(
      'jsonstat1-bundle',
      members.map(([name, v]) => readJsonStatDataset(v as JsonObject, ctx(jsonPath('$', name)))),
    );
  }
  const bad = members.find(([, v]) => isJsonObject(v) && !isDatasetLike(v));
  if (bad && members.some(([, v]) => isDatasetLike(objectAt(v))))
    fail(
      file,
      jsonPath('$', bad[0], 'dimension'),
      'a member of the JSON-stat bundle is not a dataset: it has no dimensions',
    );
  return fail(
    file,
    '$',
    'not a statistics file: no JSON-stat class, dataset or dimension, nor PxWeb columns or variables',
  );
}

/** Reads `text` (the decoded file) into a document; `fileName` names it in errors. Throws StatisticsFileError. */
export function readStatisticsDocument(text: string, fileName: string): StatisticsDocument {
  const body = text.replace(/^\uFEFF/, '');
  const fileLanguage = languageFromFileName(fileName);
  const first = /\S/.exec(body)?.[0];
  if (first === '{' || first === '[') return readJson(body, fileName, fileLanguage);
  if (looksLikePxWebCsv(body.trimStart()))
    return document('pxweb-ui-csv', [readPxWebCsv(body.trimStart(), fileName, fileLanguage)]);
  if (first === undefined) throw new StatisticsFileError(fileName, '$', 'the file is empty');
  throw new StatisticsFileError(
    fileName,
    'line 1',
    'not a statistics file: neither JSON nor a PxWeb web UI CSV export (a quoted title line, an empty line, a header)',
  );
}

/** Every dataset in `text` (see readStatisticsDocument); a collection that only links gives none. */
export function readStatisticsFile(text: string, fileName: string): StatDataset[] {
  return readStatisticsDocument(text, fileName).datasets;
}
