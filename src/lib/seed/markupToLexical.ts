import type { LexicalNode, LexicalRoot } from 'payload-policy-posts'

import {
  endnoteNode,
  headingNode,
  listNode,
  paragraphNode,
  quoteNode,
  rootNode,
  textNode,
} from 'payload-policy-posts'

const INLINE = /\[\[fn:([\w-]+)\]\]|\*\*(.+?)\*\*|\*(.+?)\*/g

/** Inline markup of the demo texts: `[[fn:key]]` endnotes, `**bold**`, `*italic*`. */
function inlineToLexical(text: string, footnoteId: (key: string) => number | string): LexicalNode[] {
  const nodes: LexicalNode[] = []
  let last = 0
  for (const match of text.matchAll(INLINE)) {
    if (match.index > last) nodes.push(textNode(text.slice(last, match.index)))
    if (match[1]) nodes.push(endnoteNode(footnoteId(match[1])))
    else if (match[2]) nodes.push(textNode(match[2], { bold: true }))
    else if (match[3]) nodes.push(textNode(match[3], { italic: true }))
    last = match.index + match[0].length
  }
  if (last < text.length) nodes.push(textNode(text.slice(last)))
  return nodes
}

/** Blocks: `## ` heading, `> ` quote, `- ` bullet lines, otherwise a paragraph. */
export function markupToLexical(blocks: string[], footnoteId: (key: string) => number | string): LexicalRoot {
  const children = blocks.map((block) => {
    const trimmed = block.trim()
    if (trimmed.startsWith('## ')) return headingNode('h2', inlineToLexical(trimmed.slice(3), footnoteId))
    if (trimmed.startsWith('> ')) return quoteNode(inlineToLexical(trimmed.slice(2), footnoteId))
    if (trimmed.startsWith('- ')) {
      const items = trimmed.split('\n').map((line) => inlineToLexical(line.replace(/^-\s+/, ''), footnoteId))
      return listNode(items)
    }
    return paragraphNode(inlineToLexical(trimmed, footnoteId))
  })
  return rootNode(children)
}
