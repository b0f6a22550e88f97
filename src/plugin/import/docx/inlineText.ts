import type { Block, Inline } from './types'

/** The visible text of inline content (notes and images count as nothing). */
export function inlineText(inline: Inline[]): string {
  return inline
    .map((item) => (item.type === 'text' ? item.text : item.type === 'link' ? inlineText(item.children) : ''))
    .join('')
}

export const squash = (text: string): string => text.replace(/[\s\u00A0\u200B]+/g, ' ').trim()

/** The block's text, squashed; a list gives its items' texts joined by spaces. */
export function blockText(block: Block): string {
  if (block.type === 'list') return squash(block.items.map((item) => inlineText(item.inline)).join(' '))
  return squash(inlineText(block.inline))
}

/** True when the block has something to keep: text, a note reference or an image. */
export function hasContent(block: Block): boolean {
  if (block.type === 'list') return block.items.some((item) => hasInlineContent(item.inline) || item.lists.some(hasContent))
  return hasInlineContent(block.inline)
}

function hasInlineContent(inline: Inline[]): boolean {
  return inline.some((item) =>
    item.type === 'text' ? item.text.trim() !== '' : item.type === 'link' ? hasInlineContent(item.children) : true,
  )
}
