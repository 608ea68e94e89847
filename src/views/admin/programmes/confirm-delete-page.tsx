/** @jsxRuntime automatic @jsxImportSource @kitajs/html */
/** The confirmation before a delete: what will be removed, a "delete" button (POST) and a way back. */
import { CsrfField } from '../components.tsx';
import { AdminLayout, type AdminCrumb, type AdminRenderContext } from '../layout.tsx';
import { ProblemNotice } from './editor-components.tsx';

export interface ConfirmDeletePageProps {
  ac: AdminRenderContext;
  title: string;
  crumbs: AdminCrumb[];
  /** What will be removed, one line each (a node and everything below it). */
  items: { label: string; depth: number }[];
  warning: string;
  action: string;
  revision: number;
  cancelHref: string;
  problem: string | null;
}

export function ConfirmDeletePage(props: ConfirmDeletePageProps): JSX.Element {
  const { ac } = props;
  const { t } = ac;
  return (
    <AdminLayout ac={ac} title={props.title} section="programmes" crumbs={props.crumbs}>
      <h1 safe>{props.title}</h1>
      <ProblemNotice ac={ac} message={props.problem} />
      <p safe>{props.warning}</p>
      <ul class="delete-list">
        {props.items.map((i) => (
          <li class={`depth-${Math.min(i.depth, 5)}`} safe>
            {i.label}
          </li>
        ))}
      </ul>
      <form method="post" action={props.action} class="cluster">
        <CsrfField ac={ac} />
        <input type="hidden" name="revision" value={String(props.revision)} />
        <input type="hidden" name="confirm" value="yes" />
        <button type="submit" class="button-danger" safe>
          {t('admin.edit.delete.confirm')}
        </button>
        <a href={props.cancelHref} safe>
          {t('admin.edit.cancel')}
        </a>
      </form>
    </AdminLayout>
  );
}
