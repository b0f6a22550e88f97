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

// ——— reading time ———
// The `reading-time` package's word count, ported to char codes: the package tests every
// character against range lists with `Array.some` and `String.includes`, a noticeable cost on
// every render of a post page. test/unit/site.test.ts checks that both
// count the same words.

/** ' ', '\n', '\r', '\t': the package's default word bounds. */
const isWordBound = (code: number): boolean => code === 32 || code === 10 || code === 13 || code === 9

/** Hiragana, CJK unified ideographs, Hangul (the package's fourth range lies above U+FFFF). */
const isCJK = (code: number): boolean =>
  (code >= 0x3040 && code <= 0x309f) || (code >= 0x4e00 && code <= 0x9fff) || (code >= 0xac00 && code <= 0xd7a3)

const isPunctuation = (code: number): boolean =>
  (code >= 0x21 && code <= 0x2f) ||
  (code >= 0x3a && code <= 0x40) ||
  (code >= 0x5b && code <= 0x60) ||
  (code >= 0x7b && code <= 0x7e) ||
  (code >= 0x3000 && code <= 0x303f) ||
  (code >= 0xff00 && code <= 0xffef)

/** Words of a text as `reading-time` counts them: every CJK character is a word. */
export function countWords(text: string): number {
  const length = text.length
  // the package appends a '\n' so the last word always ends at a bound
  const at = (i: number): number => (i < length ? text.charCodeAt(i) : 10)
  let start = 0
  let end = length - 1
  while (start < length && isWordBound(text.charCodeAt(start))) start++
  while (end >= 0 && isWordBound(text.charCodeAt(end))) end--
  let words = 0
  for (let i = start; i <= end; i++) {
    const code = text.charCodeAt(i)
    const cjk = isCJK(code)
    if (cjk || (!isWordBound(code) && (isWordBound(at(i + 1)) || isCJK(at(i + 1))))) words++
    // punctuation and spaces after a CJK character belong to it
    if (cjk) {
      while (i <= end && (isPunctuation(at(i + 1)) || isWordBound(at(i + 1)))) i++
    }
  }
  return words
}

/** Minutes to read a text at 200 words a minute (unrounded, as `reading-time` gives them). */
export function readingMinutes(text: string, wordsPerMinute = 200): number {
  return countWords(text) / wordsPerMinute
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
