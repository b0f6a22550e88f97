import type { ID } from '../utilities/id'

/** The values a post carries for translation bookkeeping. */
export type TranslationStatus = 'outdated' | 'source' | 'up-to-date'

/** The fields of a post this module reads (any post document satisfies it). */
export interface PostLike {
  _status?: null | string
  content?: unknown
  highlights?: null | { text?: null | string }[]
  id: ID
  language?: null | string
  slug?: null | string
  sourceUpdatedAt?: null | string
  title?: null | string
  translatedFrom?: unknown
  translationGroup?: unknown
  translationStatus?: null | string
  updatedAt?: null | string
}
