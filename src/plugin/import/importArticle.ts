import type { Payload, PayloadRequest, RequestContext, TypedUser } from 'payload'

import { commitTransaction, createLocalReq, initTransaction, killTransaction } from 'payload'

import type { LexicalNode } from '../utilities/lexicalBuilders'
import type { ParseProblem } from './types'

import { endnoteNode, paragraphNode, rootNode, textNode } from '../utilities/lexicalBuilders'
import { matchCategory, unknownCategoryWarning } from './matchCategory'
import { parseArticle } from './parseArticle'
import { footnoteData } from './footnoteRecords'
import { getPolicyPostsOptions } from '../utilities/getPolicyPostsOptions'

export interface ImportArticleArgs {
  /** The article as plain text (title, optional category line, key points, body, endnotes). */
  text: string
  /** Language code of the article; one of the plugin's languages. */
  language: string
  /** Import even when the text has problems (they are returned all the same). @default false */
  force?: boolean
  /** Run inside this request (its transaction, user and context). */
  req?: PayloadRequest
  /** Act as this user (access control applies); without `req` or `user` access is not checked. */
  user?: null | TypedUser
  /** Context for the created documents' hooks. */
  context?: RequestContext
}

export type ImportRefused = { ok: false; problems: ParseProblem[] }

export type ImportSucceeded = {
  ok: true
  post: { id: number | string; slug: string }
  created: {
    /** Footnote records created by this import. */
    footnotes: number
    /** Existing footnote records cited again because they have the same URL. */
    reused: number
  }
  /** The parser's problems, imported anyway with `force`. */
  problems: ParseProblem[]
  /** Things the editor should know that did not block the import (e.g. an unknown category). */
  warnings: string[]
}

export type ImportArticleResult = ImportRefused | ImportSucceeded

// Field limits of the posts collection, checked up front so the editor gets a line number.
const TITLE_MAX = 300
const HIGHLIGHT_MAX = 500

const clip = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text)

/**
 * Imports a plain-text article as a DRAFT post in `language`, in one transaction: the
 * endnote list becomes `footnotes` records (a record with the same URL is reused instead of
 * duplicated), the body becomes Lexical paragraphs with inline endnote nodes where the
 * `[i]` markers were, the category line is matched against the categories' names in that
 * language (nothing is created when none matches: see `warnings`), key points become
 * highlights. With problems in the text nothing is written unless `force` is set.
 */
