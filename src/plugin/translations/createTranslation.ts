import type { Payload, PayloadRequest } from 'payload'

import { NotFound } from 'payload'

import type { PostLike } from './types'
import type { ID } from '../utilities/id'

import { fieldError } from '../utilities/fieldError'
import { relationId } from '../utilities/relationId'
import { assertCanEdit, duplicateVersionError } from './errors'
import { ensureGroup, refreshGroupLabel } from './groups'
import { languageHolder, loadPost } from './members'
import { requestFor } from './requestFor'
import { inTransaction } from './transaction'
import { getPolicyPostsOptions } from '../utilities/getPolicyPostsOptions'

export interface CreateTranslationArgs {
  /** The post to translate. */
  source: ID | PostLike
  /** Code of one of the configured languages, other than the source's. */
  language: string
  req?: PayloadRequest
  /** Check that `req.user` may write in `language`. @default true (Local API) */
  overrideAccess?: boolean
}

type SourceDoc = PostLike & {
  authors?: unknown[] | null
  category?: unknown
  meta?: { description?: null | string; image?: unknown } | null
}

/**
 * Starts a new language version of `source` as a draft: same category, authors, highlights,
 * body (its endnote references keep pointing at the same footnote records) and meta, the
 * source's title for the translator to replace, linked into the source's group (created when
 * needed) and recorded as translated from the source's current version. Manual similar-post
 * picks are not copied: they name posts in the source's language.
 */
export async function createTranslation(payload: Payload, args: CreateTranslationArgs): Promise<PostLike> {
  const options = getPolicyPostsOptions(payload)
  const req = await requestFor(payload, args.req)
  const { language } = args
  const collection = options.slugs.posts as 'posts'
  const conflict: { group?: ID; language?: string } = { language }
  const sourceId = typeof args.source === 'object' ? args.source.id : args.source

  const created = await inTransaction(
    req,
    options,
    async () => {
      if (!language || !options.languages.some((entry) => entry.code === language)) {
        throw fieldError(
          collection,
          'language',
          `"${String(language ?? '')}" is not one of this site's languages (${options.languages.map((entry) => entry.code).join(', ')}).`,
          req,
        )
      }
      const source = (await loadPost(req, options, sourceId)) as SourceDoc | undefined
      if (!source) throw new NotFound(req.t)
      if (args.overrideAccess === false) assertCanEdit(req, options, language)
      if (source.language === language) throw duplicateVersionError(options, language, source, req)

      const existing = relationId(source.translationGroup)
      if (existing !== undefined) {
        conflict.group = existing
        const holder = await languageHolder(req, options, existing, language)
        if (holder) throw duplicateVersionError(options, language, holder, req)
      }
      const group = await ensureGroup(req, options, source)
      conflict.group = group

      const doc = await req.payload.create({
        collection,
        data: {
          _status: 'draft',
          authors: (source.authors ?? []).map(relationId).filter((id): id is number => id !== undefined) as number[],
          category: (relationId(source.category) as number | undefined) ?? null,
          content: source.content as never,
          highlights: (source.highlights ?? []).map((highlight) => ({ text: highlight?.text ?? '' })),
          language: language as never,
          meta: {
            description: source.meta?.description ?? null,
            image: (relationId(source.meta?.image) as number | undefined) ?? null,
          },
          sourceUpdatedAt: source.updatedAt ?? null,
          title: source.title ?? '',
          translatedFrom: source.id as number,
          translationGroup: group as number,
        },
        depth: 0,
        draft: true,
        overrideAccess: args.overrideAccess ?? true,
        req,
      })
      await refreshGroupLabel(req, options, group)
      return doc as unknown as PostLike
    },
    () => conflict,
  )
  // A draft changes no public page, so there is nothing to revalidate.
  return ((await loadPost(req, options, created.id)) ?? created) as PostLike
}
