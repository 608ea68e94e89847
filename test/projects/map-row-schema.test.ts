/**
 * Every project `mapRow` accepts obeys `projectSchema`: a property over rows of valid and broken
 * values in every column. The import relies on it and does not check its projects twice
 * (services/projects/import-projects.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { mappingSchema } from '#src/domain/projects/mapping.ts';
import { mapRow, type ProjectLookups } from '#src/domain/projects/map-row.ts';
import { projectSchema } from '#src/domain/projects/project.ts';

const LOOKUPS: ProjectLookups = {
  regionCode: '08',
  municipalityCodes: new Set(['075', '285', '286']),
  municipalityByName: new Map([
    ['hamina', '075'],
    ['kotka', '285'],
    ['kouvola', '286'],
  ]),
  programmes: new Map([
    [
      '2022-2025',
      {
        nodes: new Map<string, string | null>([
          ['innovatiivinen-kymenlaakso', 'theme'],
          ['uudistuva-elinkeinoelama', 'priority'],
        ]),
        terms: new Set(['spearheads/logistics']),
        levelKeys: new Set(['theme', 'priority']),
      },
    ],
  ]),
  programme: null,
};

const MAPPING = mappingSchema.parse({
  format: 'suunta.project-mapping/1',
  fields: {
    code: { column: 'code' },
    'name.fi': { column: 'name_fi', optional: true },
    'name.sv': { column: 'name_sv', optional: true },
    'summary.fi': { column: 'summary_fi', optional: true },
    'leadOrganisation.name': { column: 'lead', optional: true },
    'leadOrganisation.businessId': { column: 'business_id', optional: true },
    partners: { column: 'partners', optional: true },
    municipalities: { column: 'municipalities', optional: true },
    startDate: { column: 'start', optional: true },
    endDate: { column: 'end', optional: true },
    status: { column: 'status' },
    primaryNode: { column: 'primary', optional: true },
    nodes: { column: 'nodes', optional: true },
    terms: { column: 'terms', optional: true },
  },
  funding: [
    { fund: { column: 'fund' }, kind: 'granted', amount: { column: 'granted' }, year: { column: 'year' } },
    { fund: { column: 'fund' }, kind: 'paid', amount: { column: 'paid' }, year: { column: 'year' } },
  ],
});

/** Per column: values that are fine, and values with something wrong or unusual. */
const VALUES: Record<string, [fine: string[], odd: string[]]> = {
  code: [
    ['A70301', 'KY-1', 'a.b_c'],
    ['', ' ', 'KY 1', 'ä', 'x'.repeat(70), '-'],
  ],
  name_fi: [
    ['Hanke', '  Kylät  ', ''],
    [' ', '<b>x</b>', 'x'.repeat(600)],
  ],
  name_sv: [['Projekt', ''], ['\t']],
  summary_fi: [['Lyhyt kuvaus.', '', 'Rivi\nrivi'], []],
  lead: [['Kotkan kaupunki', '', 'Xamk (1572860-0)'], [' ']],
  business_id: [
    ['0206714-5', ''],
    ['1234567-1', 'abc'],
  ],
  partners: [
    ['', 'Kouvolan kaupunki\nXAMK (1572860-0)', 'A; B (0206714-5)'],
    [';', '(1234567-8)'],
  ],
  municipalities: [
    ['', 'Kotka', '285, 286', 'Kotka; kotka'],
    ['999', 'Tukholma', ','],
  ],
  start: [
    ['', '1.3.2023', '2023-03-01', '2026-01-01'],
    ['31.2.2020', '1.13.2024', 'eilen'],
  ],
  end: [['', '31.12.2025', '2025-12-31', '2020-01-01'], ['0.0.0']],
  status: [
    ['running', 'ended', 'planned', 'cancelled'],
    ['', 'unknown'],
  ],
  primary: [['', 'uudistuva-elinkeinoelama', 'innovatiivinen-kymenlaakso'], ['nope']],
  nodes: [['', 'uudistuva-elinkeinoelama', 'innovatiivinen-kymenlaakso uudistuva-elinkeinoelama'], ['nope']],
  terms: [
    ['', 'spearheads/logistics'],
    ['spearheads/nope', 'x'],
  ],
  fund: [['ERDF', 'ESF+', 'EAKR', ''], ['Nope']],
  granted: [
    ['', '1 234,50', '0', '12.5'],
    ['1.234,5,6', '-5', '99999999999999999'],
  ],
  paid: [
    ['', '100'],
    ['abc', '1e3'],
  ],
  year: [
    ['', '2023'],
    ['1800', '20x3'],
  ],
};

/** Mostly fine values, so that many rows are accepted, with an odd one now and then. */
const row = fc.record(
  Object.fromEntries(
    Object.entries(VALUES).map(([column, [fine, odd]]) => [
      column,
      odd.length === 0
        ? fc.constantFrom(...fine)
        : fc.oneof(
            { arbitrary: fc.constantFrom(...fine), weight: 12 },
            { arbitrary: fc.constantFrom(...odd), weight: 1 },
          ),
    ]),
  ),
);

test('a project mapRow accepts always obeys projectSchema', () => {
  let accepted = 0;
  fc.assert(
    fc.property(row, (r) => {
      const mapped = mapRow((c) => r[c], MAPPING, LOOKUPS);
      if (!mapped.project) return;
      accepted++;
      const check = projectSchema.safeParse(mapped.project);
      assert.ok(check.success, `${JSON.stringify(r)} → ${JSON.stringify(check.error?.issues)}`);
    }),
    { numRuns: 3000 },
  );
  assert.ok(accepted > 100, `enough rows are accepted to mean something (${accepted} of 3000)`);
});
