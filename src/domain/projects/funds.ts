/**
 * The funds a project's money can come from, with names in three languages and the abbreviations
 * Finnish and EU sources use for them (EAKR = ERDF, ESR = ESF+, …).
 */
import type { LocalizedText } from '#src/domain/languages.ts';

export const FUND_CODES = [
  'ERDF',
  'ESF+',
  'JTF',
  'AKKE',
  'INTERREG',
  'HORIZON',
  'MUNICIPAL',
  'PRIVATE',
  'OTHER',
] as const;
export type FundCode = (typeof FUND_CODES)[number];

export interface Fund {
  code: FundCode;
  name: Required<Pick<LocalizedText, 'fi' | 'sv' | 'en'>>;
  /** Other ways sources write the fund (matched without regard to case). */
  aliases: readonly string[];
}

export const FUNDS: readonly Fund[] = [
  {
    code: 'ERDF',
    name: {
      fi: 'Euroopan aluekehitysrahasto (EAKR)',
      sv: 'Europeiska regionala utvecklingsfonden (ERUF)',
      en: 'European Regional Development Fund (ERDF)',
    },
    aliases: ['EAKR', 'ERUF', 'EFRE'],
  },
  {
    code: 'ESF+',
    name: {
      fi: 'Euroopan sosiaalirahasto plus (ESR+)',
      sv: 'Europeiska socialfonden+ (ESF+)',
      en: 'European Social Fund Plus (ESF+)',
    },
    aliases: ['ESR', 'ESR+', 'ESF', 'ESFPLUS'],
  },
  {
    code: 'JTF',
    name: {
      fi: 'Oikeudenmukaisen siirtymän rahasto (JTF)',
      sv: 'Fonden för en rättvis omställning (FRO)',
      en: 'Just Transition Fund (JTF)',
    },
    aliases: ['OSR', 'FRO'],
  },
  {
    code: 'AKKE',
    name: {
      fi: 'Alueiden kestävän kasvun ja elinvoiman tukeminen (AKKE)',
      sv: 'Nationella regionutvecklingsmedel (AKKE)',
      en: 'National regional development funding (AKKE)',
    },
    aliases: [],
  },
  { code: 'INTERREG', name: { fi: 'Interreg', sv: 'Interreg', en: 'Interreg' }, aliases: [] },
  {
    code: 'HORIZON',
    name: { fi: 'Horisontti Eurooppa', sv: 'Horisont Europa', en: 'Horizon Europe' },
    aliases: ['HORIZON EUROPE', 'HORISONTTI EUROOPPA', 'HORISONTTI'],
  },
  {
    code: 'MUNICIPAL',
    name: { fi: 'Kuntarahoitus', sv: 'Kommunal finansiering', en: 'Municipal funding' },
    aliases: ['KUNTA', 'KUNNAT', 'KUNTARAHOITUS'],
  },
  {
    code: 'PRIVATE',
    name: { fi: 'Yksityinen rahoitus', sv: 'Privat finansiering', en: 'Private funding' },
    aliases: ['YKSITYINEN', 'YKSITYINEN RAHOITUS'],
  },
  {
    code: 'OTHER',
    name: { fi: 'Muu rahoitus', sv: 'Annan finansiering', en: 'Other funding' },
    aliases: ['MUU', 'MUU RAHOITUS'],
  },
];

const BY_NAME = new Map<string, FundCode>();
for (const fund of FUNDS) {
  for (const name of [fund.code, ...fund.aliases]) BY_NAME.set(name.toUpperCase(), fund.code);
}

export function isFundCode(value: unknown): value is FundCode {
  return typeof value === 'string' && (FUND_CODES as readonly string[]).includes(value);
}

/** The fund `raw` names (its code or a known abbreviation, any case), or null. */
export function fundFromName(raw: string): FundCode | null {
  return BY_NAME.get(raw.trim().replace(/\s+/g, ' ').toUpperCase()) ?? null;
}

/** The list shown in error messages: "ERDF, ESF+, JTF, …". */
export const FUND_LIST = FUND_CODES.join(', ');
