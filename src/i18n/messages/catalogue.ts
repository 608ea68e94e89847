/**
 * The interface texts: ICU MessageFormat strings in flat JSON files, one per language and area
 * (`messages/<lang>/<area>.json`), the layout translation tools (Weblate, Crowdin, Lokalise) read as
 * "JSON (flat keys)". The Finnish files define the keys: `MessageKey` is inferred from them, and the
 * Swedish and English catalogues must have every one of them (a missing key fails `tsc`; extra keys and
 * differing ICU arguments fail test/site/i18n.test.ts). See docs/translations.md.
 */
import enAccounts from './en/accounts.json' with { type: 'json' };
import enAdmin from './en/admin.json' with { type: 'json' };
import enAdminIndicators from './en/admin-indicators.json' with { type: 'json' };
import enConsultation from './en/consultation.json' with { type: 'json' };
import enConsultationReport from './en/consultation-report.json' with { type: 'json' };
import enConsultationStatements from './en/consultation-statements.json' with { type: 'json' };
import enConsultationPrivacy from './en/consultation-privacy.json' with { type: 'json' };
import enDiff from './en/diff.json' with { type: 'json' };
import enEditor from './en/editor.json' with { type: 'json' };
import enErrors from './en/errors.json' with { type: 'json' };
import enFinancingPlan from './en/financing-plan.json' with { type: 'json' };
import enMonitoring from './en/monitoring.json' with { type: 'json' };
import enOpenData from './en/open-data.json' with { type: 'json' };
import enMonitoringPages from './en/monitoring-pages.json' with { type: 'json' };
import enProjectsAdmin from './en/projects-admin.json' with { type: 'json' };
import enProjects from './en/projects.json' with { type: 'json' };
import enReports from './en/reports.json' with { type: 'json' };
import enSite from './en/site.json' with { type: 'json' };
import fiAccounts from './fi/accounts.json' with { type: 'json' };
import fiAdmin from './fi/admin.json' with { type: 'json' };
import fiAdminIndicators from './fi/admin-indicators.json' with { type: 'json' };
import fiConsultation from './fi/consultation.json' with { type: 'json' };
import fiConsultationReport from './fi/consultation-report.json' with { type: 'json' };
import fiConsultationStatements from './fi/consultation-statements.json' with { type: 'json' };
import fiConsultationPrivacy from './fi/consultation-privacy.json' with { type: 'json' };
import fiDiff from './fi/diff.json' with { type: 'json' };
import fiEditor from './fi/editor.json' with { type: 'json' };
import fiErrors from './fi/errors.json' with { type: 'json' };
import fiFinancingPlan from './fi/financing-plan.json' with { type: 'json' };
import fiMonitoring from './fi/monitoring.json' with { type: 'json' };
import fiOpenData from './fi/open-data.json' with { type: 'json' };
import fiMonitoringPages from './fi/monitoring-pages.json' with { type: 'json' };
import fiProjectsAdmin from './fi/projects-admin.json' with { type: 'json' };
import fiProjects from './fi/projects.json' with { type: 'json' };
import fiReports from './fi/reports.json' with { type: 'json' };
import fiSite from './fi/site.json' with { type: 'json' };
import svAccounts from './sv/accounts.json' with { type: 'json' };
import svAdmin from './sv/admin.json' with { type: 'json' };
import svAdminIndicators from './sv/admin-indicators.json' with { type: 'json' };
import svConsultation from './sv/consultation.json' with { type: 'json' };
import svConsultationReport from './sv/consultation-report.json' with { type: 'json' };
import svConsultationStatements from './sv/consultation-statements.json' with { type: 'json' };
import svConsultationPrivacy from './sv/consultation-privacy.json' with { type: 'json' };
import svDiff from './sv/diff.json' with { type: 'json' };
import svEditor from './sv/editor.json' with { type: 'json' };
import svErrors from './sv/errors.json' with { type: 'json' };
import svFinancingPlan from './sv/financing-plan.json' with { type: 'json' };
import svMonitoring from './sv/monitoring.json' with { type: 'json' };
import svOpenData from './sv/open-data.json' with { type: 'json' };
import svMonitoringPages from './sv/monitoring-pages.json' with { type: 'json' };
import svProjectsAdmin from './sv/projects-admin.json' with { type: 'json' };
import svProjects from './sv/projects.json' with { type: 'json' };
import svReports from './sv/reports.json' with { type: 'json' };
import svSite from './sv/site.json' with { type: 'json' };

