import { randomBytes } from 'node:crypto'

import type { LexicalNode } from '../../utilities/lexicalBuilders'
import type { Block, Inline, ListBlock } from './types'

import { elementNode, endnoteNode, formattedTextNode, headingNode, linkNode, paragraphNode, quoteNode } from '../../utilities/lexicalBuilders'

export type LexicalTargets = {
  /** The footnote record of a note key ('footnote-3', 'typed-iv'); undefined leaves it out. */
  footnoteOf: (key: string) => number | string | undefined
  /** The media record of an image by index; undefined for a skipped image. */
  mediaOf: (index: number) => number | string | undefined
  mediaSlug: string
}

type Converted = { inline: LexicalNode[]; images: LexicalNode[] }

function convertInline(inline: Inline[], targets: LexicalTargets, out: Converted): void {
  for (const item of inline) {
    if (item.type === 'text') {
      const parts = item.text.split('\n')
      parts.forEach((part, i) => {
        if (i > 0) out.inline.push({ type: 'linebreak', version: 1 })
        if (!part) return
        const prev = out.inline[out.inline.length - 1]
        // Word splits text into many runs of the same format; one node per format change is enough.
        if (prev?.type === 'text' && prev.format === item.format) prev.text = `${prev.text as string}${part}`
        else out.inline.push(formattedTextNode(part, item.format))
      })
    } else if (item.type === 'link') {
      const inner: Converted = { images: out.images, inline: [] }
      convertInline(item.children, targets, inner)
      if (inner.inline.length > 0) {
        out.inline.push(linkNode(item.url, inner.inline))
      }
    } else if (item.type === 'image') {
      const id = targets.mediaOf(item.index)
      if (id !== undefined) {
        out.images.push({ fields: null, format: '', id: randomBytes(12).toString('hex'), relationTo: targets.mediaSlug, type: 'upload', value: id, version: 3 })
      }
    } else {
      const id = targets.footnoteOf(item.type === 'note' ? item.key : `typed-${item.label}`)
      if (id !== undefined) out.inline.push(endnoteNode(id))
    }
  }
}

// Spaces Word leaves at the start or end of a paragraph are not content.
function trimEnds(nodes: LexicalNode[]): LexicalNode[] {
  const first = nodes[0]
  if (first?.type === 'text') first.text = (first.text as string).trimStart()
  const last = nodes[nodes.length - 1]
  if (last?.type === 'text') last.text = (last.text as string).trimEnd()
  return nodes.filter((node) => node.type !== 'text' || node.text !== '')
}

function convert(inline: Inline[], targets: LexicalTargets): Converted {
  const out: Converted = { images: [], inline: [] }
  convertInline(inline, targets, out)
  out.inline = trimEnds(out.inline)
  return out
}

function listNode(list: ListBlock, targets: LexicalTargets, images: LexicalNode[]): LexicalNode {
  const listType = list.ordered ? 'number' : 'bullet'
  const items: LexicalNode[] = []
  for (const item of list.items) {
    const converted = convert(item.inline, targets)
    images.push(...converted.images)
    if (converted.inline.length > 0 || item.lists.length === 0) {
      items.push(elementNode('listitem', converted.inline, { value: items.length + 1 }))
    }
    // Lexical nests a list as a list item holding only that list.
    for (const sub of item.lists) items.push(elementNode('listitem', [listNode(sub, targets, images)], { value: items.length + 1 }))
  }
  return elementNode('list', items, { listType, start: 1, tag: list.ordered ? 'ol' : 'ul' })
}

/**
 * Lexical nodes for the post body, as the admin editor saves them: h1/h2 become h2, deeper
 * headings h3; images are placed as upload nodes after the block they were in (the editor has
 * no inline images).
 */
export function blocksToLexical(blocks: Block[], targets: LexicalTargets): LexicalNode[] {
  const nodes: LexicalNode[] = []
  for (const block of blocks) {
    if (block.type === 'list') {
      const images: LexicalNode[] = []
      nodes.push(listNode(block, targets, images), ...images)
      continue
    }
    const { images, inline } = convert(block.inline, targets)
    if (inline.length > 0) {
      if (block.type === 'heading') nodes.push(headingNode(block.level <= 2 ? 'h2' : 'h3', inline))
      else if (block.type === 'quote') nodes.push(quoteNode(inline))
      else nodes.push(paragraphNode(inline))
    }
    nodes.push(...images)
  }
  return nodes
}
