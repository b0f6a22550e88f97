import type { PayloadRequest } from 'payload'

import { NotFound } from 'payload'

import type { ResolvedPolicyPostsOptions } from '../options'
import type { ID, XliffVersion } from './types'
import type { FullPost } from './postData'

import { assertCanEdit } from '../translations/errors'
import { languageHolder, loadPost } from '../translations/members'
import { relationId } from '../utilities/relationId'
import { sourceAsTranslated, unitsOf } from './postData'
import { prefillTargets } from './prefill'
import { XliffError } from './types'
import { writeXliff } from './write'

export interface ExportedXliff {
  filename: string
  xml: string
}

/** The `original` a file names: `<posts slug>/<id>`; the import checks it. */
export const originalOf = (options: ResolvedPolicyPostsOptions, id: ID): string => `${options.slugs.posts}/${String(id)}`

/** Checks that `target` is a configured language other than the post's own. */
export function checkTargetLanguage(options: ResolvedPolicyPostsOptions, post: FullPost, target: string): void {
  if (!options.languages.some((language) => language.code === target)) {
    throw new XliffError(`"${target}" is not one of this site's languages (${options.languages.map((language) => language.code).join(', ')}).`)
  }
  if (target === post.language) throw new XliffError(`The post is already in "${target}"; choose another target language.`)
}

/**
 * The XLIFF file of post `id` for translation into `target`: every unit of the current source
 * (its latest version), targets pre-filled from the existing translation in that language,
 * units changed since that translation was made marked for review.
 */
export async function exportXliff(
  req: PayloadRequest,
  options: ResolvedPolicyPostsOptions,
  id: ID,
  target: string,
  version: XliffVersion,
): Promise<ExportedXliff> {
  const source = (await loadPost(req, options, id)) as FullPost | undefined
  if (!source) throw new NotFound(req.t)
  checkTargetLanguage(options, source, target)
  assertCanEdit(req, options, target)
  const units = await unitsOf(req, options, source)

  const group = relationId(source.translationGroup)
  const holder = group === undefined ? undefined : await languageHolder(req, options, group, target)
  const translation = holder ? ((await loadPost(req, options, holder.id)) as FullPost | undefined) : undefined
  let exported = units.map((unit) => ({ ...unit }))
  if (translation) {
    const before = await sourceAsTranslated(req, options, source, translation)
    const previous = before === source ? units : before ? await unitsOf(req, options, before) : undefined
    exported = prefillTargets(units, previous, await unitsOf(req, options, translation))
  }
  const xml = writeXliff({
    original: originalOf(options, source.id),
    sourceLanguage: source.language ?? '',
    sourceVersion: source.updatedAt ?? undefined,
    targetLanguage: target,
    units: exported,
    version,
  })
  const name = source.slug || `post-${String(source.id)}`
  return { filename: `${name}.${source.language ?? 'src'}-${target}${version === '1.2' ? '.xliff12' : ''}.xlf`, xml }
}
