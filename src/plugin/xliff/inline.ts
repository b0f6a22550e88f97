import type { CodeDefinition, ID, Inline } from './types'

import { toRoman } from '../endnote/roman'
import { formattedTextNode } from '../utilities/lexicalBuilders'
import { XliffError } from './types'

type Json = Record<string, unknown>

/** Lexical's text-format bits, lowest first (the order codes nest in). */
export const FORMAT_BITS = [1, 2, 4, 8, 16, 32, 64, 128] as const
export const FORMAT_NAMES: Record<number, string> = {
  1: 'bold',
  2: 'italic',
  4: 'strikethrough',
  8: 'underline',
  16: 'code',
  32: 'subscript',
  64: 'superscript',
  128: 'highlight',
}

const LINK_TYPES = new Set(['autolink', 'link'])

export const isLinkNode = (node: Json): boolean => LINK_TYPES.has(String(node.type))

/** Child nodes that belong to a block's running text (not nested blocks such as a sub-list). */
export const isInlineNode = (node: Json): boolean => !Array.isArray(node.children) || isLinkNode(node)

export interface InlineContext {
  codes: Record<string, CodeDefinition>
  /** Number of each footnote in the body (1 = i), by first appearance. */
  numbers: Map<string, number>
  next: number
}

/** Lexical inline nodes → segment content, recording what each code stands for in `context.codes`. */
export function inlineFromNodes(nodes: readonly Json[], context: InlineContext): Inline[] {
  const out: Inline[] = []
  const newId = () => String(++context.next)
  for (const node of nodes) {
    if (node.type === 'text') {
      const format = Number(node.format) || 0
      // One paired code per format bit, lowest bit outermost (bold encloses italic).
      const wrap = (bits: number[]): Inline[] => {
        if (bits.length === 0) return [{ kind: 'text', text: String(node.text ?? '') }]
        const id = newId()
        context.codes[id] = { bit: bits[0], kind: 'format' }
        return [{ children: wrap(bits.slice(1)), id, kind: 'pc' }]
      }
      out.push(...wrap(FORMAT_BITS.filter((bit) => format & bit)))
    } else if (isLinkNode(node)) {
      const id = newId()
      const { children, ...rest } = node
      context.codes[id] = { kind: 'link', node: rest }
      out.push({ children: inlineFromNodes((children as Json[]) ?? [], context), id, kind: 'pc' })
    } else if (node.type === 'endnote') {
      const id = newId()
      const footnote = node.footnote as ID
      context.codes[id] = { footnote, kind: 'endnote', number: context.numbers.get(String(footnote)) ?? 0 }
      out.push({ id, kind: 'ph' })
    } else {
      const id = newId()
      context.codes[id] = { kind: 'node', node: structuredClone(node) }
      out.push({ id, kind: 'ph' })
    }
  }
  return out
}

export interface RebuildOptions {
  /** The footnote an endnote of the source becomes in the target (a translated explanatory note). */
  footnoteFor?: (footnote: ID) => ID
}

/**
 * Segment content (a translator's target) → Lexical inline nodes, with every code resolved
 * through the source's definitions. Each code of the source must appear exactly once, and no
 * other: a missing, repeated, unknown or altered code is refused naming the unit.
 */
export function nodesFromInline(
  unit: string,
  content: readonly Inline[],
  codes: Record<string, CodeDefinition>,
  options: RebuildOptions = {},
): Json[] {
  const used = new Set<string>()
  const describe = (id: string) => codeLabel(codes[id])

  const walk = (items: readonly Inline[], format: number, inLink: boolean): Json[] => {
    const nodes: Json[] = []
    const pushText = (text: string) => {
      if (text === '') return
      const last = nodes.at(-1)
      if (last && last.type === 'text' && last.format === format) last.text = `${String(last.text)}${text}`
      else nodes.push(formattedTextNode(text, format))
    }
    for (const item of items) {
      if (item.kind === 'text') {
        pushText(item.text)
        continue
      }
      const definition = codes[item.id]
      if (!definition) throw new XliffError(`the code id="${item.id}" is not in the source segment.`, unit)
      if (used.has(item.id)) throw new XliffError(`the code ${describe(item.id)} (id="${item.id}") appears twice.`, unit)
      used.add(item.id)
      const paired = definition.kind === 'format' || definition.kind === 'link'
      if (paired !== (item.kind === 'pc')) {
        throw new XliffError(
          `the code ${describe(item.id)} (id="${item.id}") was altered: it must be a ${paired ? 'paired code' : 'placeholder'}.`,
          unit,
        )
      }
      if (item.kind === 'pc' && definition.kind === 'format') {
        nodes.push(...walk(item.children, format | definition.bit, inLink))
      } else if (item.kind === 'pc' && definition.kind === 'link') {
        if (inLink) throw new XliffError(`the link (id="${item.id}") was moved inside another link.`, unit)
        nodes.push({ ...structuredClone(definition.node), children: walk(item.children, format, true) })
      } else if (definition.kind === 'endnote') {
        const footnote = options.footnoteFor ? options.footnoteFor(definition.footnote) : definition.footnote
        nodes.push({ footnote, type: 'endnote', version: 1 })
      } else if (definition.kind === 'node') {
        nodes.push(structuredClone(definition.node))
      }
    }
    return nodes
  }

  const nodes = walk(content, 0, false)
  const missing = Object.keys(codes).filter((id) => !used.has(id))
  if (missing.length > 0) {
    throw new XliffError(
      `the target lacks ${missing.map((id) => `${describe(id)} (id="${id}")`).join(', ')}; keep every code of the source.`,
      unit,
    )
  }
  return nodes
}

/** How a code is named to translators and in errors: "endnote [iv]", "bold", "link". */
export function codeLabel(definition: CodeDefinition | undefined): string {
  if (!definition) return 'code'
  if (definition.kind === 'endnote') return `endnote [${romanOf(definition.number)}]`
  if (definition.kind === 'format') return FORMAT_NAMES[definition.bit] ?? 'formatting'
  if (definition.kind === 'link') return 'link'
  return String(definition.node.type ?? 'code')
}

export const romanOf = (number: number): string => (number > 0 ? toRoman(number) : '?')

/** The segment's text with endnotes as [i] markers: what previews, notes and diffs show. */
export function plainText(content: readonly Inline[], codes: Record<string, CodeDefinition>): string {
  return content
    .map((item) => {
      if (item.kind === 'text') return item.text
      if (item.kind === 'pc') return plainText(item.children, codes)
      const definition = codes[item.id]
      if (definition?.kind === 'endnote') return `[${romanOf(definition.number)}]`
      if (definition?.kind === 'node' && definition.node.type === 'linebreak') return '\n'
      if (definition?.kind === 'node' && definition.node.type === 'tab') return '\t'
      return ''
    })
    .join('')
}

/** A comparable form of a segment: text and the meaning of its codes (not their ids). */
export function segmentSignature(content: readonly Inline[], codes: Record<string, CodeDefinition>): string {
  return JSON.stringify(
    content.map((item): unknown => {
      if (item.kind === 'text') return item.text
      const definition = codes[item.id]
      const meaning =
        definition?.kind === 'endnote'
          ? { footnote: String(definition.footnote) }
          : definition?.kind === 'format'
            ? { bit: definition.bit }
            : definition?.kind === 'link'
              ? { link: (definition.node.fields as Json | undefined)?.url ?? definition.node.url ?? null }
              : { node: definition?.node.type ?? null }
      return item.kind === 'pc' ? { ...meaning, children: JSON.parse(segmentSignature(item.children, codes)) } : meaning
    }),
  )
}
