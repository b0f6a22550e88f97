import type { Payload, PayloadRequest, Where } from 'payload'

import { createLocalReq } from 'payload'

import type { ResolvedPolicyPostsOptions } from '../options'

import { errorChain } from '../utilities/errorChain'
import { fieldError } from '../utilities/fieldError'
import { languageLabel } from '../utilities/languageLabel'
import { relationId } from '../utilities/relationId'

import type { ID } from '../utilities/id'

export type { ID }

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

/** The request to run under: the caller's, or a fresh Local API request. */
export async function requestFor(payload: Payload, req?: PayloadRequest): Promise<PayloadRequest> {
  return req ?? (await createLocalReq({}, payload))
}

/** "This piece already has a Türkçe version: <title>" as a 400 naming `translationGroup`. */
export function duplicateVersionError(
  options: ResolvedPolicyPostsOptions,
  language: null | string | undefined,
  holder: null | Pick<PostLike, 'title'> | undefined,
  req?: PayloadRequest,
) {
  const title = holder?.title ? `: ${holder.title}` : '.'
  return fieldError(
    options.slugs.posts,
    'translationGroup',
    `This piece already has a ${languageLabel(options, language)} version${title}`,
    req,
  )
}

const SELECT = {
  _status: true,
  language: true,
  slug: true,
  sourceUpdatedAt: true,
  title: true,
  translatedFrom: true,
  translationGroup: true,
  translationStatus: true,
  updatedAt: true,
} as const

/**
 * The posts of a translation group, each as its latest version (draft or published) — what
 * editors see. Posts whose published row and latest draft disagree about the group are found
 * through either.
 */
export async function groupMembers(
  req: PayloadRequest,
  options: ResolvedPolicyPostsOptions,
  group: ID,
  extra?: Where,
): Promise<PostLike[]> {
  const where: Where = extra ? { and: [{ translationGroup: { equals: group } }, extra] } : { translationGroup: { equals: group } }
  const common = {
    collection: options.slugs.posts as 'posts',
    depth: 0,
    limit: 0,
    overrideAccess: true,
    pagination: false,
    req,
    select: SELECT,
    where,
  } as const
  const [latest, current] = await Promise.all([
    req.payload.find({ ...common, draft: true }),
    req.payload.find({ ...common, draft: false }),
  ])
  const byId = new Map<string, PostLike>()
  for (const doc of [...current.docs, ...latest.docs] as PostLike[]) byId.set(String(doc.id), doc)
  return [...byId.values()]
}

/** Another post than `exceptId` holding `language` in `group`, if any. */
export async function languageHolder(
  req: PayloadRequest,
  options: ResolvedPolicyPostsOptions,
  group: ID,
  language: string,
  exceptId?: ID,
): Promise<PostLike | undefined> {
  const members = await groupMembers(req, options, group, { language: { equals: language } })
  return members.find(
    (member) =>
      member.language === language &&
      relationId(member.translationGroup) !== undefined &&
      String(relationId(member.translationGroup)) === String(group) &&
      (exceptId === undefined || String(member.id) !== String(exceptId)),
  )
}

/** One post as its latest version (draft or published), or undefined. */
export async function loadPost(req: PayloadRequest, options: ResolvedPolicyPostsOptions, id: ID): Promise<PostLike | undefined> {
  const doc = await req.payload.findByID({
    collection: options.slugs.posts as 'posts',
    depth: 0,
    disableErrors: true,
    draft: true,
    id,
    overrideAccess: true,
    req,
  })
  return (doc ?? undefined) as PostLike | undefined
}

/** The unique (translationGroup, language) index refused a write. */
export function isGroupLanguageConflict(error: unknown): boolean {
  return errorChain(error).some((link) => {
    const candidate = link as { code?: string; constraint?: string; data?: { errors?: { path?: string }[] }; detail?: string }
    if (candidate.data?.errors?.some((entry) => /translation_?group/i.test(entry.path ?? '') && /language/i.test(entry.path ?? ''))) {
      return true
    }
    return candidate.code === '23505' && /translation_?group/i.test(`${candidate.constraint ?? ''} ${candidate.detail ?? ''}`)
  })
}
