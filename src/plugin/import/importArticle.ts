import type { Payload } from 'payload'

import type { LexicalNode } from '../utilities/lexicalBuilders'
import type { ImportCaller } from './importTransaction'
import type { ParseProblem } from './types'

import { getPolicyPostsOptions } from '../utilities/getPolicyPostsOptions'
import { endnoteNode, paragraphNode, rootNode, textNode } from '../utilities/lexicalBuilders'
import { createDraftPost, HIGHLIGHT_MAX, TITLE_MAX } from './createDraftPost'
import { footnoteResolver } from './footnoteRecords'
import { assertImportLanguage } from './importLanguage'
import { inImportTransaction } from './importTransaction'
import { parseArticle } from './parseArticle'

export interface ImportArticleArgs extends ImportCaller {
  /** The article as plain text (title, optional category line, key points, body, endnotes). */
  text: string
  /** Language code of the article; one of the plugin's languages. */
  language: string
  /** Import even when the text has problems (they are returned all the same). @default false */
  force?: boolean
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
  assertImportLanguage(options, language, 'importArticle')

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

  return inImportTransaction(payload, args, async (req, overrideAccess): Promise<ImportSucceeded> => {
    const notes = new Map(parsed.notes.map((note) => [note.label, note]))
    const footnoteIdOf = new Map<string, number | string>() // label → record
    const footnotes = footnoteResolver(payload, { footnotesSlug: slugs.footnotes, overrideAccess, req })
    const resolve = async (label: string): Promise<number | string | undefined> => {
      if (footnoteIdOf.has(label)) return footnoteIdOf.get(label)
      const note = notes.get(label)
      if (!note) return undefined
      const id = await footnotes.resolve(note.citation, { urlOnly: true })
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

    const { post, warnings } = await createDraftPost(
      payload,
      { categoriesSlug: slugs.categories, overrideAccess, postsSlug: slugs.posts, req },
      { category: parsed.category, content: rootNode(children), highlights: parsed.highlights, language, title: parsed.title },
    )
    return {
      created: { footnotes: footnotes.created(), reused: footnotes.reused() },
      ok: true,
      post,
      problems,
      warnings,
    }
  })
}
