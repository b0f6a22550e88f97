import type { PayloadRequest } from 'payload'

import { diffWords } from 'diff'
import { NotFound } from 'payload'

import type { ResolvedPolicyPostsOptions } from '../options'
import type { FullPost } from '../xliff/postData'
import type { CompareData, CompareRow } from './types'

import { canEditLanguage } from '../access/canEditLanguage'
import { groupMembers, loadPost } from '../translations/members'
import { relationId } from '../utilities/relationId'
import { plainText } from '../xliff/inline'
import { sourceAsTranslated, unitsOf } from '../xliff/postData'
import { prefillTargets } from '../xliff/prefill'

/**
 * A translation beside its source, unit by unit (aligned as the XLIFF export aligns them), with
 * each source unit changed since the translation was made shown as a word diff of the source
 * version at `sourceUpdatedAt` (from Payload's versions) against the current one. For an
 * original, the list of its translations instead.
 */
export async function compareTranslation(req: PayloadRequest, options: ResolvedPolicyPostsOptions, id: number | string): Promise<CompareData> {
  const translation = (await loadPost(req, options, id)) as FullPost | undefined
  if (!translation) throw new NotFound(req.t)
  const head = {
    canEdit: canEditLanguage(req.user, translation.language),
    id: translation.id,
    language: translation.language ?? '',
    title: translation.title ?? '',
    translationStatus: translation.translationStatus ?? 'source',
  }
  const sourceId = relationId(translation.translatedFrom)
  const source = sourceId === undefined ? undefined : ((await loadPost(req, options, sourceId)) as FullPost | undefined)
  if (!source) {
    const group = relationId(translation.translationGroup)
    const members = group === undefined ? [] : await groupMembers(req, options, group)
    return {
      knownVersion: true,
      rows: [],
      translation: head,
      translations: members
        .filter((member) => String(relationId(member.translatedFrom)) === String(translation.id))
        .map((member) => ({ id: member.id, language: member.language ?? '', title: member.title ?? '' })),
    }
  }
  const before = await sourceAsTranslated(req, options, source, translation)
  const units = await unitsOf(req, options, source)
  const previous = before === source ? units : before ? await unitsOf(req, options, before) : undefined
  const aligned = prefillTargets(units, previous, await unitsOf(req, options, translation))
  const rows = aligned.map((unit): CompareRow => {
    const text = plainText(unit.source, unit.codes)
    const changed = previous !== undefined && unit.changed === true && (unit.previousSource !== undefined || !unit.target)
    return {
      changed,
      context: unit.context,
      diff: changed ? diffWords(unit.previousSource ?? '', text).map(({ added, removed, value }) => ({ ...(added ? { added } : {}), ...(removed ? { removed } : {}), value })) : undefined,
      id: unit.id,
      source: text,
      translation: unit.target ? plainText(unit.target, unit.codes) : undefined,
    }
  })
  return {
    knownVersion: previous !== undefined,
    rows,
    source: { id: source.id, language: source.language ?? '', title: source.title ?? '', updatedAt: source.updatedAt ?? undefined },
    sourceUpdatedAt: translation.sourceUpdatedAt ?? undefined,
    translation: head,
  }
}
