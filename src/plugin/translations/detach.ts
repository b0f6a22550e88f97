import type { PayloadRequest } from 'payload'

import type { ResolvedPolicyPostsOptions } from '../options'
import type { ID } from '../utilities/id'

import { relationId } from '../utilities/relationId'
import { deleteGroupIfEmpty } from './groups'
import { groupMembers } from './members'
import { writePostMeta } from './writePostMeta'

/**
 * Tidies a group a post has just left (unlinked, moved or deleted): the versions that were
 * translated from it no longer follow it (they become originals of their own), and a group
 * left with no posts is deleted; otherwise its label is refreshed.
 */
export async function afterLeavingGroup(
  req: PayloadRequest,
  options: ResolvedPolicyPostsOptions,
  postId: ID,
  group: ID,
): Promise<void> {
  const members = await groupMembers(req, options, group)
  for (const member of members) {
    if (String(member.id) === String(postId)) continue
    const from = relationId(member.translatedFrom)
    // Also catches a pointer the database already cleared when the source was deleted.
    if ((from !== undefined && String(from) === String(postId)) || (from === undefined && member.translationStatus !== 'source')) {
      await writePostMeta(req, options, member.id, { sourceUpdatedAt: null, translatedFrom: null, translationStatus: 'source' })
    }
  }
  await deleteGroupIfEmpty(req, options, group)
}
