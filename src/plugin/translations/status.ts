import type { PayloadRequest } from 'payload'

import type { ResolvedPolicyPostsOptions } from '../options'
import type { PostLike, TranslationStatus } from './types'
import type { ID } from '../utilities/id'

import { relationId } from '../utilities/relationId'
import { writePostMeta } from './writePostMeta'

// JSON with sorted keys, so the same content read back from jsonb compares equal.
function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, entry]) => entry !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${stableStringify(entry)}`).join(',')}}`
  }
  return JSON.stringify(value ?? null)
}

/** What a translation follows: the title, the highlights' text and the body. */
export function contentFingerprint(post: Pick<PostLike, 'content' | 'highlights' | 'title'>): string {
  return stableStringify({
    content: post.content ?? null,
    highlights: (post.highlights ?? []).map((highlight) => highlight?.text ?? ''),
    title: post.title ?? '',
  })
}

const time = (value: null | string | undefined): number => (value ? new Date(value).getTime() : Number.NaN)

/**
 * The source as readers see it: its published row, or its latest draft while it has never
 * been published. Outdated detection compares translations against this.
 */
async function sourceReference(
  req: PayloadRequest,
  options: ResolvedPolicyPostsOptions,
  sourceId: ID,
): Promise<PostLike | undefined> {
  const common = {
    collection: options.slugs.posts as 'posts',
    depth: 0,
    disableErrors: true,
    id: sourceId,
    overrideAccess: true,
    req,
  } as const
  const current = (await req.payload.findByID({ ...common, draft: false })) as null | PostLike
  if (current?._status === 'published') return current
  return ((await req.payload.findByID({ ...common, draft: true })) as null | PostLike) ?? current ?? undefined
}

/** The source's version a translation was made from: the last one saved at or before `at`. */
export async function sourceSnapshot(
  req: PayloadRequest,
  options: ResolvedPolicyPostsOptions,
  sourceId: ID,
  at: string,
): Promise<PostLike | undefined> {
  const found = await req.payload.db.findVersions({
    collection: options.slugs.posts as 'posts',
    limit: 1,
    pagination: false,
    req,
    sort: '-version.updatedAt',
    where: { and: [{ parent: { equals: sourceId } }, { 'version.updatedAt': { less_than_equal: at } }] },
  })
  return found.docs[0]?.version as PostLike | undefined
}

/**
 * `source` for a post that is not a translation; `up-to-date` when the source (as readers see
 * it) has not changed its title, highlights or body since the version the translation was
 * made from (`sourceUpdatedAt`); `outdated` otherwise. A source saved again without changes to
 * those fields does not make its translations outdated.
 */
export async function computeTranslationStatus(
  req: PayloadRequest,
  options: ResolvedPolicyPostsOptions,
  post: Pick<PostLike, 'sourceUpdatedAt' | 'translatedFrom'>,
  reference?: PostLike,
): Promise<TranslationStatus> {
  const sourceId = relationId(post.translatedFrom)
  if (sourceId === undefined) return 'source'
  const source = reference ?? (await sourceReference(req, options, sourceId))
  if (!source) return 'source'
  const made = time(post.sourceUpdatedAt)
  if (Number.isNaN(made)) return 'outdated'
  if (made >= time(source.updatedAt)) return 'up-to-date'
  const snapshot = await sourceSnapshot(req, options, sourceId, new Date(made).toISOString())
  // The version was pruned (versions.maxPerDoc): assume the source has moved on.
  if (!snapshot) return 'outdated'
  return contentFingerprint(snapshot) === contentFingerprint(source) ? 'up-to-date' : 'outdated'
}

/** Posts recorded as translated from `sourceId`, each as its latest version. */
async function translationsOf(
  req: PayloadRequest,
  options: ResolvedPolicyPostsOptions,
  sourceId: ID,
): Promise<PostLike[]> {
  const common = {
    collection: options.slugs.posts as 'posts',
    depth: 0,
    overrideAccess: true,
    pagination: false,
    req,
    select: { sourceUpdatedAt: true, translatedFrom: true, translationGroup: true, translationStatus: true },
    where: { translatedFrom: { equals: sourceId } },
  } as const
  const [latest, current] = await Promise.all([
    req.payload.find({ ...common, draft: true }),
    req.payload.find({ ...common, draft: false }),
  ])
  const byId = new Map<string, PostLike>()
  for (const doc of [...current.docs, ...latest.docs] as PostLike[]) {
    if (String(relationId(doc.translatedFrom)) === String(sourceId)) byId.set(String(doc.id), doc)
  }
  return [...byId.values()]
}

/** Recomputes and stores the status of every translation of `sourceId`; returns the ids flagged outdated. */
export async function refreshTranslationStatuses(
  req: PayloadRequest,
  options: ResolvedPolicyPostsOptions,
  sourceId: ID,
): Promise<ID[]> {
  const translations = await translationsOf(req, options, sourceId)
  if (translations.length === 0) return []
  const reference = await sourceReference(req, options, sourceId)
  const outdated: ID[] = []
  for (const translation of translations) {
    const status = await computeTranslationStatus(req, options, translation, reference)
    if (status === 'outdated') outdated.push(translation.id)
    if (status !== translation.translationStatus) {
      await writePostMeta(req, options, translation.id, { translationStatus: status })
    }
  }
  return outdated
}
