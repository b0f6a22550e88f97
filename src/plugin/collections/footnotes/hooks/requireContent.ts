import type { CollectionBeforeChangeHook } from 'payload'

import { fieldError } from '../../../utilities/fieldError'

/** A citation needs a title or a URL; an explanatory note needs its text. */
export const requireFootnoteContentHook: CollectionBeforeChangeHook = ({ collection, data, originalDoc, req }) => {
  const has = (key: string) => {
    const value = key in data ? data[key] : originalDoc?.[key]
    return typeof value === 'string' && value.trim() !== ''
  }
  if (!has('title') && !has('url') && !has('note')) {
    throw fieldError(collection.slug, 'title', 'Give the cited work a title or URL, or write an explanatory note.', req)
  }
  return data
}
