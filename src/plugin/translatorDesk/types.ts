// Shapes the translator's desk endpoints send to the admin views (type-only, safe for the client).

type ID = number | string

export type DeskStatus = 'draft' | 'missing' | 'original' | 'outdated' | 'up-to-date'

export interface DashboardCell {
  status: DeskStatus
  id?: ID
  title?: string
}

export interface DashboardRow {
  /** The translation group, or undefined for a post without other versions. */
  group?: ID
  /** The original of the piece (or its first member): what "create" translates. */
  source: { id: ID; language: string; title: string }
  cells: Record<string, DashboardCell>
}

export interface DashboardData {
  /** The languages shown: all, or a translator's own. */
  languages: { code: string; label: string }[]
  /** Per language, how many pieces have each status. */
  counts: Record<string, Record<DeskStatus, number>>
  rows: DashboardRow[]
  /** Whether the user may create versions in each shown language. */
  canCreate: Record<string, boolean>
}

/** One unit of the side-by-side view. */
export interface CompareRow {
  id: string
  context: string
  source: string
  translation?: string
  /** The source changed here since the translation was made. */
  changed: boolean
  /** Word diff of the source: earlier version → current (present when `changed`). */
  diff?: { added?: boolean; removed?: boolean; value: string }[]
}

export interface CompareData {
  translation: { id: ID; language: string; title: string; translationStatus: string; canEdit: boolean }
  source?: { id: ID; language: string; title: string; updatedAt?: string }
  sourceUpdatedAt?: string
  /** False when the source version the translation was made from is no longer stored. */
  knownVersion: boolean
  rows: CompareRow[]
  /** For an original: its translations, to compare each. */
  translations?: { id: ID; language: string; title: string }[]
}
