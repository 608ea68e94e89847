/**
 * Read models of the admin editor: programmes, versions, nodes, terms, offices and contacts as
 * stored, with their revisions (sent back with every form) and translation status. Services build
 * them; views render them; a conflict (409) carries one of them as the values stored now.
 */
import type { Lang, LocalizedText } from '../languages.ts';
import type { LifecycleAction } from './lifecycle.ts';
import type { Level, VersionStatus } from './programme-file.ts';
import type { TranslationState } from '../translation-status.ts';

/** The state of each language of one text field (null: no text in that language). */
export type LangStates = Record<Lang, TranslationState | null>;

export const NODE_TEXT_FIELDS = ['title', 'shortTitle', 'summary', 'body'] as const;
export type NodeTextField = (typeof NODE_TEXT_FIELDS)[number];
export type NodeTexts = Record<NodeTextField, LocalizedText | null>;

/** A node as stored: what its edit form shows and what a conflict shows beside the editor's input. */
export interface NodeState {
  key: string;
  slug: string;
  revision: number;
  texts: NodeTexts;
  /** Linked terms as `taxonomy/term`. */
  terms: string[];
  status: Record<NodeTextField, LangStates>;
}

export const VERSION_TEXT_FIELDS = ['label', 'vision', 'summary', 'changelog'] as const;
export type VersionTextField = (typeof VERSION_TEXT_FIELDS)[number];
export type VersionTexts = Record<VersionTextField, LocalizedText | null>;

export interface VersionState {
  number: number;
  status: VersionStatus;
  revision: number;
  texts: VersionTexts;
  translation: Record<VersionTextField, LangStates>;
  decision: { body: LocalizedText; date: string; reference: string | null } | null;
  updatedAt: string;
}

export interface EditorVersion extends VersionState {
  editable: boolean;
  actions: LifecycleAction[];
}

export interface ProgrammeState {
  regionCode: string;
  slug: string;
  revision: number;
  title: LocalizedText;
  periodStart: number;
  periodEnd: number;
  levels: Level[];
  /** Translation status of `title` and of each level's `levels.<key>.name` / `levels.<key>.namePlural`. */
  translation: Record<string, LangStates>;
}

export interface ProgrammeOverview {
  programme: ProgrammeState;
  versions: EditorVersion[];
  /** Null when an update can be started, else why not. */
  updateBlocked: string | null;
}

/** A node in the editor's tree. */
export interface EditorNode {
  key: string;
  slug: string;
  depth: number;
  position: number;
  parentKey: string | null;
  revision: number;
  title: LocalizedText;
  /** Translations of any field that are stale or machine-made. */
  toReview: number;
  /** The title's state per language. */
  status: LangStates;
  children: EditorNode[];
}

export interface VersionEditView {
  programme: ProgrammeState;
  version: EditorVersion;
  nodes: EditorNode[];
}

export interface TermOption {
  ref: string;
  title: LocalizedText;
}

export interface TaxonomyOptions {
  key: string;
  name: LocalizedText;
  terms: TermOption[];
}

export interface MoveTarget {
  /** null for the top level. */
  key: string | null;
  title: LocalizedText | null;
  depth: number;
}

export interface NodeEditView {
  programme: ProgrammeState;
  version: EditorVersion;
  node: NodeState & { depth: number; parentKey: string | null; level: Level | null; childCount: number };
  taxonomies: TaxonomyOptions[];
  /** Parents the node may be moved under (its own parent included). */
  moveTargets: MoveTarget[];
  /** The nodes a delete would remove, the node first. */
  subtree: { key: string; title: LocalizedText; depth: number }[];
}

export const TERM_TEXT_FIELDS = ['title', 'shortTitle', 'description'] as const;
export type TermTextField = (typeof TERM_TEXT_FIELDS)[number];
export type TermTexts = Record<TermTextField, LocalizedText | null>;

export interface TermState {
  taxonomy: string;
  key: string;
  revision: number;
  texts: TermTexts;
  translation: Record<TermTextField, LangStates>;
}

export interface TermsEditView {
  programme: ProgrammeState;
  taxonomies: { key: string; name: LocalizedText; terms: (TermState & { usedIn: number[] })[] }[];
}

export interface EditableOffice {
  id: number;
  key: string;
  kind: 'main' | 'branch';
  position: number;
  name: LocalizedText;
  postalAddress: string | null;
  visitingAddress: string | null;
  hours: LocalizedText | null;
  phone: string | null;
  email: string | null;
  revision: number;
}

export interface EditableContact {
  id: number;
  position: number;
  name: string;
  role: LocalizedText;
  topic: LocalizedText | null;
  email: string | null;
  phone: string | null;
  revision: number;
}

export interface CouncilEditView {
  regionCode: string;
  name: LocalizedText;
  offices: EditableOffice[];
  contacts: EditableContact[];
}

export interface ProgrammeListItem {
  regionCode: string;
  slug: string;
  title: LocalizedText;
  periodStart: number;
  periodEnd: number;
}
