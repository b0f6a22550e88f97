import type { Payload, PayloadRequest } from 'payload'

import { NotFound } from 'payload'

import type { PostMeta } from './writePostMeta'
import type { PostLike } from './types'
import type { ID } from '../utilities/id'

import { canEditLanguage } from '../access/canEditLanguage'
import { fieldError } from '../utilities/fieldError'
import { relationId } from '../utilities/relationId'
import { afterLeavingGroup } from './detach'
import { duplicateVersionError, forbidden } from './errors'
import { ensureGroup, refreshGroupLabel } from './groups'
import { notifyPostsChanged } from '../hooks/notifyPostsChanged'
import { languageHolder, loadPost } from './members'
import { assertMayChangePublicLinks } from './publicLinks'
import { requestFor } from './requestFor'
import { computeTranslationStatus } from './status'
import { inTransaction } from './transaction'
import { writePostMeta } from './writePostMeta'
import { getPolicyPostsOptions } from '../utilities/getPolicyPostsOptions'

export interface LinkTranslationArgs {
  /** The post whose group the target joins (a group is created when it has none). */
  source: ID | PostLike
  /** The post to link; it leaves any group it was in. */
  target: ID | PostLike
  req?: PayloadRequest
  /**
   * Check that `req.user` may link: editors and admins always, translators when one of the
   * two posts is in their languages. The Local API default skips the check.
   * @default true
   */
  overrideAccess?: boolean
  /**
   * Which of the two the other was translated from, for outdated detection:
   * `'source'` — the target is a translation of the source; `'target'` — the source is a
   * translation of the target; `'none'` — neither (two originals).
   * @default 'source'
   */
  translatedFrom?: 'none' | 'source' | 'target'
}

export interface LinkTranslationResult {
  group: ID
  source: PostLike
  target: PostLike
}

const idOf = (value: ID | PostLike): ID => (typeof value === 'object' ? value.id : value)

/**
 * Puts `target` into `source`'s translation group. Refused with a 400 naming
 * `translationGroup` when the group already has a version in the target's language — also
 * when two requests race for the same language (the database's unique index decides).
 */
export async function linkTranslation(payload: Payload, args: LinkTranslationArgs): Promise<LinkTranslationResult> {
  const options = getPolicyPostsOptions(payload)
  const req = await requestFor(payload, args.req)
  const mode = args.translatedFrom ?? 'source'
  const conflict: { group?: ID; language?: null | string } = {}

  const outcome = await inTransaction(
    req,
    options,
    async () => {
      const source = await loadPost(req, options, idOf(args.source))
      if (!source) throw new NotFound(req.t)
      const targetId = idOf(args.target)
      const target = targetId === undefined || targetId === null || targetId === '' ? undefined : await loadPost(req, options, targetId)
      if (!target) throw fieldError(options.slugs.posts, 'target', `No post with id "${String(targetId)}" exists.`, req)
      if (String(source.id) === String(target.id)) {
        throw fieldError(options.slugs.posts, 'target', 'A post cannot be linked to itself.', req)
      }
      if (args.overrideAccess === false && !canEditLanguage(req.user, source.language) && !canEditLanguage(req.user, target.language)) {
        throw forbidden('You may link only versions of which at least one is in your languages.')
      }
      conflict.language = target.language
      if (target.language === source.language) throw duplicateVersionError(options, target.language, source, req)

      const sourceGroup = relationId(source.translationGroup)
      const previousGroup = relationId(target.translationGroup)
      let group: ID
      let sourceJoins = false
      if (sourceGroup !== undefined) {
        conflict.group = sourceGroup
        const holder = await languageHolder(req, options, sourceGroup, target.language ?? '', target.id)
        if (holder) throw duplicateVersionError(options, target.language, holder, req)
        group = sourceGroup
      } else if (previousGroup !== undefined) {
        // The source is in no group yet: it joins the target's, which keeps the target's
        // other versions linked.
        conflict.group = previousGroup
        conflict.language = source.language
        const holder = await languageHolder(req, options, previousGroup, source.language ?? '', source.id)
        if (holder) throw duplicateVersionError(options, source.language, holder, req)
        group = previousGroup
        sourceJoins = true
      } else {
        group = await ensureGroup(req, options, source)
        conflict.group = group
        // Another request may have created the group first, with a version in this language.
        const holder = await languageHolder(req, options, group, target.language ?? '', target.id)
        if (holder) throw duplicateVersionError(options, target.language, holder, req)
      }
      if (args.overrideAccess === false) {
        await assertMayChangePublicLinks(req, options, target.id, previousGroup, group)
        if (sourceJoins) await assertMayChangePublicLinks(req, options, source.id, undefined, group)
      }
      if (sourceJoins) await writePostMeta(req, options, source.id, { translationGroup: group })

      const targetMeta: PostMeta = { translationGroup: group }
      if (mode === 'source') {
        targetMeta.translatedFrom = source.id
        targetMeta.sourceUpdatedAt = source.updatedAt ?? null
      } else if (previousGroup === undefined || String(previousGroup) !== String(group)) {
        // Its recorded source stays behind in the old group.
        targetMeta.translatedFrom = null
        targetMeta.sourceUpdatedAt = null
      }
      const targetAfter = { ...target, ...targetMeta }
      targetMeta.translationStatus = await computeTranslationStatus(req, options, targetAfter)
      await writePostMeta(req, options, target.id, targetMeta)

      if (mode === 'target') {
        const sourceMeta: PostMeta = { sourceUpdatedAt: target.updatedAt ?? null, translatedFrom: target.id }
        sourceMeta.translationStatus = await computeTranslationStatus(req, options, sourceMeta)
        await writePostMeta(req, options, source.id, sourceMeta)
      }

      if (previousGroup !== undefined && String(previousGroup) !== String(group)) {
        await afterLeavingGroup(req, options, target.id, previousGroup)
      }
      await refreshGroupLabel(req, options, group)
      return { group, previousGroup }
    },
    () => conflict,
  )

  const [source, target] = await Promise.all([
    loadPost(req, options, idOf(args.source)),
    loadPost(req, options, idOf(args.target)),
  ])
  await notifyPostsChanged(options, req, { groups: [outcome.group, outcome.previousGroup], operation: 'update', posts: [source, target] })
  return { group: outcome.group, source: source!, target: target! }
}
