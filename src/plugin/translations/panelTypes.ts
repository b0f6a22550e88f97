// Shapes shared by the translations endpoint and the admin panel (type-only, safe for the client).

import type { ID } from '../utilities/id'

/** One row of the admin panel: a configured language and its version, if any. */
export interface TranslationPanelRow {
  code: string
  label: string
  /** The user may start this language's version. */
  canCreate: boolean
  /** The user may link an existing post of this language (one of the two is in their languages). */
  canLink: boolean
  version?: {
    id: ID
    title: string
    status: 'draft' | 'published'
    translationStatus: string
    translatedFrom?: ID
    isCurrent: boolean
    /** The user may edit and mark this version up to date. */
    canEdit: boolean
    /** The user may unlink it: editors always; translators when readers would not see the change. */
    canUnlink: boolean
  }
}

export interface TranslationPanelData {
  id: ID
  language: string
  /** The first configured language, where originals are usually written. */
  defaultLanguage: string
  group?: ID
  rows: TranslationPanelRow[]
}
