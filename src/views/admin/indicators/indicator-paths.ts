/** Addresses of the admin pages of indicators and statistics (issue 8). */
export const indicatorPaths = {
  list: (region: string): string => `/admin/regions/${region}/indicators`,
  indicator: (region: string, code: string): string =>
    `/admin/regions/${region}/indicators/${encodeURIComponent(code)}`,
  targets: (region: string, code: string): string =>
    `/admin/regions/${region}/indicators/${encodeURIComponent(code)}/targets`,
  statisticsImport: (region: string): string => `/admin/regions/${region}/statistics/import`,
  statisticsConfirm: (region: string): string => `/admin/regions/${region}/statistics/import/confirm`,
};
