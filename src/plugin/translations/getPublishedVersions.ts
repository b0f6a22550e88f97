import type { Payload, PayloadRequest } from 'payload'

import type { PostLike } from './types'
import type { ID } from '../utilities/id'

import { relationId } from '../utilities/relationId'
import { getPolicyPostsOptions } from '../utilities/getPolicyPostsOptions'

/** A published language version of a post, ready for a language switch, hreflang or a sitemap. */
export interface PublishedVersion {
  id: ID
  /** Language code, e.g. `tr` (use as `hreflang` and `lang`). */
  language: string
  /** The language's native name from the plugin options, e.g. `Türkçe`. */
  label: string
  slug: string
  title: string
}

export interface GetPublishedVersionsOptions {
  /** Runs inside this request (its transaction, locale and cache). */
  req?: PayloadRequest
  /** Include the post itself when it is published (hreflang lists every version). @default false */
  includeSelf?: boolean
}

/**
 * The published versions of a translation group, in the order the languages are configured.
 * Drafts never appear.
 */
export async function getGroupVersions(
  payload: Payload,
  group: ID,
  { req }: Pick<GetPublishedVersionsOptions, 'req'> = {},
): Promise<PublishedVersion[]> {
  const options = getPolicyPostsOptions(payload)
  const found = await payload.find({
    collection: options.slugs.posts as 'posts',
    depth: 0,
    overrideAccess: true,
    pagination: false,
    req,
    select: { language: true, slug: true, title: true },
    where: { and: [{ translationGroup: { equals: group } }, { _status: { equals: 'published' } }] },
  })
  const order = options.languages.map((language) => language.code)
  return (found.docs as PostLike[])
    .filter((version) => version.language && version.slug && order.includes(version.language))
    .sort((a, b) => order.indexOf(a.language!) - order.indexOf(b.language!))
    .map((version) => ({
      id: version.id,
      label: options.languages.find((language) => language.code === version.language)!.label,
      language: version.language!,
      slug: version.slug!,
      title: version.title ?? '',
    }))
}

/**
 * The published language versions of `post` other than itself, in the order the languages
 * are configured. Drafts never appear. `post` is a post document (only `id` and
 * `translationGroup` are read) or its id.
 */
export async function getPublishedVersions(
  payload: Payload,
  post: ID | Pick<PostLike, 'id' | 'translationGroup'>,
  { includeSelf = false, req }: GetPublishedVersionsOptions = {},
): Promise<PublishedVersion[]> {
  let doc: Pick<PostLike, 'id' | 'translationGroup'> | null =
    typeof post === 'object' && post !== null && 'translationGroup' in post ? post : null
  const id = typeof post === 'object' && post !== null ? post.id : post
  if (!doc) {
    doc = (await payload.findByID({
      collection: getPolicyPostsOptions(payload).slugs.posts as 'posts',
      depth: 0,
      disableErrors: true,
      id,
      overrideAccess: true,
      req,
      select: { translationGroup: true },
    })) as null | PostLike
  }
  const group = relationId(doc?.translationGroup)
  if (group === undefined) return []
  const versions = await getGroupVersions(payload, group, { req })
  return includeSelf ? versions : versions.filter((version) => String(version.id) !== String(id))
}
