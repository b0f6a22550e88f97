import type { Payload, PayloadRequest } from 'payload'

import type { ParsedCitation } from './types'

import { footnoteTitleKey, normaliseForMatch } from '../collections/footnotes/titleKey'

// Access dates are calendar days; noon UTC keeps them on the same day in every time zone.
const asDate = (day: string | undefined): string | undefined => (day ? `${day}T12:00:00.000Z` : undefined)

/** The `footnotes` record data of a parsed citation (empty fields left out). */
export function footnoteData(citation: ParsedCitation & { publishedAt?: string }): Record<string, string> {
  const data: Record<string, string | undefined> = {
    accessedAt: asDate(citation.accessedAt),
    publishedAt: asDate(citation.publishedAt),
    citedAuthors: citation.citedAuthors,
    note: citation.note,
    outlet: citation.outlet,
    title: citation.title,
    url: citation.url,
  }
  return Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined && value !== '')) as Record<string, string>
}

export type MatchOptions = {
  /** A DOI: a record whose URL is its doi.org link is the same work. */
  doi?: string
  /** Match by title alone when an outlet is missing on either side (citation libraries). */
  titleAlone?: boolean
  /** Reuse only a record with the same URL, never one matched by title (plain-text articles). */
  urlOnly?: boolean
}

export type FootnoteResolver = {
  /** The id of the record for this citation: an existing one with the same DOI, URL or title + outlet, else a new one. */
  resolve: (citation: ParsedCitation & { publishedAt?: string }, match?: MatchOptions) => Promise<number | string>
  created: () => number
  reused: () => number
}

type Args = { footnotesSlug: string; overrideAccess: boolean; req: PayloadRequest }

/**
 * Finds or creates citation records inside the import's transaction. Explanatory notes (no URL
 * and no title) are always new records: the same sentence in two posts is not one source.
 */
export function footnoteResolver(payload: Payload, { footnotesSlug, overrideAccess, req }: Args): FootnoteResolver {
  const known = new Map<string, number | string>() // 'url:…' / 'title:…' → id
  const reusedIds = new Set<string>()
  let createdCount = 0

  const find = async (where: Record<string, unknown>) =>
    (
      await payload.find({
        collection: footnotesSlug as 'footnotes',
        depth: 0,
        limit: 50,
        overrideAccess: true,
        pagination: false,
        req,
        select: { outlet: true, title: true },
        sort: 'id',
        where: where as never,
      })
    ).docs as { id: number | string; outlet?: null | string; title?: null | string }[]

  const existing = async (citation: ParsedCitation, titleKey: string | undefined, match: MatchOptions): Promise<number | string | undefined> => {
    if (match.doi) {
      const [byDoi] = await find({ url: { like: `doi.org/${match.doi}` } })
      if (byDoi) return byDoi.id
    }
    if (citation.url) {
      const [byUrl] = await find({ url: { equals: citation.url } })
      if (byUrl) return byUrl.id
    }
    if (citation.title && !match.urlOnly && (titleKey || match.titleAlone)) {
      // The indexed folded title finds the candidates (a word search would scan every record);
      // keys are clipped, so the full comparison decides.
      const key = footnoteTitleKey(citation.title)
      const candidates = key ? await find({ titleKey: { equals: key } }) : []
      const title = normaliseForMatch(citation.title)
      const outlet = normaliseForMatch(citation.outlet ?? '')
      const same = candidates.find((doc) => {
        if (normaliseForMatch(doc.title ?? '') !== title) return false
        const theirs = normaliseForMatch(doc.outlet ?? '')
        return theirs === outlet || (match.titleAlone === true && (theirs === '' || outlet === ''))
      })
      if (same) return same.id
    }
    return undefined
  }

  return {
    created: () => createdCount,
    resolve: async (citation, match = {}) => {
      const urlKey = citation.url ? `url:${citation.url}` : undefined
      const titleKey = citation.title && citation.outlet && !match.urlOnly ? `${normaliseForMatch(citation.title)}|${normaliseForMatch(citation.outlet)}` : undefined
      const keys = [
        match.doi && `doi:${match.doi}`,
        urlKey,
        titleKey && `title:${titleKey}`,
        match.titleAlone && !match.urlOnly && citation.title && `title-alone:${normaliseForMatch(citation.title)}`,
      ].filter((key): key is string => Boolean(key))
      for (const key of keys) if (known.has(key)) return known.get(key)!
      let id = keys.length > 0 ? await existing(citation, titleKey, match) : undefined
      if (id !== undefined) reusedIds.add(String(id))
      else {
        const created = await payload.create({
          collection: footnotesSlug as 'footnotes',
          data: footnoteData(citation) as never,
          depth: 0,
          overrideAccess,
          req,
        })
        id = created.id
        createdCount++
      }
      for (const key of keys) known.set(key, id)
      return id
    },
    reused: () => reusedIds.size,
  }
}