export async function importArticle(payload: Payload, args: ImportArticleArgs): Promise<ImportArticleResult> {
  const options = getPolicyPostsOptions(payload)
  const { slugs } = options
  const language = args.language
  if (!options.languages.some((candidate) => candidate.code === language)) {
    throw new Error(
      `[policy-posts] importArticle: unknown language "${language}"; use one of ${options.languages.map((l) => l.code).join(', ')}`,
    )
  }

  const text = typeof args.text === 'string' ? args.text : ''
  // A binary file read as text (a .docx renamed .txt) would otherwise reach the database.
  if (text.includes('\u0000')) {
    return {
      ok: false,
      problems: [{ line: 1, message: 'Line 1: this is not plain text but a binary file (such as a .docx or PDF); import a .docx as a file' }],
    }
  }
  const parsed = parseArticle(text)
  const problems = [...parsed.problems]
  const sourceLines = text.split(/\r\n|\r|\n/)
  const lineOf = (needle: string): number => {
    const start = needle.slice(0, 40)
    return sourceLines.findIndex((line) => line.replace(/\s+/g, ' ').includes(start)) + 1
  }
  const titleLine = sourceLines.findIndex((line) => line.trim() !== '') + 1
  if (parsed.title.length > TITLE_MAX) {
    problems.push({ line: titleLine, message: `Line ${titleLine}: the title is longer than ${TITLE_MAX} characters` })
  }
  parsed.highlights.forEach((highlight, index) => {
    if (highlight.length > HIGHLIGHT_MAX) {
      const line = lineOf(highlight)
      problems.push({ line, message: `Line ${line}: key point ${index + 1} is longer than ${HIGHLIGHT_MAX} characters` })
    }
  })
  if (parsed.paragraphs.length === 0 && parsed.title) {
    problems.push({ line: titleLine, message: `Line ${titleLine}: the article has a title but no body text` })
  }
  problems.sort((a, b) => a.line - b.line)
  // Without a title there is nothing to import, forced or not.
  if (!parsed.title || (problems.length > 0 && !args.force)) return { ok: false, problems }

  const req = args.req ?? (await createLocalReq({ context: args.context, user: args.user ?? undefined }, payload))
  if (args.req && args.context) Object.assign(req.context, args.context)
  const overrideAccess = !(args.user ?? req.user)
  const ownsTransaction = await initTransaction(req)
  try {
    const warnings: string[] = []
    const notes = new Map(parsed.notes.map((note) => [note.label, note]))
    const footnoteIdOf = new Map<string, number | string>() // label → record
    const byUrl = new Map<string, number | string>()
    const reusedIds = new Set<string>()
    let createdCount = 0

    const resolve = async (label: string): Promise<number | string | undefined> => {
      if (footnoteIdOf.has(label)) return footnoteIdOf.get(label)
      const note = notes.get(label)
      if (!note) return undefined
      const data = footnoteData(note.citation)
      let id: number | string | undefined
      if (data.url) {
        id = byUrl.get(data.url)
        if (id === undefined) {
          const existing = await payload.find({
            collection: slugs.footnotes as 'footnotes',
            depth: 0,
            limit: 1,
            overrideAccess: true,
            pagination: false,
            req,
            select: {},
            sort: 'id',
            where: { url: { equals: data.url } },
          })
          if (existing.docs[0]) {
            id = existing.docs[0].id
            reusedIds.add(String(id))
          }
        }
      }
      if (id === undefined) {
        const created = await payload.create({
          collection: slugs.footnotes as 'footnotes',
          data: data as never,
          depth: 0,
          overrideAccess,
          req,
        })
        id = created.id
        createdCount++
      }
      if (data.url) byUrl.set(data.url, id)
      footnoteIdOf.set(label, id)
      return id
    }

    // Records are made in order of first reference, so ids follow the endnote numbering.
    const children: LexicalNode[] = []
    for (const segments of parsed.paragraphs) {
      const inline: LexicalNode[] = []
      for (const segment of segments) {
        if (segment.type === 'text') inline.push(textNode(segment.text))
        else {
          const id = await resolve(segment.label)
          // A reference without a note (reported as a problem) is left out of the body.
          if (id !== undefined) inline.push(endnoteNode(id))
        }
      }
      if (inline.length > 0) children.push(paragraphNode(inline))
    }

    let category: number | string | undefined
    if (parsed.category) {
      category = await matchCategory(payload, { categoriesSlug: slugs.categories, language, name: parsed.category, req })
      if (category === undefined) warnings.push(unknownCategoryWarning(parsed.category, language))
    }

    const post = await payload.create({
      collection: slugs.posts as 'posts',
      data: {
        _status: 'draft',
        ...(category !== undefined && { category }),
        content: rootNode(children) as never,
        highlights: parsed.highlights.map((text) => ({ text: clip(text, HIGHLIGHT_MAX) })),
        language,
        title: clip(parsed.title, TITLE_MAX),
      } as never,
      depth: 0,
      draft: true,
      overrideAccess,
      req,
    })
    if (ownsTransaction) await commitTransaction(req)
    return {
      created: { footnotes: createdCount, reused: reusedIds.size },
      ok: true,
      post: { id: post.id, slug: String((post as { slug?: unknown }).slug ?? '') },
      problems,
      warnings,
    }
  } catch (error) {
    if (ownsTransaction) await killTransaction(req)
    throw error
  }
}