/** The areas, each a JSON file per language (the order only decides the order of keys in `MESSAGES`). */
export const AREAS = [
  'site',
  'projects',
  'diff',
  'admin',
  'admin-indicators',
  'accounts',
  'editor',
  'financing-plan',
  'projects-admin',
  'monitoring',
  'open-data',
  'monitoring-pages',
  'reports',
  'consultation',
  'consultation-report',
  'consultation-statements',
  'consultation-privacy',
  'errors',
] as const;
export type Area = (typeof AREAS)[number];

const fiAreas = {
  site: fiSite,
  projects: fiProjects,
  diff: fiDiff,
  admin: fiAdmin,
  'admin-indicators': fiAdminIndicators,
  accounts: fiAccounts,
  editor: fiEditor,
  'financing-plan': fiFinancingPlan,
  'projects-admin': fiProjectsAdmin,
  monitoring: fiMonitoring,
  'open-data': fiOpenData,
  'monitoring-pages': fiMonitoringPages,
  reports: fiReports,
  consultation: fiConsultation,
  'consultation-report': fiConsultationReport,
  'consultation-statements': fiConsultationStatements,
  'consultation-privacy': fiConsultationPrivacy,
  errors: fiErrors,
};

/** A key of an interface text: any key of the Finnish files. */
export type MessageKey = { [A in Area]: keyof (typeof fiAreas)[A] }[Area];
/** One language's texts: an ICU MessageFormat string for every key. */
export type Messages = Record<MessageKey, string>;
/** One area of one language: exactly the keys of the Finnish file of that area. */
type AreaMessages = { [A in Area]: Record<keyof (typeof fiAreas)[A], string> };

const svAreas: AreaMessages = {
  site: svSite,
  projects: svProjects,
  diff: svDiff,
  admin: svAdmin,
  'admin-indicators': svAdminIndicators,
  accounts: svAccounts,
  editor: svEditor,
  'financing-plan': svFinancingPlan,
  'projects-admin': svProjectsAdmin,
  monitoring: svMonitoring,
  'open-data': svOpenData,
  'monitoring-pages': svMonitoringPages,
  reports: svReports,
  consultation: svConsultation,
  'consultation-report': svConsultationReport,
  'consultation-statements': svConsultationStatements,
  'consultation-privacy': svConsultationPrivacy,
  errors: svErrors,
};

const enAreas: AreaMessages = {
  site: enSite,
  projects: enProjects,
  diff: enDiff,
  admin: enAdmin,
  'admin-indicators': enAdminIndicators,
  accounts: enAccounts,
  editor: enEditor,
  'financing-plan': enFinancingPlan,
  'projects-admin': enProjectsAdmin,
  monitoring: enMonitoring,
  'open-data': enOpenData,
  'monitoring-pages': enMonitoringPages,
  reports: enReports,
  consultation: enConsultation,
  'consultation-report': enConsultationReport,
  'consultation-statements': enConsultationStatements,
  'consultation-privacy': enConsultationPrivacy,
  errors: enErrors,
};

/** Per language, the area each key comes from (for error messages that name the file to edit). */
export const AREA_FILES = { fi: fiAreas, sv: svAreas, en: enAreas } as const;

function merged(areas: AreaMessages): Messages {
  return Object.assign({}, ...AREAS.map((a) => areas[a])) as Messages;
}

export const fi: Messages = merged(fiAreas);
export const sv: Messages = merged(svAreas);
export const en: Messages = merged(enAreas);
