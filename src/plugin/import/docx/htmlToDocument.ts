import { DOMParser } from '@xmldom/xmldom'

import type { Block, DocxDocument, Inline, ListBlock, ListItem, WordNote } from './types'

import { IMAGE_SRC_PREFIX } from './docxToHtml'
import { FORMAT } from './types'

// xmldom's node types, narrowed to what mammoth writes.
type DomNode = { nodeType: number; nodeName: string; nodeValue: null | string; childNodes: ArrayLike<DomNode> }
type DomElement = DomNode & {
  getAttribute: (name: string) => null | string
  removeChild: (child: DomNode) => void
  tagName: string
}

const ELEMENT = 1
const TEXT = 3

const INLINE_FORMAT: Record<string, number> = {
  b: FORMAT.bold,
  sup: FORMAT.superscript,
  code: FORMAT.code,
  em: FORMAT.italic,
  i: FORMAT.italic,
  s: FORMAT.strikethrough,
  strong: FORMAT.bold,
  sub: FORMAT.subscript,
  u: FORMAT.underline,
}

const NOTE_HREF = /^#((footnote|endnote)-(\d+))$/
const NOTE_ID = /^(footnote|endnote)-(\d+)$/
// Characters XML 1.0 forbids; a stray one in a Word run must not make the whole file unreadable.
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g

const children = (node: DomNode): DomNode[] => Array.from(node.childNodes)
const isElement = (node: DomNode): node is DomElement => node.nodeType === ELEMENT
const tag = (node: DomElement): string => node.tagName.toLowerCase()

/** The plain text of an element, without note back-links ("↑"). */
function textOf(node: DomNode): string {
  if (node.nodeType === TEXT) return node.nodeValue ?? ''
  if (!isElement(node)) return ''
  if (tag(node) === 'a') {
    const href = node.getAttribute('href') ?? ''
    if (/^#(?:footnote|endnote)-ref-/.test(href)) return ''
    const text = children(node).map(textOf).join('')
    // A note whose link text is not the address ("CEPA") keeps the address for the citation parser.
    return /^https?:/i.test(href) && !text.includes(href) ? `${text} ${href}` : text
  }
  if (tag(node) === 'br') return ' '
  const inner = children(node).map(textOf).join('')
  return tag(node) === 'p' || tag(node) === 'li' ? ` ${inner} ` : inner
}

function inlineOf(node: DomNode, format: number, out: Inline[]): void {
  if (node.nodeType === TEXT) {
    const text = node.nodeValue ?? ''
    if (text) out.push({ format, text, type: 'text' })
    return
  }
  if (!isElement(node)) return
  const name = tag(node)
  if (name === 'br') {
    out.push({ format, text: '\n', type: 'text' })
    return
  }
  if (name === 'img') {
    const src = node.getAttribute('src') ?? ''
    if (src.startsWith(IMAGE_SRC_PREFIX)) out.push({ index: Number(src.slice(IMAGE_SRC_PREFIX.length)), type: 'image' })
    return
  }
  if (name === 'a') {
    const href = node.getAttribute('href') ?? ''
    const note = NOTE_HREF.exec(href)
    if (note) {
      out.push({ key: note[1], type: 'note' })
      return
    }
    const inner: Inline[] = []
    for (const child of children(node)) inlineOf(child, format, inner)
    // Bookmarks (<a id>) and internal anchors carry no link the editor can keep.
    if (/^(https?:|mailto:)/i.test(href)) out.push({ children: inner, type: 'link', url: href })
    else out.push(...inner)
    return
  }
  // mammoth wraps note references in <sup>: the reference becomes a note, other text superscript.
  const bit = INLINE_FORMAT[name] ?? 0
  for (const child of children(node)) inlineOf(child, format | bit, out)
}

function inlines(node: DomNode): Inline[] {
  const out: Inline[] = []
  for (const child of children(node)) inlineOf(child, 0, out)
  return out
}

function listOf(node: DomElement): ListBlock {
  const items: ListItem[] = []
  for (const li of children(node)) {
    if (!isElement(li) || tag(li) !== 'li') continue
    const item: ListItem = { inline: [], lists: [] }
    for (const child of children(li)) {
      if (isElement(child) && (tag(child) === 'ul' || tag(child) === 'ol')) item.lists.push(listOf(child))
      else if (isElement(child) && tag(child) === 'p') {
        if (item.inline.length > 0) item.inline.push({ format: 0, text: ' ', type: 'text' })
        item.inline.push(...inlines(child))
      } else inlineOf(child, 0, item.inline)
    }
    items.push(item)
  }
  return { items, ordered: tag(node) === 'ol', type: 'list' }
}

function blocksOf(node: DomNode, out: Block[]): void {
  for (const child of children(node)) {
    if (child.nodeType === TEXT) {
      if ((child.nodeValue ?? '').trim()) out.push({ inline: [{ format: 0, text: child.nodeValue ?? '', type: 'text' }], type: 'paragraph' })
      continue
    }
    if (!isElement(child)) continue
    const name = tag(child)
    const heading = /^h([1-6])$/.exec(name)
    if (heading) {
      out.push({ inline: inlines(child), isTitle: (child.getAttribute('class') ?? '').split(' ').includes('title'), level: Number(heading[1]), type: 'heading' })
    } else if (name === 'p') out.push({ inline: inlines(child), type: 'paragraph' })
    else if (name === 'blockquote') {
      for (const inner of children(child)) {
        if (isElement(inner) && tag(inner) === 'p') out.push({ inline: inlines(inner), type: 'quote' })
      }
    } else if (name === 'ul' || name === 'ol') out.push(listOf(child))
    // Tables have no place in the post body: each cell's paragraphs are kept as paragraphs.
    else blocksOf(child, out)
  }
}

/**
 * Reads mammoth's HTML into body blocks and Word notes. mammoth appends the notes as one
 * `<ol>` whose items have ids `footnote-N` / `endnote-N`; that list is taken out of the body.
 */
export function htmlToDocument(html: string): DocxDocument {
  const doc = new DOMParser({ errorHandler: { warning: () => undefined } }).parseFromString(
    `<body>${html.replace(XML_INVALID, '')}</body>`,
    'text/xml',
  ) as unknown as { documentElement: DomElement }
  const body = doc.documentElement
  const notes = new Map<string, WordNote>()
  const bodyChildren = children(body)
  const last = bodyChildren[bodyChildren.length - 1]
  const noteItems =
    last && isElement(last) && tag(last) === 'ol'
      ? children(last).filter((li): li is DomElement => isElement(li) && NOTE_ID.test(li.getAttribute('id') ?? ''))
      : []
  if (noteItems.length > 0) {
    for (const li of noteItems) {
      const id = NOTE_ID.exec(li.getAttribute('id') ?? '')!
      notes.set(id[0], {
        key: id[0],
        kind: id[1] as WordNote['kind'],
        number: Number(id[2]),
        text: textOf(li).replace(/\s+/g, ' ').trim(),
      })
    }
    body.removeChild(last)
  }
  const blocks: Block[] = []
  blocksOf(body, blocks)
  return { blocks, notes }
}
