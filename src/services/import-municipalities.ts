/**
 * Imports Statistics Finland's municipality classification (the geofi `municipality_key_YYYY`
 * table as CSV): validates every row first, then writes regions and municipalities in one
 * transaction. Also builds the compact facts file that the repo ships.
 */
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { parse } from 'csv-parse/sync';
import { AppError, invalidFile } from '#src/domain/errors.ts';
import type { MunicipalityFacts } from '#src/domain/municipality-facts.ts';
import type { Db } from '#src/storage/database.ts';
import { inTransaction } from '#src/storage/executor.ts';
import { storeMunicipalityFacts } from './seed.ts';

type Languages = MunicipalityFacts['municipalities'][number]['languages'];
type Names = { fi: string; sv: string; en: string };

/**
 * `kielisuhde_code` → language status, as named in the file's own `kielisuhde_name_en` column:
 * 0 "Monolingual Finnish-speaking municipality", 1 "Bilingual municipality with Finnish-speaking
 * majority", 2 "Monolingual Swedish-speaking municipality", 3 "Bilingual municipality with
 * Swedish-speaking majority".
 */
const LANGUAGE_CODES: Readonly<Record<string, Languages>> = { '0': 'fi', '1': 'fi-sv', '2': 'sv', '3': 'sv-fi' };

/**
 * English region names, used where the file's `maakunta_name_en` only repeats the Finnish name
 * (older geofi tables do so, e.g. 2013 gives "Varsinais-Suomi" and "Etelä-Savo"). Source: the
 * English names Statistics Finland uses in its 2025–2026 region classification (the same names
 * appear in the geofi 2026 table and in the domain notes' table "Finland's regions").
 */
const REGION_NAMES_EN: Readonly<Record<string, string>> = {
  '01': 'Uusimaa',
  '02': 'Southwest Finland',
  '04': 'Satakunta',
  '05': 'Kanta-Häme',
  '06': 'Pirkanmaa',
  '07': 'Päijät-Häme',
  '08': 'Kymenlaakso',
  '09': 'South Karelia',
  '10': 'South Savo',
  '11': 'North Savo',
  '12': 'North Karelia',
  '13': 'Central Finland',
  '14': 'South Ostrobothnia',
  '15': 'Ostrobothnia',
  '16': 'Central Ostrobothnia',
  '17': 'North Ostrobothnia',
  '18': 'Kainuu',
  '19': 'Lapland',
  '21': 'Åland',
};

/** Columns the import needs; the municipality code may come from `kunta` or `municipality_code`. */
const CODE_COLUMNS = ['kunta', 'municipality_code'] as const;
const REQUIRED_COLUMNS = [
  'municipality_name_fi',
  'municipality_name_sv',
  'municipality_name_en',
  'kielisuhde_code',
  'maakunta_code',
  'maakunta_name_fi',
  'maakunta_name_sv',
  'maakunta_name_en',
  'year',
] as const;

/** Parses a code written as `20`, `020`, `KU020` (or `MK08` for regions) into a zero-padded string. */
function parseCode(raw: string, prefix: string, digits: number): string | null {
  const m = new RegExp(`^(?:${prefix})?(\\d{1,${digits}})$`, 'i').exec(raw);
  if (!m?.[1]) return null;
  const n = Number(m[1]);
  if (n === 0) return null;
  return String(n).padStart(digits, '0');
}

/**
 * Older tables write some names bilingually, "Ahvenanmaa - Åland" or "Maarianhamina - Mariehamn".
 * Returns the Finnish and Swedish halves when `name` has that form (its halves match `fi` or `sv`).
 */
function splitBilingual(name: string, fi: string, sv: string): { fi: string; sv: string } | null {
  const parts = name.split(' - ');
  if (parts.length !== 2) return null;
  const [a, b] = parts.map((p) => p.trim()) as [string, string];
  if (b === sv || a === fi) return { fi: a, sv: b };
  return null;
}

function cleanNames(raw: Names, majoritySwedish: boolean): Names {
  const fiSplit = splitBilingual(raw.fi, raw.fi, raw.sv);
  const fi = fiSplit && fiSplit.sv === raw.sv ? fiSplit.fi : raw.fi;
  const enSplit = splitBilingual(raw.en, fi, raw.sv);
  const en = enSplit && enSplit.fi === fi && enSplit.sv === raw.sv ? (majoritySwedish ? raw.sv : fi) : raw.en;
  return { fi, sv: raw.sv, en };
}

function sameNames(a: Names, b: Names): boolean {
  return a.fi === b.fi && a.sv === b.sv && a.en === b.en;
}

/**
 * Validates the classification CSV `text` completely; returns the facts or throws an
 * `invalid_file` AppError listing every problem (line, column and reason).
 */
