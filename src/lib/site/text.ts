/** Plain-text helpers over Lexical JSON and post records (reading time, excerpts). */

type LexicalLike = { children?: unknown; text?: unknown; type?: unknown }

const BLOCK_TYPES = new Set(['heading', 'listitem', 'paragraph', 'quote', 'tablecell'])

/** The visible words of a Lexical document, blocks separated by blank lines. */
export function lexicalToPlainText(state: unknown): string {
  const root = (state as { root?: unknown } | null)?.root
  if (!root || typeof root !== 'object') return ''
  const out: string[] = []
  const stack: unknown[] = [root]
  while (stack.length > 0) {
    const node = stack.pop() as LexicalLike | string | undefined
    if (typeof node === 'string') {
      out.push(node)
      continue
    }
    if (!node || typeof node !== 'object') continue
    if (typeof node.text === 'string') out.push(node.text)
    if (node.type === 'linebreak') out.push('\n')
    if (Array.isArray(node.children)) {
      if (BLOCK_TYPES.has(String(node.type))) stack.push('\n\n')
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i])
    }
  }
  return out.join('').replace(/\n{3,}/g, '\n\n').trim()
}

/** Shortens text at a word boundary, adding an ellipsis. */
export function truncate(text: string, max = 220): string {
  const clean = text.replace(/\s+/g, ' ').trim()
  if (clean.length <= max) return clean
  const cut = clean.slice(0, max + 1)
  const space = cut.lastIndexOf(' ')
  return `${(space > max * 0.6 ? cut.slice(0, space) : clean.slice(0, max)).replace(/[\s,.;:–—-]+$/, '')}…`
}

/** The teaser of a post: its meta description, else its first highlight. */
export function postExcerpt(post: {
  highlights?: { text?: null | string }[] | null
  meta?: { description?: null | string } | null
}): string {
  const text = post.meta?.description || post.highlights?.find((h) => h?.text)?.text || ''
  return truncate(text)
}
