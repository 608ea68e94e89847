/** JSON shapes of regions, their councils and municipalities. */
import { z } from 'zod';
import { localizedText, named } from './registry.ts';
import { programmeSummary } from './programmes.ts';

const regionFields = {
  code: z.string().describe('Statistics Finland region (maakunta) code, two digits, e.g. "08".'),
  slug: z.string().describe('URL name of the region, e.g. "kymenlaakso".'),
  name: localizedText,
  statfinCode: z.string().describe('Region code as used in Statistics Finland tables, e.g. "MK08".'),
};

export const region = named(
  'Region',
  'A region (maakunta), with the ids of its programmes.',
  z.object({
    ...regionFields,
    programmeIds: z.array(z.string()).describe('Ids of the programmes of the region, e.g. "08-2022-2025".'),
  }),
);
export type RegionJson = z.output<typeof region>;

export const regionList = named(
  'RegionList',
  'All regions of Finland (18 regions and Åland).',
  z.object({ regions: z.array(region) }),
);
export type RegionListJson = z.output<typeof regionList>;

export const office = named(
  'Office',
  'An office of the regional council.',
  z.object({
    key: z.string().describe('Stable key of the office.'),
    kind: z.enum(['main', 'branch']).describe('Main office or branch office.'),
    name: localizedText,
    postalAddress: z.string().nullable(),
    visitingAddress: z.string().nullable(),
    hours: localizedText.nullable().describe('Opening hours.'),
    phone: z.string().nullable(),
    email: z.string().nullable(),
  }),
);

export const contact = named(
  'Contact',
  'A contact person at the regional council.',
  z.object({
    name: z.string(),
    role: localizedText.describe('Job title.'),
    topic: localizedText.nullable().describe('What to contact this person about.'),
    email: z.string().nullable(),
    phone: z.string().nullable(),
  }),
);

export const council = named(
  'Council',
  'The regional council (maakunnan liitto) that prepares and approves the programme.',
  z.object({
    name: localizedText,
    businessId: z.string().nullable().describe('Finnish business id (Y-tunnus), e.g. "0206714-5".'),
    email: z.string().nullable(),
    web: z.string().nullable().describe('Web site address.'),
    offices: z.array(office),
    contacts: z.array(contact),
  }),
);

export const regionDetail = named(
  'RegionDetail',
  'A region with its council (offices and contacts) and its programmes.',
  z.object({
    ...regionFields,
    council: council.nullable().describe('The regional council; null when not recorded.'),
    programmes: z.array(programmeSummary),
  }),
);
export type RegionDetailJson = z.output<typeof regionDetail>;

export const municipality = named(
  'Municipality',
  'A municipality (kunta) of the official classification.',
  z.object({
    code: z.string().describe('Statistics Finland municipality code, three digits, e.g. "624".'),
    regionCode: z.string().describe('Code of the region the municipality belongs to.'),
    name: localizedText,
    languages: z
      .enum(['fi', 'sv', 'fi-sv', 'sv-fi'])
      .describe(
        'Official language(s): "fi" or "sv"; "fi-sv" bilingual with a Finnish majority, "sv-fi" with a Swedish majority.',
      ),
    bilingual: z.boolean().describe('True when the municipality is officially bilingual.'),
  }),
);
export type MunicipalityJson = z.output<typeof municipality>;

export const municipalityList = named(
  'MunicipalityList',
  'Municipalities, ordered by Finnish name.',
  z.object({ municipalities: z.array(municipality) }),
);
