'use client'

import { useConfig } from '@payloadcms/ui'
import { formatAdminURL } from 'payload/shared'
import { useEffect, useState } from 'react'

import type { ID } from '../../utilities/id'

import { normalizeFootnoteID } from '../nodes/EndnoteServerNode'

/** What the editor shows about a cited footnote record. */
export type FootnoteSummary =
  | { label: string; status: 'found' }
  | { status: 'error' }
  | { status: 'loading' }
  | { status: 'missing' }

const cache = new Map<string, Promise<FootnoteSummary>>()
const settled = new Map<string, FootnoteSummary>()

const cacheKey = (url: string) => url

function labelOf(doc: Record<string, unknown>): string {
  for (const key of ['label', 'title', 'citedAuthors', 'url']) {
    const value = doc[key]
    if (typeof value === 'string' && value.trim()) return value.trim()
  }
  return `#${String(doc.id ?? '')}`
}

/**
 * Seeds the cache with a document the editor already has (e.g. one just picked or created in
 * the drawer), so the new reference shows its label without another request.
 */
export function primeFootnoteSummary(url: string, doc: Record<string, unknown>): void {
  const summary: FootnoteSummary = { label: labelOf(doc), status: 'found' }
  settled.set(cacheKey(url), summary)
  cache.set(cacheKey(url), Promise.resolve(summary))
}

function load(url: string): Promise<FootnoteSummary> {
  const key = cacheKey(url)
  let pending = cache.get(key)
  if (!pending) {
    pending = fetch(url, { credentials: 'include', headers: { Accept: 'application/json' } })
      .then(async (res): Promise<FootnoteSummary> => {
        if (res.status === 404) return { status: 'missing' }
        if (!res.ok) return { status: 'error' }
        return { label: labelOf((await res.json()) as Record<string, unknown>), status: 'found' }
      })
      .catch((): FootnoteSummary => ({ status: 'error' }))
      .then((summary) => {
        settled.set(key, summary)
        // Errors are not cached for good: the next render may retry.
        if (summary.status === 'error') cache.delete(key)
        return summary
      })
    cache.set(key, pending)
  }
  return pending
}

/**
 * REST URL of one footnote record (`/api/footnotes/:id?depth=0`, honouring the api route and
 * Next's base path). Relative on purpose: the admin and the REST API are served by the same
 * app, and an absolute `serverURL` (e.g. the public URL) would make this a cross-origin request
 * in development.
 */
export function footnoteURL(apiRoute: string, footnotesSlug: string, footnote: ID): string {
  return `${formatAdminURL({
    apiRoute,
    path: `/${footnotesSlug}/${encodeURIComponent(String(footnote))}`,
    relative: true,
    serverURL: undefined,
  })}?depth=0`
}

/** The footnote's REST URL, or `null` when the node holds no usable id (malformed data). */
export function useFootnoteURL(footnotesSlug: string, footnote: ID): null | string {
  const {
    config: {
      routes: { api },
    },
  } = useConfig()
  return normalizeFootnoteID(footnote) === null ? null : footnoteURL(api, footnotesSlug, footnote)
}

/** Loads (once per footnote and page) the citation label shown on hover; `null` = no valid id. */
export function useFootnoteSummary(url: null | string): FootnoteSummary {
  const [summary, setSummary] = useState<FootnoteSummary>(() =>
    url === null ? { status: 'missing' } : (settled.get(cacheKey(url)) ?? { status: 'loading' }),
  )
  useEffect(() => {
    if (url === null) {
      setSummary({ status: 'missing' })
      return
    }
    let active = true
    const known = settled.get(cacheKey(url))
    if (known && known.status !== 'error') {
      setSummary(known)
      return
    }
    setSummary({ status: 'loading' })
    void load(url).then((result) => {
      if (active) setSummary(result)
    })
    return () => {
      active = false
    }
  }, [url])
  return summary
}
