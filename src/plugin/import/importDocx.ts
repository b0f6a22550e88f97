import type { Payload } from 'payload'

import type { ResolvedPolicyPostsOptions } from '../options'
import type { ImportRefused, ImportSucceeded } from './importArticle'
import type { ImportCaller } from './importTransaction'
import type { DocxArticle } from './docx/types'
import type { ParsedCitation, ParseProblem } from './types'

import { getPolicyPostsOptions } from '../utilities/getPolicyPostsOptions'
import { rootNode } from '../utilities/lexicalBuilders'
import { blocksToLexical } from './docx/blocksToLexical'
import { DocxImportError } from './docx/DocxImportError'
import { docxToHtml, type DocxImage } from './docx/docxToHtml'
import { htmlToDocument } from './docx/htmlToDocument'
import { blockText } from './docx/inlineText'
import { parseDocx } from './docx/parseDocx'
import { sniffFile } from './docx/sniffFile'
import { createDraftPost, HIGHLIGHT_MAX, TITLE_MAX } from './createDraftPost'
import { footnoteResolver } from './footnoteRecords'
import { assertImportLanguage } from './importLanguage'
import { inImportTransaction } from './importTransaction'

export interface ImportDocxArgs extends ImportCaller {
  /** The .docx file's bytes. */
  file: Uint8Array
  /** Language code of the article; one of the plugin's languages. */
  language: string
  /** Import even when the document has problems. @default false */
  force?: boolean
  /** Only read the document and report what would be created; nothing is written. @default false */
  preview?: boolean
}

export type SkippedImage = { index: number; alt?: string; reason: string }

export type DocxImportSucceeded = ImportSucceeded & {
  media: { created: number; skipped: SkippedImage[] }
}

/** What an import of the document would create; returned by `preview`. */
export type DocxPreview = {
  ok: true
  preview: true
  title: string
  category?: string
  highlights: string[]
  body: { headings: number; paragraphs: number; lists: number; quotes: number }
  notes: { name: string; citation: ParsedCitation }[]
  images: { index: number; alt?: string; skipped?: string }[]
  problems: ParseProblem[]
}

export type ImportDocxResult = DocxImportSucceeded | DocxPreview | ImportRefused

// Formats sharp (and so the media collection) can read; Word's vector EMF/WMF are not among them.
const IMAGE_TYPES = new Set(['image/avif', 'image/gif', 'image/jpeg', 'image/png', 'image/svg+xml', 'image/tiff', 'image/webp'])

