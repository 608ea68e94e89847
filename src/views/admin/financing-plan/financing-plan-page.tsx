/** @jsxRuntime automatic @jsxImportSource @kitajs/html */
/**
 * The financing plan of one version in the admin editor: the plan as a table (a row per priority,
 * lines on deeper nodes under it with a subtotal, a column per fund × year, totals), the plan's
 * lines with edit and remove actions, a form to set one cell, a textarea to replace the plan with
 * CSV, and copying another version's plan. A version that is not a draft, or a user without the
 * editor role, gets the tables only. Works without JavaScript.
 */
import Html from '@kitajs/html';
import type { PlanLine } from '#src/domain/financing-plan/plan-line.ts';
import { FUND_CODES, FUNDS, type FundCode } from '#src/domain/projects/funds.ts';
import {
  diffPlans,
  planCellKey,
  type PlanConflictState,
  type PlanEditView,
  type PlanRow,
  type PlanTreeNode,
} from '#src/domain/financing-plan/plan-table.ts';
import { formatEuros } from '../../charts/format-money.ts';
import { formatNumber } from '#src/i18n/format.ts';
import {
  CsrfField,
  ErrorSummary,
  errorFor,
  Notice,
  SelectField,
  TextArea,
  TextField,
  type FieldError,
} from '../components.tsx';
import { AdminLayout, type AdminRenderContext } from '../layout.tsx';
import {
  ConflictComparison,
  formValue,
  ProblemNotice,
  textIn,
  VersionStatusTag,
  type ComparedValue,
  type FormValues,
} from '../programmes/editor-components.tsx';
import { editorPaths } from '../programmes/editor-paths.ts';
import { planPaths } from './plan-paths.ts';

/** What was done, said after the redirect that follows a change (`?done=…`). */
export const PLAN_DONE_CODES = ['set', 'unchanged', 'removed', 'imported', 'copied'] as const;
export type PlanDoneCode = (typeof PLAN_DONE_CODES)[number];

export type PlanFormKind = 'set' | 'remove' | 'csv' | 'copy';

export interface FinancingPlanPageProps {
  ac: AdminRenderContext;
  view: PlanEditView;
  canEdit: boolean;
  /** The cell form: node, fund, year, amount (as sent, or filled in from `?node=&fund=&year=`). */
  cellForm: FormValues;
  cellErrors: FieldError[];
  /** The pasted CSV (kept when it was refused) and its row problems. */
  csvText: string;
  csvErrors: string[];
  copyErrors: FieldError[];
  conflict: { kind: PlanFormKind; state: PlanConflictState; form: FormValues } | null;
  problem: string | null;
  done: PlanDoneCode | null;
}

export function fundName(ac: AdminRenderContext, fund: FundCode): string {
  return FUNDS.find((f) => f.code === fund)?.name[ac.lang] ?? fund;
}

function nodeIndex(nodes: readonly PlanTreeNode[]): Map<string, PlanTreeNode> {
  const out = new Map<string, PlanTreeNode>();
  const walk = (list: readonly PlanTreeNode[]): void => {
    for (const n of list) {
      out.set(n.key, n);
      walk(n.children);
    }
  };
  walk(nodes);
  return out;
}

function flatten(nodes: readonly PlanTreeNode[]): PlanTreeNode[] {
  return nodes.flatMap((n) => [n, ...flatten(n.children)]);
}

/** The text naming a node: its title in the UI language, or its key when it is not in the version. */
function nodeLabel(ac: AdminRenderContext, nodes: Map<string, PlanTreeNode>, key: string): string {
  const n = nodes.get(key);
  return n ? textIn(ac, n.title) : key;
}

function cellLabel(
  ac: AdminRenderContext,
  nodes: Map<string, PlanTreeNode>,
  l: { nodeKey: string; fund: FundCode; year: number },
): string {
  return `${nodeLabel(ac, nodes, l.nodeKey)}, ${fundName(ac, l.fund)}, ${l.year}`;
}

