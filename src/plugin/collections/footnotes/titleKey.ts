import { foldText } from '../../import/docx/parseDocx'

/** Title or outlet as compared for re-use: case, accents, quotes and punctuation do not count. */
export const normaliseForMatch = (text: string): string =>
  foldText(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()

// Short enough for a B-tree entry in any script (an index row holds at most ~2,700 bytes);
// titles that share this long a start are told apart by comparing them in full.
export const TITLE_KEY_MAX = 200

/**
 * The indexed form of a footnote's title that importers look records up by: the title as
 * compared for re-use (case, accents, quotes and punctuation folded), clipped. Null when
 * nothing is left to compare.
 */
export function footnoteTitleKey(title: unknown): null | string {
  if (typeof title !== 'string') return null
  const key = normaliseForMatch(title).slice(0, TITLE_KEY_MAX).trimEnd()
  return key === '' ? null : key
}
