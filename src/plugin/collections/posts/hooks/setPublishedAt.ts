import type { CollectionBeforeChangeHook } from 'payload'

/** Stamps the first publication date, which editors may still change by hand. */
export const setPublishedAtHook: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  if (data._status === 'published' && !data.publishedAt && !originalDoc?.publishedAt) {
    data.publishedAt = new Date().toISOString()
  }
  return data
}