export function parseMunicipalityClassification(text: string, fileName: string, command?: string): MunicipalityFacts {
  let records: string[][];
  let lines: number[];
  try {
    const parsed = parse(text, {
      bom: true,
      skip_empty_lines: true,
      relax_column_count: false,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    records = parsed.map((p) => p.record);
    lines = parsed.map((p) => p.info.lines);
  } catch (error) {
    throw invalidFile(fileName, [`not valid CSV: ${(error as Error).message}`]);
  }
  const header = (records[0] ?? []).map((h) => h.trim());
  if (header.length === 0) throw invalidFile(fileName, ['the file is empty (no header row)']);

  const index = new Map<string, number>();
  header.forEach((h, i) => {
    if (!index.has(h)) index.set(h, i);
  });
  const missing: string[] = [];
  if (!CODE_COLUMNS.some((c) => index.has(c))) missing.push(`missing column "kunta" (or "municipality_code")`);
  for (const c of REQUIRED_COLUMNS) if (!index.has(c)) missing.push(`missing column "${c}"`);
  if (missing.length > 0) throw invalidFile(fileName, missing);
  if (records.length < 2) throw invalidFile(fileName, ['the file has a header but no municipality rows']);

  const problems: string[] = [];
  const regions = new Map<string, { names: Names; line: number }>();
  // Subregions (seutukunnat) when the file has them: `seutukunta_code` with its three name columns.
  const hasSubregions = index.has('seutukunta_code');
  const subregionColumns = { fi: 'seutukunta_name_fi', sv: 'seutukunta_name_sv', en: 'seutukunta_name_en' } as const;
  if (hasSubregions) {
    const absent = Object.values(subregionColumns).filter((c) => !index.has(c));
    if (absent.length > 0)
      throw invalidFile(
        fileName,
        absent.map((c) => `missing column "${c}" (the file has seutukunta_code)`),
      );
  }
  const subregions = new Map<string, { region: string; names: Names; line: number }>();
  const municipalities = new Map<string, { m: MunicipalityFacts['municipalities'][number]; line: number }>();
  const years = new Map<number, number>();

  for (let r = 1; r < records.length; r++) {
    const record = records[r] ?? [];
    const line = lines[r] ?? r + 1;
    const get = (column: string): string => {
      const i = index.get(column);
      return i === undefined ? '' : (record[i] ?? '').trim();
    };
    const rowProblems: string[] = [];
    const problem = (column: string, reason: string): void => {
      rowProblems.push(`line ${line}, column ${column}: ${reason}`);
    };

    // Municipality code: `kunta`, else `municipality_code`; when both exist they must agree.
    const codeColumn = index.has('kunta') ? 'kunta' : 'municipality_code';
    const rawCode = get(codeColumn);
    const code = parseCode(rawCode, 'KU', 3);
    if (rawCode === '') problem(codeColumn, 'is empty');
    else if (code === null)
      problem(codeColumn, `"${rawCode}" is not a municipality code (1–3 digits, e.g. 20, 020 or KU020)`);
    if (code !== null && codeColumn === 'kunta' && index.has('municipality_code')) {
      const other = get('municipality_code');
      if (other !== '' && parseCode(other, 'KU', 3) !== code)
        problem('municipality_code', `"${other}" does not match kunta "${rawCode}"`);
    }

    const rawRegion = get('maakunta_code');
    const region = parseCode(rawRegion, 'MK', 2);
    if (rawRegion === '') problem('maakunta_code', 'is empty');
    else if (region === null)
      problem('maakunta_code', `"${rawRegion}" is not a region code (1–2 digits, e.g. 8, 08 or MK08)`);

    const rawLang = get('kielisuhde_code');
    const languages = LANGUAGE_CODES[rawLang];
    if (rawLang === '') problem('kielisuhde_code', 'is empty');
    else if (!languages) problem('kielisuhde_code', `"${rawLang}" is not a known language status (0, 1, 2 or 3)`);

    const rawYear = get('year');
    const year = /^\d{4}$/.test(rawYear) ? Number(rawYear) : null;
    if (year === null) problem('year', rawYear === '' ? 'is empty' : `"${rawYear}" is not a year`);
    else if (!years.has(year)) years.set(year, line);

    const nameColumns = { fi: 'municipality_name_fi', sv: 'municipality_name_sv', en: 'municipality_name_en' } as const;
    const regionColumns = { fi: 'maakunta_name_fi', sv: 'maakunta_name_sv', en: 'maakunta_name_en' } as const;
    for (const column of [...Object.values(nameColumns), ...Object.values(regionColumns)]) {
      if (get(column) === '') problem(column, 'is empty');
    }

    let subregion: string | null = null;
    if (hasSubregions) {
      const rawSub = get('seutukunta_code');
      subregion = parseCode(rawSub, 'SK', 3);
      if (rawSub === '') problem('seutukunta_code', 'is empty');
      else if (subregion === null)
        problem('seutukunta_code', `"${rawSub}" is not a subregion code (1–3 digits, e.g. 81, 081 or SK081)`);
      for (const column of Object.values(subregionColumns)) if (get(column) === '') problem(column, 'is empty');
    }

    problems.push(...rowProblems);
    if (rowProblems.length > 0 || code === null || region === null || !languages) continue;

    if (subregion !== null) {
      const names = cleanNames(
        { fi: get(subregionColumns.fi), sv: get(subregionColumns.sv), en: get(subregionColumns.en) },
        false,
      );
      const known = subregions.get(subregion);
      if (!known) subregions.set(subregion, { region, names, line });
      else if (known.region !== region)
        problems.push(
          `line ${line}, column seutukunta_code: subregion ${subregion} lies in region ${region} here but in ${known.region} on line ${known.line}`,
        );
      else if (!sameNames(known.names, names))
        problems.push(
          `line ${line}, column seutukunta_name_fi: subregion ${subregion} is named "${names.fi} / ${names.sv} / ${names.en}" ` +
            `but "${known.names.fi} / ${known.names.sv} / ${known.names.en}" on line ${known.line}`,
        );
    }

    const names = cleanNames(
      { fi: get(nameColumns.fi), sv: get(nameColumns.sv), en: get(nameColumns.en) },
      languages.startsWith('sv'),
    );
    const seen = municipalities.get(code);
    if (seen) {
      problems.push(
        `line ${line}, column ${codeColumn}: municipality code ${code} appears twice (also on line ${seen.line})`,
      );
    } else {
      municipalities.set(code, {
        m: { code, region, name: names, languages, ...(subregion !== null ? { subregion } : {}) },
        line,
      });
    }

    const rawRegionNames = { fi: get(regionColumns.fi), sv: get(regionColumns.sv), en: get(regionColumns.en) };
    const regionNames = cleanNames(rawRegionNames, false);
    const override = REGION_NAMES_EN[region];
    if (override && regionNames.en === regionNames.fi) regionNames.en = override;
    const known = regions.get(region);
    if (!known) regions.set(region, { names: regionNames, line });
    else if (!sameNames(known.names, regionNames)) {
      problems.push(
        `line ${line}, column maakunta_name_fi: region ${region} is named "${regionNames.fi} ` +
          `/ ${regionNames.sv} / ${regionNames.en}" but "${known.names.fi} / ${known.names.sv} ` +
          `/ ${known.names.en}" on line ${known.line}`,
      );
    }
  }

  if (years.size > 1) {
    const [first, ...rest] = [...years.entries()];
    for (const [y, line] of rest)
      problems.push(
        `line ${line}, column year: ${y} differs from ${first?.[0]} on line ${first?.[1]} (a file must hold one year)`,
      );
  }
  if (problems.length > 0) throw invalidFile(fileName, problems);

  const year = [...years.keys()][0] ?? 0;
  const source =
    `Statistics Finland municipality classification (kuntaluokitus) with regions (maakunnat), via the geofi R package's municipality_key table ` +
    `(rOpenGov/geofi, file ${basename(fileName)}), year ${year}; made by \`${command ?? `suunta import municipalities ${basename(fileName)}`}\``;
  return {
    source,
    year,
    regions: [...regions.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([code, { names }]) => ({ code, name: names })),
    ...(hasSubregions
      ? {
          subregions: [...subregions.entries()]
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([code, s]) => ({ code, region: s.region, name: s.names })),
        }
      : {}),
    municipalities: [...municipalities.values()].map((v) => v.m).sort((a, b) => a.code.localeCompare(b.code)),
  };
}

/** Reads and validates a classification file from disk. */
export async function readMunicipalityClassification(path: string, command?: string): Promise<MunicipalityFacts> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new AppError(
      'invalid_file',
      `${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    );
  }
  return parseMunicipalityClassification(text, path, command);
}

/** Writes regions and municipalities in one transaction (replacing the municipality list). */
export function importMunicipalities(
  db: Db,
  facts: MunicipalityFacts,
): Promise<{ regions: number; added: number; updated: number; removed: number }> {
  return inTransaction(db.kysely, (trx) => storeMunicipalityFacts(trx, facts));
}

/** Writes the compact facts JSON (the format of content/facts/municipalities.json). */
export async function writeMunicipalityFacts(path: string, facts: MunicipalityFacts): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(facts, null, 2)}\n`, 'utf8');
}
