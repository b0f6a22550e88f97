import type { PayloadRequest } from 'payload'

import { NotFound } from 'payload'

import type { ResolvedPolicyPostsOptions } from '../options'
import type { FullPost } from './postData'
import type { ID, Inline, Unit } from './types'

import { createTranslation } from '../translations/createTranslation'
import { assertCanEdit } from '../translations/errors'
import { languageHolder, loadPost } from '../translations/members'
import { computeTranslationStatus } from '../translations/status'
import { inTransaction } from '../translations/transaction'
import { writePostMeta } from '../translations/writePostMeta'
import { relationId } from '../utilities/relationId'
import { checkTargetLanguage, originalOf } from './exportPost'
import { noteTexts, unitsOf } from './postData'
import { readXliff } from './read'
import { citedFootnotes, endnoteNumbers, noteTranslations, translatedFields } from './segments'
import { XliffError } from './types'
import { fileIdOf } from './write'

export interface ImportedXliff {
  created: boolean
  id: ID
  language: string
  slug: null | string
}

/** Adjacent texts merged, so a file's source compares equal however a tool split it. */
function normalize(content: readonly Inline[]): unknown[] {
  const out: unknown[] = []
  for (const item of content) {
    const last = out.at(-1)
    if (item.kind === 'text') {
      if (item.text === '') continue
      if (typeof last === 'string') out[out.length - 1] = last + item.text
      else out.push(item.text)
    } else out.push(item.kind === 'pc' ? { children: normalize(item.children), pc: item.id } : { ph: item.id })
  }
  return out
}

/** Every unit of the current source is in the file with the same source; nothing else is. */
function checkUnits(units: readonly Unit[], file: ReturnType<typeof readXliff>, current: FullPost): Map<string, Inline[]> {
  const changedSince = file.sourceVersion && file.sourceVersion !== current.updatedAt
  const exportAgain = changedSince
    ? `the source post changed after the file was exported (file: ${file.sourceVersion}, now: ${current.updatedAt}); export it again`
    : 'export the post again'
  const read = new Map(file.units.map((unit) => [unit.id, unit]))
  for (const unit of file.units) {
    if (!units.some((candidate) => candidate.id === unit.id)) throw new XliffError(`the current source has no such unit: ${exportAgain}.`, unit.id || '(no id)')
  }
  const targets = new Map<string, Inline[]>()
  for (const unit of units) {
    const entry = read.get(unit.id)
    if (!entry) throw new XliffError(`the unit is missing from the file: ${exportAgain}.`, unit.id)
    if (JSON.stringify(normalize(entry.source)) !== JSON.stringify(normalize(unit.source))) {
      throw new XliffError(`its source differs from the post's current text: ${exportAgain}.`, unit.id)
    }
    if (entry.target) targets.set(unit.id, entry.target)
  }
  return targets
}

/**
 * The footnote each source endnote cites in the translation: the source's own record, or for an
 * explanatory note translated differently, a record with the translated note — the one the
 * existing translation cites at that number (updated when its text differs and it is not the
 * source's), else a new copy of the source's record.
 */
async function resolveNoteRecords(
  req: PayloadRequest,
  options: ResolvedPolicyPostsOptions,
  source: FullPost,
  translation: FullPost | undefined,
  translated: Map<string, string>,
): Promise<Map<string, ID>> {
  const mapping = new Map<string, ID>()
  if (translated.size === 0) return mapping
  const collection = options.slugs.footnotes as 'footnotes'
  const sourceNotes = await noteTexts(req, options, source.content)
  const sourceNumbers = endnoteNumbers(source.content)
  // The translation's footnote at each endnote number, with its id as stored (a number on Postgres).
  const existing = new Map<number, ID>()
  if (translation) {
    const numbers = endnoteNumbers(translation.content)
    for (const id of citedFootnotes(translation.content)) existing.set(numbers.get(String(id))!, id)
  }
  const existingNotes = translation ? await noteTexts(req, options, translation.content) : new Map<string, string>()
  for (const [footnote, text] of translated) {
    if (text === sourceNotes.get(footnote)) continue
    const current = existing.get(sourceNumbers.get(footnote) ?? 0)
    if (current !== undefined && String(current) !== footnote) {
      if (existingNotes.get(String(current)) !== text) {
        await req.payload.update({ collection, data: { note: text }, depth: 0, id: current, overrideAccess: false, req })
      }
      mapping.set(footnote, current)
      continue
    }
    const record = await req.payload.findByID({ collection, depth: 0, id: footnote, overrideAccess: true, req })
    const { createdAt: _c, id: _id, label: _l, updatedAt: _u, ...fields } = record as unknown as Record<string, unknown>
    const copy = await req.payload.create({ collection, data: { ...fields, note: text } as never, depth: 0, overrideAccess: false, req })
    mapping.set(footnote, copy.id)
  }
  return mapping
}

/**
 * Imports a translator's XLIFF file of post `id`: checks that it was made from this post, its
 * language and its current text, that every unit has a target and keeps its codes; then, in one
 * transaction, writes the target-language version as a draft (creating and linking it when
 * there is none) and records the source version it translates. Never publishes.
 */
export async function importXliff(req: PayloadRequest, options: ResolvedPolicyPostsOptions, id: ID, xml: string): Promise<ImportedXliff> {
  const file = readXliff(xml)
  const collection = options.slugs.posts as 'posts'
  return inTransaction(req, options, async () => {
    const source = (await loadPost(req, options, id)) as FullPost | undefined
    if (!source) throw new NotFound(req.t)
    const original = originalOf(options, source.id)
    // Some tools keep only the 2.x file id, which is the same name with "-" for "/".
    const named = file.original || (file.fileId === fileIdOf(original) ? original : file.fileId ?? '')
    if (named !== original) throw new XliffError(`The file was exported from "${named}", not from ${original}.`)
    if (file.sourceLanguage !== source.language) {
      throw new XliffError(`The file's source language is "${file.sourceLanguage}", but the post is in "${source.language}".`)
    }
    const target = file.targetLanguage
    checkTargetLanguage(options, source, target)
    assertCanEdit(req, options, target)

    const units = await unitsOf(req, options, source)
    const targets = checkUnits(units, file, source)
    const notes = noteTranslations(units, targets)
    // Every unit's target and codes are checked before anything is written.
    translatedFields(source, units, targets)

    const group = relationId(source.translationGroup)
    const holder = group === undefined ? undefined : await languageHolder(req, options, group, target)
    const existing = holder ? ((await loadPost(req, options, holder.id)) as FullPost | undefined) : undefined
    const translation = existing ?? ((await createTranslation(req.payload, { language: target, overrideAccess: false, req, source: source.id })) as FullPost)
    const records = await resolveNoteRecords(req, options, source, existing, notes)
    const fields = translatedFields(source, units, targets, (footnote) => records.get(String(footnote)) ?? footnote)
    const saved = await req.payload.update({
      collection,
      data: { ...fields, _status: 'draft' } as never,
      depth: 0,
      draft: true,
      id: translation.id,
      overrideAccess: false,
      req,
    })
    if (String(relationId(translation.translatedFrom)) === String(source.id) && source.updatedAt) {
      const sourceUpdatedAt = source.updatedAt
      const translationStatus = await computeTranslationStatus(req, options, { sourceUpdatedAt, translatedFrom: source.id })
      await writePostMeta(req, options, translation.id, { sourceUpdatedAt, translationStatus })
    }
    return { created: !existing, id: saved.id, language: target, slug: (saved as { slug?: null | string }).slug ?? null }
  })
}
