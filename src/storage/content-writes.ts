/**
 * A guard for freshness (docs/freshness.md): every statement that writes a table of public
 * content (generations-repository.ts's CONTENT_TABLES) is noted against the transaction it runs
 * in, and so is every bump of a generation. When the guard is on (tests), a transaction that
 * wrote a kind of content without bumping that kind fails before it commits, as does a content
 * write outside any transaction. Off (the default, production) it does nothing: keeping notes
 * needs an AsyncLocalStorage, whose async hooks would cost every request of the server.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type {
  KyselyPlugin,
  OperationNode,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';
import { CONTENT_TABLES, type ContentKind } from './content-kinds.ts';

interface Notes {
  written: Map<ContentKind, string>;
  bumped: Set<ContentKind>;
}

const notes = new AsyncLocalStorage<Notes>();
const KIND_OF = new Map<string, ContentKind>(
  Object.entries(CONTENT_TABLES).flatMap(([kind, tables]) => tables.map((t) => [t, kind as ContentKind])),
);
let enforced = process.env['SUUNTA_CHECK_CONTENT_WRITES'] === '1';

/** Turns the guard on or off (tests turn it on; SUUNTA_CHECK_CONTENT_WRITES=1 does too). */
export function enforceContentWrites(on: boolean): void {
  enforced = on;
}

/** Notes a bump of `kinds` in the current transaction. */
export function noteBump(kinds: readonly ContentKind[]): void {
  const n = notes.getStore();
  if (n) for (const k of kinds) n.bumped.add(k);
}

/** Runs a transaction's `work` with notes of its writes; with the guard on, refuses to let it commit unbalanced. */
export async function withWriteNotes<T>(work: () => Promise<T>): Promise<T> {
  if (!enforced) return work();
  const n: Notes = { written: new Map(), bumped: new Set() };
  const result = await notes.run(n, work);
  const missed = [...n.written].filter(([kind]) => !n.bumped.has(kind));
  if (missed.length > 0)
    throw new Error(
      `a transaction wrote ${missed.map(([kind, table]) => `${table} (${kind})`).join(', ')} without recording the change (services/freshness.ts contentChanged)`,
    );
  return result;
}

function tableOf(node: RootOperationNode): string | null {
  const name = (n: OperationNode | undefined): string | null => {
    if (!n) return null;
    if (n.kind === 'TableNode')
      return (n as unknown as { table: { identifier: { name: string } } }).table.identifier.name;
    if (n.kind === 'AliasNode') return name((n as unknown as { node: OperationNode }).node);
    return null;
  };
  switch (node.kind) {
    case 'InsertQueryNode':
      return name(node.into);
    case 'UpdateQueryNode':
      return name(node.table);
    case 'DeleteQueryNode':
      return name(node.from.froms[0]);
    default:
      return null;
  }
}

/** The Kysely plugin that notes writes of content tables. */
export class ContentWritesPlugin implements KyselyPlugin {
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    if (!enforced) return args.node;
    const table = tableOf(args.node);
    const kind = table === null ? undefined : KIND_OF.get(table);
    if (kind) {
      const n = notes.getStore();
      if (n) {
        if (!n.written.has(kind)) n.written.set(kind, table!);
      } else throw new Error(`${table} (${kind}) was written outside a transaction`);
    }
    return args.node;
  }

  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return Promise.resolve(args.result);
  }
}
