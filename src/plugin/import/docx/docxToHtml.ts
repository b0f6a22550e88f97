import mammoth from 'mammoth'

import { DocxImportError } from './DocxImportError'

export type DocxImage = {
  /** 1-based position among the document's images. */
  index: number
  /** The image's description (Word's "alt text"), if any. */
  alt?: string
  contentType: string
  data: Buffer
}

export type DocxHtml = {
  html: string
  images: DocxImage[]
  /** mammoth's warnings (unknown styles and the like); informational only. */
  messages: string[]
}

// Word's and LibreOffice's style names for titles and block quotes; mammoth maps headings itself.
const STYLE_MAP = [
  "p[style-name='Title'] => h1.title:fresh",
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
  "p[style-name='Block Text'] => blockquote > p:fresh",
  "p[style-name='Quotations'] => blockquote > p:fresh",
  "p[style-name='Alıntı'] => blockquote > p:fresh",
  // mammoth leaves underlining out by default; the editor has it.
  'u => u',
  'strike => s',
]

/** src of an image in the HTML: `docx-image:N`, N its index in `images`. */
export const IMAGE_SRC_PREFIX = 'docx-image:'

/**
 * Converts a .docx to HTML with mammoth: footnote and endnote references become
 * `<a href="#footnote-N">` / `<a href="#endnote-N">` links and the notes an `<ol>` at the end,
 * tracked insertions are kept and deletions dropped, comments left out. Images are collected
 * with their alt text instead of being inlined.
 */
export async function docxToHtml(buffer: Buffer): Promise<DocxHtml> {
  const images: DocxImage[] = []
  const convertImage = mammoth.images.imgElement(async (image) => {
    const index = images.length + 1
    const alt = (image as { altText?: string }).altText?.trim()
    images.push({ alt: alt || undefined, contentType: image.contentType, data: await image.readAsBuffer(), index })
    return { src: `${IMAGE_SRC_PREFIX}${index}` }
  })
  try {
    const result = await mammoth.convertToHtml({ buffer }, { convertImage, externalFileAccess: false, styleMap: STYLE_MAP })
    return { html: result.value, images, messages: result.messages.map((message) => message.message) }
  } catch (error) {
    throw new DocxImportError(
      'corrupt',
      `The .docx file cannot be read (${(error as Error).message.split('\n')[0]}); it may be damaged or incomplete. Open it in Word or LibreOffice and save it again.`,
    )
  }
}
