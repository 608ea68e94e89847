/**
 * What the Kymenlaakso programme 2022–2025 changed from version 1 to version 2, as the content
 * author built it into content/programmes/kymenlaakso-2022-2025.yaml: the expectations the diff's
 * service, API and page tests share.
 */

/** The counts of the diff of version 1 → version 2. */
export const V1_V2_COUNTS = {
  added: 3,
  removed: 0,
  moved: 0,
  retitled: 2,
  textChanged: 4,
  termsChanged: 0,
  versionTexts: 4,
} as const;

/** Every changed item as `change:key`, in the reading order of version 2. */
export const V1_V2_ITEMS = [
  'changed:uudistuva-elinkeinoelama',
  'changed:kestava-kymenlaakso',
  'changed:saavutettavuus-ja-kestava-liikkuminen',
  'changed:satamien-ja-rajanylityspaikkojen-yhteydet',
  'added:vaihtoehtoiset-logistiikkareitit',
  'changed:luonnon-monimuotoisuus-ja-luonnonvarat',
  'added:energiaomavaraisuus',
  'added:ruokaturva',
] as const;

/** The Finnish retitle of uudistuva-elinkeinoelama, the first text change of the diff. */
export const V1_V2_RETITLE = {
  before: 'Uudistuva elinkeinoelämä',
  after: 'Elinkeinoelämän uudistaminen',
  segments: [
    { type: 'delete', text: 'Uudistuva elinkeinoelämä' },
    { type: 'insert', text: 'Elinkeinoelämän uudistaminen' },
  ],
  wordsInserted: 2,
  wordsDeleted: 2,
} as const;
