import type { CodeDefinition, ID, Inline, Unit } from './types'

import { inlineFromNodes, isInlineNode, isLinkNode, nodesFromInline } from './inline'
import { XliffError } from './types'

type Json = Record<string, unknown>

/** The fields of a post that are translated. */
export interface TranslatablePost {
  content?: unknown
  highlights?: null | { text?: null | string }[]
  meta?: null | { description?: null | string }
  title?: null | string
}

const childrenOf = (node: Json): Json[] => (Array.isArray(node.children) ? (node.children as Json[]) : [])

const hasText = (nodes: readonly Json[]): boolean =>
  nodes.some((node) => (node.type === 'text' && String(node.text ?? '').trim() !== '') || (isLinkNode(node) && hasText(childrenOf(node))))

/** A block of the body whose running text is one unit: a paragraph, heading, quote or list item. */
export interface BodyBlock {
  node: Json
  path: number[]
}

/** The body's text blocks in reading order (a list item's sub-list comes after its own text). */
export function bodyBlocks(content: unknown): BodyBlock[] {
  const root = (content as { root?: Json } | null | undefined)?.root
  const blocks: BodyBlock[] = []
  const walk = (node: Json, path: number[]) => {
    childrenOf(node).forEach((child, index) => {
      if (isInlineNode(child)) return
      const at = [...path, index]
      if (hasText(childrenOf(child).filter(isInlineNode))) blocks.push({ node: child, path: at })
      walk(child, at)
    })
  }
  if (root) walk(root, [])
  return blocks
}

/** Footnote ids of the body's endnote references in reading order. */
export function citedFootnotes(content: unknown): ID[] {
  const ids: ID[] = []
  const walk = (node: Json) => {
    if (node.type === 'endnote' && node.footnote !== undefined && node.footnote !== null) ids.push(node.footnote as ID)
    childrenOf(node).forEach(walk)
  }
  const root = (content as { root?: Json } | null | undefined)?.root
  if (root) walk(root)
  return ids
}

/** Each cited footnote's number (1 = i), by first appearance, as the site numbers them. */
export function endnoteNumbers(content: unknown): Map<string, number> {
  const numbers = new Map<string, number>()
  for (const id of citedFootnotes(content)) if (!numbers.has(String(id))) numbers.set(String(id), numbers.size + 1)
  return numbers
}

const plainUnit = (id: string, context: string, text: string): Unit => ({
  codes: {},
  context,
  endnotes: [],
  id,
  source: [{ kind: 'text', text }],
})

const blockContext = (node: Json): string =>
  node.type === 'heading' ? `Heading (${String(node.tag ?? '')})` : node.type === 'listitem' ? 'List item' : node.type === 'quote' ? 'Quote' : node.type === 'paragraph' ? 'Paragraph' : String(node.type)

/**
 * The translatable units of a post: title, each highlight, meta description, each text block
 * of the body, and the text of each cited explanatory note (`notes`: footnote id → note). Citation
 * records themselves (authors, title, outlet, URL) are not translated.
 */
export function postUnits(post: TranslatablePost, notes: ReadonlyMap<string, string> = new Map()): Unit[] {
  const units: Unit[] = [plainUnit('title', 'Title', post.title ?? '')]
  ;(post.highlights ?? []).forEach((highlight, index) => {
    units.push(plainUnit(`highlight-${index + 1}`, `Highlight ${index + 1}`, highlight?.text ?? ''))
  })
  if (post.meta?.description) units.push(plainUnit('meta-description', 'Meta description', post.meta.description))
  const numbers = endnoteNumbers(post.content)
  bodyBlocks(post.content).forEach((block, index) => {
    const codes: Record<string, CodeDefinition> = {}
    const source = inlineFromNodes(childrenOf(block.node).filter(isInlineNode), { codes, next: 0, numbers })
    const endnotes = Object.values(codes).flatMap((code) => (code.kind === 'endnote' ? [code.number] : []))
    units.push({ codes, context: blockContext(block.node), endnotes, id: `body-${index + 1}`, source })
  })
  for (const [footnote, number] of numbers) {
    const note = notes.get(footnote)
    if (note && note.trim() !== '') units.push({ ...plainUnit(`note-${footnote}`, `Explanatory note ${number}`, note), endnotes: [number] })
  }
  return units
}

export const unitKind = (id: string): 'body' | 'fixed' | 'note' =>
  id.startsWith('body-') ? 'body' : id.startsWith('note-') ? 'note' : 'fixed'

/** A plain-text unit's target: codes are refused (titles, highlights and notes carry none). */
export function plainTarget(unit: Unit, target: readonly Inline[]): string {
  return nodesFromInline(unit.id, target, unit.codes)
    .map((node) => String(node.text ?? ''))
    .join('')
}

/** The explanatory notes' translations: source footnote id → translated note text. */
export function noteTranslations(units: readonly Unit[], targets: ReadonlyMap<string, Inline[]>): Map<string, string> {
  const notes = new Map<string, string>()
  for (const unit of units) {
    if (unitKind(unit.id) !== 'note') continue
    notes.set(unit.id.slice('note-'.length), plainTarget(unit, requireTarget(unit, targets)))
  }
  return notes
}

function requireTarget(unit: Unit, targets: ReadonlyMap<string, Inline[]>): Inline[] {
  const target = targets.get(unit.id)
  if (!target) throw new XliffError('the unit has no target; translate it (or copy the source) before importing.', unit.id)
  const text = target.map(function flat(item): string {
    return item.kind === 'text' ? item.text : item.kind === 'pc' ? item.children.map(flat).join('') : '#'
  })
  if (text.join('').trim() === '') throw new XliffError('the target is empty.', unit.id)
  return target
}

export interface TranslatedFields {
  content: unknown
  highlights: { text: string }[]
  meta: { description: null | string }
  title: string
}

/**
 * The translated post: the source's structure (block types, list nesting, everything that is
 * not text) with each unit's target in place of its text. Every unit needs a target; codes are
 * resolved through the source's definitions, endnotes through `footnoteFor`.
 */
export function translatedFields(
  source: TranslatablePost,
  units: readonly Unit[],
  targets: ReadonlyMap<string, Inline[]>,
  footnoteFor?: (footnote: ID) => ID,
): TranslatedFields {
  const byId = new Map(units.map((unit) => [unit.id, unit]))
  const text = (id: string): string => plainTarget(byId.get(id)!, requireTarget(byId.get(id)!, targets))
  const content = structuredClone(source.content ?? null) as null | { root?: Json }
  bodyBlocks(content).forEach((block, index) => {
    const unit = byId.get(`body-${index + 1}`)!
    const inline = nodesFromInline(unit.id, requireTarget(unit, targets), unit.codes, { footnoteFor })
    block.node.children = [...inline, ...childrenOf(block.node).filter((child) => !isInlineNode(child))]
  })
  return {
    content,
    highlights: (source.highlights ?? []).map((_, index) => ({ text: text(`highlight-${index + 1}`) })),
    meta: { description: byId.has('meta-description') ? text('meta-description') : (source.meta?.description ?? null) },
    title: text('title'),
  }
}