function RowHeader(props: { ac: AdminRenderContext; row: PlanRow; id: string; levelNames: string[] }): JSX.Element {
  const { ac, row } = props;
  const { t } = ac;
  const title = row.title ? textIn(ac, row.title) : row.key;
  if (row.kind === 'subtotal') {
    return (
      <th scope="row" id={props.id} headers="plan-h-row" class="plan-subtotal" safe>
        {t('admin.plan.subtotal', { title })}
      </th>
    );
  }
  const level = row.depth === null ? '' : (props.levelNames[row.depth - 1] ?? '');
  return (
    <th scope="row" id={props.id} headers="plan-h-row" class={row.kind === 'under' ? 'plan-under' : undefined}>
      {row.kind === 'under' || row.kind === 'other' ? <span class="tree-level" safe>{`${level} `}</span> : ''}
      <span safe>{title}</span>
      {row.title === null ? (
        <span class="hint" safe>{` (${t('admin.plan.notInVersion', { key: row.key })})`}</span>
      ) : (
        ''
      )}
    </th>
  );
}

function PlanTable(props: { ac: AdminRenderContext; view: PlanEditView; levelNames: string[] }): JSX.Element {
  const { ac, view } = props;
  const { t, lang } = ac;
  const table = view.table;
  const money = (c: number | null): string => (c === null ? '–' : formatEuros(c, lang));
  const fundIdOf = new Map<FundCode, string>(table.funds.map((f, i) => [f.fund, `plan-h-f${i}`]));
  const colHeaders = (i: number): string => `${fundIdOf.get(table.columns[i]!.fund)!} plan-h-c${i}`;
  return (
    <div class="table-scroll" role="region" aria-labelledby="plan-caption" tabindex="0">
      <table class="table plan-table">
        <caption id="plan-caption" safe>
          {t('admin.plan.caption', { n: view.version.number })}
        </caption>
        <colgroup>
          <col />
        </colgroup>
        {table.funds.map((f) => (
          <colgroup span={String(f.span)}></colgroup>
        ))}
        <colgroup>
          <col />
        </colgroup>
        <thead>
          <tr>
            <th scope="col" rowspan="2" id="plan-h-row" safe>
              {props.levelNames[1] ?? t('admin.plan.row')}
            </th>
            {table.funds.map((f) => (
              <th scope="colgroup" colspan={String(f.span)} id={fundIdOf.get(f.fund)} safe>
                {fundName(ac, f.fund)}
              </th>
            ))}
            <th scope="col" rowspan="2" id="plan-h-total" class="num" safe>
              {t('admin.plan.total')}
            </th>
          </tr>
          <tr>
            {table.columns.map((c, i) => (
              <th scope="col" id={`plan-h-c${i}`} headers={fundIdOf.get(c.fund)} class="num" safe>
                {String(c.year)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr class={`plan-row-${row.kind}`}>
              <RowHeader ac={ac} row={row} id={`plan-r${r}`} levelNames={props.levelNames} />
              {row.cells.map((c, i) => (
                <td class="num" headers={`plan-r${r} ${colHeaders(i)}`} safe>
                  {money(c)}
                </td>
              ))}
              <td class="num" headers={`plan-r${r} plan-h-total`} safe>
                {money(row.total)}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" id="plan-r-total" headers="plan-h-row" safe>
              {t('admin.plan.total')}
            </th>
            {table.columnTotals.map((c, i) => (
              <td class="num" headers={`plan-r-total ${colHeaders(i)}`} safe>
                {money(c)}
              </td>
            ))}
            <td class="num" headers="plan-r-total plan-h-total" safe>
              {money(table.total)}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function LinesTable(props: {
  ac: AdminRenderContext;
  view: PlanEditView;
  nodes: Map<string, PlanTreeNode>;
  editable: boolean;
}): JSX.Element {
  const { ac, view, nodes, editable } = props;
  const { t, lang } = ac;
  const p = { code: view.programme.regionCode, slug: view.programme.slug };
  const n = view.version.number;
  return (
    <table class="table plan-lines">
      <caption safe>{t('admin.plan.lines.caption')}</caption>
      <thead>
        <tr>
          <th scope="col" safe>
            {t('admin.plan.node')}
          </th>
          <th scope="col" safe>
            {t('admin.plan.fund')}
          </th>
          <th scope="col" class="num" safe>
            {t('admin.plan.year')}
          </th>
          <th scope="col" class="num" safe>
            {t('admin.plan.amountColumn')}
          </th>
          {editable ? (
            <th scope="col" safe>
              {t('admin.plan.lines.actions')}
            </th>
          ) : (
            ''
          )}
        </tr>
      </thead>
      <tbody>
        {view.lines.map((l) => {
          const label = cellLabel(ac, nodes, l);
          return (
            <tr>
              <th scope="row">
                <span safe>{nodeLabel(ac, nodes, l.nodeKey)}</span>
                {nodes.has(l.nodeKey) ? (
                  ''
                ) : (
                  <span class="hint" safe>{` (${t('admin.plan.notInVersion', { key: l.nodeKey })})`}</span>
                )}
              </th>
              <td safe>{fundName(ac, l.fund)}</td>
              <td class="num" safe>
                {String(l.year)}
              </td>
              <td class="num" safe>
                {formatEuros(l.plannedCents, lang)}
              </td>
              {editable ? (
                <td>
                  <div class="cluster">
                    <a href={planPaths.editCell(p, n, l)}>
                      {Html.escapeHtml(t('admin.plan.lines.edit'))}
                      <span class="visually-hidden" safe>{` ${label}`}</span>
                    </a>
                    <form method="post" action={planPaths.removeCell(p, n)} class="inline-form">
                      <CsrfField ac={ac} />
                      <input type="hidden" name="revision" value={view.revision} />
                      <input type="hidden" name="node" value={l.nodeKey} />
                      <input type="hidden" name="fund" value={l.fund} />
                      <input type="hidden" name="year" value={String(l.year)} />
                      <button type="submit" class="button-secondary">
                        {Html.escapeHtml(t('admin.plan.lines.remove'))}
                        <span class="visually-hidden" safe>{` ${label}`}</span>
                      </button>
                    </form>
                  </div>
                </td>
              ) : (
                ''
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The rows of the 409 comparison: the cell(s) the editor meant to change, stored now and theirs. */
function conflictRows(
  ac: AdminRenderContext,
  nodes: Map<string, PlanTreeNode>,
  conflict: NonNullable<FinancingPlanPageProps['conflict']>,
): ComparedValue[] {
  const { t, lang } = ac;
  const stored = new Map(conflict.state.lines.map((l) => [planCellKey(l), l.plannedCents]));
  const money = (c: number | null | undefined): string =>
    c === null || c === undefined ? t('admin.plan.conflict.none') : formatEuros(c, lang);
  const form = conflict.form;
  if (conflict.kind === 'set' || conflict.kind === 'remove') {
    const fund = FUND_CODES.find((f) => f === formValue(form, 'fund'));
    const year = Number(formValue(form, 'year'));
    const cell = { nodeKey: formValue(form, 'node'), fund: fund ?? 'OTHER', year };
    const label = fund
      ? cellLabel(ac, nodes, cell)
      : `${formValue(form, 'node')}, ${formValue(form, 'fund')}, ${formValue(form, 'year')}`;
    const yours = conflict.kind === 'remove' ? t('admin.plan.conflict.removed') : formValue(form, 'amount');
    return [{ label, stored: money(stored.get(planCellKey(cell))), yours }];
  }
  const yours: readonly PlanLine[] | undefined = conflict.state.yours;
  if (!yours)
    return [
      {
        label: t('admin.plan.conflict.lines'),
        stored: formatNumber(conflict.state.lines.length, lang),
        yours: t('admin.plan.conflict.unreadable'),
      },
    ];
  const rows = diffPlans(conflict.state.lines, yours).map((c) => ({
    label: cellLabel(ac, nodes, c),
    stored: money(c.before),
    yours: money(c.after),
  }));
  return rows.length > 100
    ? [
        ...rows.slice(0, 100),
        { label: '…', stored: '', yours: t('admin.plan.conflict.more', { n: rows.length - 100 }) },
      ]
    : rows;
}

export function FinancingPlanPage(props: FinancingPlanPageProps): JSX.Element {
  const { ac, view, canEdit } = props;
  const { t } = ac;
  const prog = view.programme;
  const v = view.version;
  const p = { code: prog.regionCode, slug: prog.slug };
  const programmeTitle = textIn(ac, prog.title);
  const versionTitle = t('admin.edit.version.title', { n: v.number });
  const title = t('admin.plan.title');
  const editable = canEdit && v.editable;
  const levelNames = prog.levels.map((l) => textIn(ac, l.name));
  const nodes = nodeIndex(view.nodes);
  const years: number[] = [];
  for (let y = prog.periodStart; y <= prog.periodEnd; y++) years.push(y);
  const nodeOptions = [
    { value: '', label: t('admin.plan.choose') },
    ...flatten(view.nodes).map((n) => ({
      value: n.key,
      label: `${'\u00a0\u00a0'.repeat(Math.max(0, n.depth - 1))}${levelNames[n.depth - 1] ?? ''}: ${textIn(ac, n.title)}`,
    })),
  ];
  const cellErrors = props.cellErrors;
  return (
    <AdminLayout
      ac={ac}
      title={`${title} · ${versionTitle} · ${programmeTitle}`}
      section="programmes"
      crumbs={[
        { href: '/admin', label: t('admin.nav.dashboard') },
        { href: editorPaths.programmes(), label: t('admin.nav.programmes') },
        { href: editorPaths.programme(p), label: programmeTitle },
        { href: editorPaths.version(p, v.number), label: versionTitle },
        { href: planPaths.plan(p, v.number), label: title },
      ]}
    >
      <h1 safe>{`${title} – ${versionTitle}`}</h1>
      <p class="lead">
        <span safe>{`${programmeTitle} · `}</span>
        <VersionStatusTag ac={ac} status={v.status} />
      </p>
      <p safe>{t('admin.plan.intro')}</p>
      {!v.editable ? (
        <div class="notice notice-info" role="note">
          <p safe>{t(`admin.edit.version.readOnly.${v.status}`)}</p>
        </div>
      ) : !canEdit ? (
        <div class="notice notice-info" role="note">
          <p safe>{t('admin.edit.readOnlyRole')}</p>
        </div>
      ) : (
        ''
      )}
      {props.done ? (
        <Notice kind="success">
          <p safe>{t(`admin.plan.done.${props.done}`)}</p>
        </Notice>
      ) : (
        ''
      )}
      <ProblemNotice ac={ac} message={props.problem} />
      {props.conflict ? <ConflictComparison ac={ac} rows={conflictRows(ac, nodes, props.conflict)} /> : ''}

      <h2 id="plan-table" safe>
        {t('admin.plan.tableTitle')}
      </h2>
      {view.lines.length === 0 ? (
        <p safe>{t('admin.plan.empty')}</p>
      ) : (
        <PlanTable ac={ac} view={view} levelNames={levelNames} />
      )}
      <p>
        <a href={planPaths.csv(p, v.number)} safe>
          {t('admin.plan.download')}
        </a>
      </p>

      {editable ? (
        <section class="card" aria-labelledby="set-cell">
          <h2 id="set-cell" safe>
            {t('admin.plan.set.title')}
          </h2>
          <p class="hint" safe>
            {t('admin.plan.set.hint')}
          </p>
          <ErrorSummary ac={ac} errors={cellErrors} />
          <form method="post" action={planPaths.cells(p, v.number)} class="stack narrow" novalidate>
            <CsrfField ac={ac} />
            <input type="hidden" name="revision" value={view.revision} />
            <SelectField
              ac={ac}
              name="node"
              label={t('admin.plan.node')}
              value={formValue(props.cellForm, 'node')}
              options={nodeOptions}
              error={errorFor(cellErrors, 'node')}
              required
            />
            <SelectField
              ac={ac}
              name="fund"
              label={t('admin.plan.fund')}
              value={formValue(props.cellForm, 'fund')}
              options={FUND_CODES.map((f) => ({ value: f, label: fundName(ac, f) }))}
              error={errorFor(cellErrors, 'fund')}
              required
            />
            <SelectField
              ac={ac}
              name="year"
              label={t('admin.plan.year')}
              value={formValue(props.cellForm, 'year')}
              options={years.map((y) => ({ value: String(y), label: String(y) }))}
              error={errorFor(cellErrors, 'year')}
              required
            />
            <TextField
              ac={ac}
              name="amount"
              label={t('admin.plan.amount')}
              hint={t('admin.plan.amountHint')}
              value={formValue(props.cellForm, 'amount')}
              error={errorFor(cellErrors, 'amount')}
              required
            />
            <p>
              <button type="submit" class="button" safe>
                {t('admin.plan.save')}
              </button>
            </p>
          </form>
        </section>
      ) : (
        ''
      )}

      {view.lines.length > 0 ? (
        <>
          <h2 id="plan-lines" safe>
            {t('admin.plan.lines.title')}
          </h2>
          <LinesTable ac={ac} view={view} nodes={nodes} editable={editable} />
        </>
      ) : (
        ''
      )}

      {editable ? (
        <section class="card" aria-labelledby="replace-csv">
          <h2 id="replace-csv" safe>
            {t('admin.plan.csv.title')}
          </h2>
          <p class="hint" safe>
            {t('admin.plan.csv.hint')}
          </p>
          <ErrorSummary ac={ac} errors={props.csvErrors.map((message) => ({ field: 'csv', message }))} />
          <form method="post" action={planPaths.importCsv(p, v.number)} class="stack" novalidate>
            <CsrfField ac={ac} />
            <input type="hidden" name="revision" value={view.revision} />
            <TextArea
              ac={ac}
              name="csv"
              label={t('admin.plan.csv.label')}
              hint={t('admin.plan.csv.example')}
              value={props.csvText}
              error={props.csvErrors.length > 0 ? t('admin.plan.csv.errors', { n: props.csvErrors.length }) : undefined}
              rows={12}
              required
            />
            <p>
              <button type="submit" class="button" safe>
                {t('admin.plan.csv.submit')}
              </button>
            </p>
          </form>
        </section>
      ) : (
        ''
      )}

      {editable && view.sources.length > 0 ? (
        <section class="card" aria-labelledby="copy-plan">
          <h2 id="copy-plan" safe>
            {t('admin.plan.copy.title')}
          </h2>
          <p class="hint" safe>
            {t('admin.plan.copy.hint')}
          </p>
          <ErrorSummary ac={ac} errors={props.copyErrors} />
          <form method="post" action={planPaths.copy(p, v.number)} class="stack narrow" novalidate>
            <CsrfField ac={ac} />
            <input type="hidden" name="revision" value={view.revision} />
            <SelectField
              ac={ac}
              name="from"
              label={t('admin.plan.copy.label')}
              value=""
              options={view.sources.map((s) => ({
                value: String(s.number),
                label: t('admin.plan.copy.option', {
                  n: s.number,
                  lines: s.lines,
                  status: t(`status.${s.status}`),
                }),
              }))}
              error={errorFor(props.copyErrors, 'from')}
            />
            <p>
              <button type="submit" class="button-secondary" safe>
                {t('admin.plan.copy.submit')}
              </button>
            </p>
          </form>
        </section>
      ) : (
        ''
      )}
    </AdminLayout>
  );
}
