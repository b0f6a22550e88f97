import type { Endpoint } from 'payload'

import type { ExportableFootnote } from '../../../endnote/exportCitations'
import type { ResolvedPolicyPostsOptions } from '../../../options'

import { hasRole } from '../../../access/roles'
import { toBibtex, toCslJson } from '../../../endnote/exportCitations'
import { badRequest, idParam, notFound } from './params'

const CSL_JSON_TYPE = 'application/vnd.citationstyles.csl+json'
const BIBTEX_TYPE = 'application/x-bibtex'

const FORMATS = ['csl', 'bibtex', 'biblatex'] as const
type Format = (typeof FORMATS)[number]

interface EndnoteRow {
  footnote?: unknown
  number?: null | number
}

const isFootnote = (value: unknown): value is ExportableFootnote =>
  typeof value === 'object' && value !== null && 'id' in value

/**
 * `GET /api/posts/:id/citations?format=csl|bibtex|biblatex` — the post's endnotes, in endnote
 * order, as CSL-JSON (`application/vnd.citationstyles.csl+json`, or `application/json` when
 * that is what the client accepts) or BibTeX/BibLaTeX (`application/x-bibtex`). Anonymous
 * callers get published posts only; staff may add `draft=true` for the latest draft.
 */
export const citationsEndpoint = (options: ResolvedPolicyPostsOptions): Endpoint => ({
  handler: async (req) => {
    const collection = options.slugs.posts
    const format = (req.searchParams?.get('format') || 'csl').toLowerCase()
    if (!(FORMATS as readonly string[]).includes(format)) {
      return badRequest('format', `Unknown format "${format}"; use csl, bibtex or biblatex.`)
    }
    const id = idParam(req, collection)
    if (id === undefined) return notFound(req)
    const staff = hasRole(req.user, 'admin', 'editor', 'translator')
    const post = (await req.payload.findByID({
      collection: collection as 'posts',
      depth: 1,
      disableErrors: true,
      draft: staff && req.searchParams?.get('draft') === 'true',
      id,
      overrideAccess: false,
      req,
      select: { endnotes: true, slug: true },
    })) as null | { endnotes?: EndnoteRow[] | null; slug?: null | string }
    if (!post) return notFound(req)
    const footnotes = [...(post.endnotes ?? [])]
      .sort((a, b) => (a.number ?? 0) - (b.number ?? 0))
      .map((row) => row.footnote)
      .filter(isFootnote)
    const name = post.slug || String(id)
    if ((format as Format) === 'csl') {
      const accept = req.headers.get('accept') ?? ''
      const plainJson = accept.includes('application/json') && !accept.includes(CSL_JSON_TYPE)
      return new Response(JSON.stringify(toCslJson(footnotes), null, 2), {
        headers: {
          'Content-Disposition': `inline; filename="${name}.json"`,
          'Content-Type': `${plainJson ? 'application/json' : CSL_JSON_TYPE}; charset=utf-8`,
        },
        status: 200,
      })
    }
    return new Response(toBibtex(footnotes, format as 'biblatex' | 'bibtex'), {
      headers: {
        'Content-Disposition': `inline; filename="${name}.bib"`,
        'Content-Type': `${BIBTEX_TYPE}; charset=utf-8`,
      },
      status: 200,
    })
  },
  method: 'get',
  path: '/:id/citations',
})
