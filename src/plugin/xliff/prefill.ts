import type { CodeDefinition, ExportUnit, Inline, Unit } from './types'

import { alignByMarkers, alignVersions } from './align'
import { plainText, segmentSignature } from './inline'
import { unitKind } from './segments'

/** What a code means, independent of its id: how a translation's codes find the source's. */
function meaning(definition: CodeDefinition): string {
  if (definition.kind === 'endnote') return `endnote:${definition.number}`
  if (definition.kind === 'format') return `format:${definition.bit}`
  if (definition.kind === 'link') {
    const fields = definition.node.fields as Record<string, unknown> | undefined
    return `link:${String(fields?.url ?? definition.node.url ?? '')}`
  }
  return `node:${String(definition.node.type)}`
}

/**
 * A translation's segment rewritten with the source unit's code ids: each code takes the
 * first unused source code of the same meaning (endnote number, format, link URL); codes the
 * source lacks are dropped (their text kept). `complete` is false when a source code is missing.
 */
export function remapCodes(
  content: readonly Inline[],
  codes: Record<string, CodeDefinition>,
  source: Unit,
): { complete: boolean; content: Inline[] } {
  const free = new Map<string, string[]>()
  for (const [id, definition] of Object.entries(source.codes)) {
    const key = meaning(definition)
    free.set(key, [...(free.get(key) ?? []), id])
  }
  const used = new Set<string>()
  const walk = (items: readonly Inline[]): Inline[] =>
    items.flatMap((item): Inline[] => {
      if (item.kind === 'text') return [item]
      const definition = codes[item.id]
      const id = definition ? free.get(meaning(definition))?.shift() : undefined
      if (id === undefined) return item.kind === 'pc' ? walk(item.children) : []
      used.add(id)
      return item.kind === 'pc' ? [{ children: walk(item.children), id, kind: 'pc' }] : [{ id, kind: 'ph' }]
    })
  const remapped = walk(content)
  return { complete: used.size === Object.keys(source.codes).length, content: remapped }
}

/**
 * The units to export with their targets pre-filled from the existing translation.
 * `previous` are the source's units in the version the translation was made from (undefined
 * when that version is unknown: every pre-filled unit is then marked for review). A unit whose
 * source differs from that version is `changed`, with the earlier source text for reference.
 */
export function prefillTargets(current: readonly Unit[], previous: readonly Unit[] | undefined, translation: readonly Unit[] | undefined): ExportUnit[] {
  if (!translation) return current.map((unit) => ({ ...unit }))
  const byKind = (units: readonly Unit[], kind: ReturnType<typeof unitKind>) => units.filter((unit) => unitKind(unit.id) === kind)
  const signature = (unit: Unit) => segmentSignature(unit.source, unit.codes)
  const base = previous ?? current

  // Each current unit → its unit in `base` (with a state), and `base` units → the translation's.
  const baseOf = new Map<string, { state: 'changed' | 'new' | 'same'; unit?: Unit }>()
  const translationOf = new Map<string, Unit>()

  for (const unit of byKind(current, 'fixed')) {
    const old = base.find((candidate) => candidate.id === unit.id)
    baseOf.set(unit.id, old ? { state: signature(old) === signature(unit) ? 'same' : 'changed', unit: old } : { state: 'new' })
  }
  for (const unit of byKind(base, 'fixed')) {
    const match = translation.find((candidate) => candidate.id === unit.id)
    if (match) translationOf.set(unit.id, match)
  }

  const currentBody = byKind(current, 'body')
  const baseBody = byKind(base, 'body')
  const translationBody = byKind(translation, 'body')
  alignVersions(baseBody.map(signature), currentBody.map(signature)).forEach((pair, index) => {
    baseOf.set(currentBody[index].id, { state: pair.state, unit: pair.index === undefined ? undefined : baseBody[pair.index] })
  })
  alignByMarkers(baseBody, translationBody).forEach((j, i) => {
    if (j !== undefined) translationOf.set(baseBody[i].id, translationBody[j])
  })

  // Explanatory notes by their endnote number (a translated note is its own footnote record).
  for (const unit of byKind(current, 'note')) {
    const old = byKind(base, 'note').find((candidate) => candidate.endnotes[0] === unit.endnotes[0])
    baseOf.set(unit.id, old ? { state: signature(old) === signature(unit) ? 'same' : 'changed', unit: old } : { state: 'new' })
    const match = byKind(translation, 'note').find((candidate) => candidate.endnotes[0] === unit.endnotes[0])
    if (old && match) translationOf.set(old.id, match)
  }

  return current.map((unit): ExportUnit => {
    const pair = baseOf.get(unit.id)
    const translated = pair?.unit && translationOf.get(pair.unit.id)
    const previousSource = pair?.state === 'changed' && pair.unit ? plainText(pair.unit.source, pair.unit.codes) : undefined
    if (!pair || !translated) return { ...unit, changed: previous !== undefined && pair?.state !== 'same' ? true : undefined, previousSource }
    const { complete, content } = remapCodes(translated.source, translated.codes, unit)
    const changed = previous === undefined || pair.state !== 'same' || !complete
    return {
      ...unit,
      changed,
      previousSource,
      target: content,
    }
  })
}