const megabytes = (bytes: number): string =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(2).replace(/\.?0+$/, '')} MB` : `${Math.ceil(bytes / 1024)} KB`

/** Refuses files that are not a readable .docx, with the reason in words. */
export function checkDocxFile(file: Uint8Array, options: ResolvedPolicyPostsOptions): void {
  const limit = options.articleImport.maxFileBytes
  if (file.byteLength > limit) {
    throw new DocxImportError('too-large', `The file is ${megabytes(file.byteLength)}; files up to ${megabytes(limit)} can be imported.`)
  }
  const kind = sniffFile(file)
  if (kind === 'encrypted-docx') {
    throw new DocxImportError('encrypted', 'The .docx file is password-protected; remove the password in Word (File › Info › Protect Document) and import it again.')
  }
  if (kind === 'ole') {
    throw new DocxImportError('legacy-doc', 'This is an old Word 97–2003 (.doc) file, not a .docx; save it as .docx in Word or LibreOffice and import that.')
  }
  if (kind !== 'zip') {
    throw new DocxImportError('not-docx', `The file is not a .docx (Word) document: it is ${kind === 'text' ? 'plain text' : 'a binary file of another kind'}.`)
  }
}

function imageVerdicts(images: DocxImage[]): Map<number, string | undefined> {
  return new Map(
    images.map((image) => [
      image.index,
      !IMAGE_TYPES.has(image.contentType)
        ? `its format (${image.contentType}) cannot be stored as media`
        : !image.alt
          ? 'it has no alt text (add a description in Word: right-click › Edit Alt Text)'
          : undefined,
    ]),
  )
}

function bodySummary(article: DocxArticle): DocxPreview['body'] {
  // A paragraph holding only an image is listed under images, not counted as text.
  const count = (type: string) => article.body.filter((block) => block.type === type && blockText(block) !== '').length
  return { headings: count('heading'), lists: count('list'), paragraphs: count('paragraph'), quotes: count('quote') }
}

/**
 * Imports a Word .docx as a DRAFT post in `language`, in one transaction: Word footnotes and
 * endnotes (or a typed `[i]` note list) become endnote nodes where they are cited and
 * `footnotes` records (reused by URL or by title + outlet), images with alt text become
 * `media`, key points under a highlights heading become highlights. A file that is not a
 * readable .docx, too large or with more notes than `maxEndnotes` is refused with a
 * `DocxImportError` before anything is written.
 */
export async function importDocx(payload: Payload, args: ImportDocxArgs): Promise<ImportDocxResult> {
  const options = getPolicyPostsOptions(payload)
  const { slugs } = options
  const language = args.language
  assertImportLanguage(options, language, 'importDocx')
  checkDocxFile(args.file, options)
  const { html, images } = await docxToHtml(Buffer.from(args.file))
  const headings = options.articleImport.highlightsHeadings
  const article = parseDocx(htmlToDocument(html), {
    highlightsHeadings: headings[language] ?? Object.values(headings).flat(),
  })
  if (article.notes.length > options.maxEndnotes) {
    throw new DocxImportError('too-many-notes', `The document has ${article.notes.length} notes; a post may cite at most ${options.maxEndnotes}.`)
  }

  const problems = [...article.problems]
  if (article.title.length > TITLE_MAX) problems.push({ line: 1, message: `The title is longer than ${TITLE_MAX} characters` })
  article.highlights.forEach((text, index) => {
    if (text.length > HIGHLIGHT_MAX) problems.push({ line: 0, message: `Key point ${index + 1} is longer than ${HIGHLIGHT_MAX} characters` })
  })
  const verdicts = imageVerdicts(images)

  if (args.preview) {
    return {
      body: bodySummary(article),
      ...(article.category !== undefined && { category: article.category }),
      highlights: article.highlights,
      images: images.map(({ alt, index }) => ({ alt, index, ...(verdicts.get(index) && { skipped: verdicts.get(index) }) })),
      notes: article.notes.map(({ citation, name }) => ({ citation, name })),
      ok: true,
      preview: true,
      problems,
      title: article.title,
    }
  }
  if (!article.title || (problems.length > 0 && !args.force)) return { ok: false, problems }

  return inImportTransaction(payload, args, async (req, overrideAccess): Promise<DocxImportSucceeded> => {
    // Records are made in order of first reference, so ids follow the endnote numbering.
    const footnotes = footnoteResolver(payload, { footnotesSlug: slugs.footnotes, overrideAccess, req })
    const footnoteIds = new Map<string, number | string>()
    for (const note of article.notes) {
      if (Object.keys(note.citation).length > 0) footnoteIds.set(note.key, await footnotes.resolve(note.citation))
    }

    const mediaIds = new Map<number, number | string>()
    const skipped: SkippedImage[] = []
    for (const image of images) {
      const reason = verdicts.get(image.index)
      if (reason) {
        skipped.push({ index: image.index, ...(image.alt && { alt: image.alt }), reason })
        continue
      }
      const extension = image.contentType.split('/')[1].replace('svg+xml', 'svg').replace('jpeg', 'jpg')
      const created = await payload.create({
        collection: slugs.media as 'media',
        data: { alt: image.alt!.slice(0, 300) } as never,
        depth: 0,
        file: { data: image.data, mimetype: image.contentType, name: `docx-image-${Date.now()}-${image.index}.${extension}`, size: image.data.length },
        locale: language as never,
        overrideAccess,
        req,
      })
      mediaIds.set(image.index, created.id)
    }

    const content = rootNode(
      blocksToLexical(article.body, {
        footnoteOf: (key) => footnoteIds.get(key),
        mediaOf: (index) => mediaIds.get(index),
        mediaSlug: slugs.media,
      }),
    )
    const { post, warnings } = await createDraftPost(
      payload,
      { categoriesSlug: slugs.categories, overrideAccess, postsSlug: slugs.posts, req },
      { category: article.category, content, highlights: article.highlights.slice(0, 5), language, title: article.title },
    )
    return {
      created: { footnotes: footnotes.created(), reused: footnotes.reused() },
      media: { created: mediaIds.size, skipped },
      ok: true,
      post,
      problems,
      warnings: [
        ...skipped.map((image) => `Image ${image.index}${image.alt ? ` ("${image.alt}")` : ''} was skipped: ${image.reason}.`),
        ...warnings,
      ],
    }
  })
}
