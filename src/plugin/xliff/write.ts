import type { CodeDefinition, ExportUnit, Inline, XliffDocument } from './types'

import { codeLabel, FORMAT_NAMES, romanOf } from './inline'

/** The tool name written into files and checked nowhere (CAT tools show it). */
export const TOOL = 'payload-policy-posts'
export const XLIFF_2_NAMESPACE = 'urn:oasis:names:tc:xliff:document:2.0'
export const XLIFF_1_2_NAMESPACE = 'urn:oasis:names:tc:xliff:document:1.2'
const METADATA_NAMESPACE = 'urn:oasis:names:tc:xliff:metadata:2.0'

// XML 1.0 allows tab, newline and carriage return below U+0020, nothing else.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g

export const escapeText = (text: string): string =>
  text.replace(FORBIDDEN, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;')

export const escapeAttribute = (text: string): string =>
  escapeText(text).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;')

const attributes = (values: Record<string, string | undefined>): string =>
  Object.entries(values)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
    .join('')

const linkUrl = (definition: Extract<CodeDefinition, { kind: 'link' }>): string => {
  const fields = definition.node.fields as Record<string, unknown> | undefined
  return String(fields?.url ?? definition.node.url ?? '')
}

const XLIFF2_FORMAT: Record<number, string> = { 1: 'xlf:b', 2: 'xlf:i', 8: 'xlf:u' }

/** Segment content as XLIFF 2.1 inline markup: `<pc>` for formatting and links, `<ph>` for endnotes and breaks. */
export function inline21(content: readonly Inline[], codes: Record<string, CodeDefinition>): string {
  return content
    .map((item) => {
      if (item.kind === 'text') return escapeText(item.text)
      const definition = codes[item.id]
      if (item.kind === 'pc') {
        const inner = inline21(item.children, codes)
        const attrs =
          definition?.kind === 'link'
            ? { dispStart: linkUrl(definition), id: item.id, type: 'link' }
            : { dispEnd: `</${codeLabel(definition)}>`, dispStart: `<${codeLabel(definition)}>`, id: item.id, subType: definition?.kind === 'format' ? XLIFF2_FORMAT[definition.bit] : undefined, type: 'fmt' }
        return `<pc${attributes(attrs)}>${inner}</pc>`
      }
      if (definition?.kind === 'endnote') {
        const marker = `[${romanOf(definition.number)}]`
        return `<ph${attributes({ canCopy: 'no', canDelete: 'no', disp: marker, equiv: marker, id: item.id, type: 'other' })}/>`
      }
      if (definition?.kind === 'node' && definition.node.type === 'linebreak') {
        return `<ph${attributes({ equiv: '\n', id: item.id, subType: 'xlf:lb', type: 'fmt' })}/>`
      }
      return `<ph${attributes({ canDelete: 'no', disp: codeLabel(definition), id: item.id, type: 'other' })}/>`
    })
    .join('')
}

const XLIFF12_CTYPE: Record<number, string> = { 1: 'bold', 2: 'italic', 8: 'underlined' }

/** Segment content as XLIFF 1.2 inline markup: `<g>` for formatting and links, `<x/>` for endnotes and breaks. */
export function inline12(content: readonly Inline[], codes: Record<string, CodeDefinition>): string {
  return content
    .map((item) => {
      if (item.kind === 'text') return escapeText(item.text)
      const definition = codes[item.id]
      if (item.kind === 'pc') {
        const ctype =
          definition?.kind === 'link'
            ? 'link'
            : definition?.kind === 'format'
              ? (XLIFF12_CTYPE[definition.bit] ?? `x-${FORMAT_NAMES[definition.bit] ?? 'format'}`)
              : 'x-code'
        return `<g${attributes({ ctype, id: item.id })}>${inline12(item.children, codes)}</g>`
      }
      if (definition?.kind === 'endnote') {
        return `<x${attributes({ ctype: 'x-endnote', 'equiv-text': `[${romanOf(definition.number)}]`, id: item.id })}/>`
      }
      if (definition?.kind === 'node' && definition.node.type === 'linebreak') return `<x${attributes({ ctype: 'lb', id: item.id })}/>`
      return `<x${attributes({ ctype: `x-${String(definition?.kind === 'node' ? definition.node.type : 'code')}`, id: item.id })}/>`
    })
    .join('')
}

const reviewNote = (unit: ExportUnit): string | undefined =>
  unit.changed && unit.target
    ? unit.previousSource !== undefined
      ? `The source changed since this translation was made. Before: ${unit.previousSource}`
      : 'Check this translation against the source: it may have changed since the translation was made.'
    : undefined

const postIdOf = (original: string) => original.split('/').at(-1) ?? original

/** The 2.x `<file>` id (an NMTOKEN): `posts/12` → `posts-12`. */
export const fileIdOf = (original: string): string => original.replace(/[^\w.-]/g, '-')

/** An XLIFF 2.1 document (one `<file>` per post). */
export function writeXliff21(document: XliffDocument): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<xliff${attributes({ srcLang: document.sourceLanguage, trgLang: document.targetLanguage, version: '2.1', xmlns: XLIFF_2_NAMESPACE, 'xmlns:mda': METADATA_NAMESPACE })}>`,
    `  <file${attributes({ id: fileIdOf(document.original), original: document.original })}>`,
    '    <mda:metadata>',
    `      <mda:metaGroup category="${TOOL}">`,
    `        <mda:meta type="post">${escapeText(postIdOf(document.original))}</mda:meta>`,
    document.sourceVersion ? `        <mda:meta type="sourceVersion">${escapeText(document.sourceVersion)}</mda:meta>` : '',
    '      </mda:metaGroup>',
    '    </mda:metadata>',
  ].filter(Boolean)
  for (const unit of document.units) {
    const review = reviewNote(unit)
    lines.push(`    <unit${attributes({ id: unit.id, name: unit.id, 'xml:space': 'preserve' })}>`)
    lines.push(
      `      <notes><note category="context">${escapeText(unit.context)}</note>${review ? `<note category="review" appliesTo="target">${escapeText(review)}</note>` : ''}</notes>`,
    )
    const state = unit.target ? (unit.changed ? 'initial' : 'translated') : undefined
    lines.push(`      <segment${attributes({ state, subState: unit.target && unit.changed ? `${TOOL}:source-changed` : undefined })}>`)
    lines.push(`        <source>${inline21(unit.source, unit.codes)}</source>`)
    if (unit.target) lines.push(`        <target>${inline21(unit.target, unit.codes)}</target>`)
    lines.push('      </segment>', '    </unit>')
  }
  lines.push('  </file>', '</xliff>', '')
  return lines.join('\n')
}

/** An XLIFF 1.2 document, the version most CAT tools read. */
export function writeXliff12(document: XliffDocument): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<xliff${attributes({ version: '1.2', xmlns: XLIFF_1_2_NAMESPACE })}>`,
    `  <file${attributes({ datatype: 'plaintext', original: document.original, 'source-language': document.sourceLanguage, 'target-language': document.targetLanguage, 'tool-id': TOOL })}>`,
    '    <header>',
    `      <tool${attributes({ 'tool-id': TOOL, 'tool-name': TOOL })}/>`,
    `      <prop-group name="${TOOL}">`,
    `        <prop prop-type="post">${escapeText(postIdOf(document.original))}</prop>`,
    document.sourceVersion ? `        <prop prop-type="source-version">${escapeText(document.sourceVersion)}</prop>` : '',
    '      </prop-group>',
    '    </header>',
    '    <body>',
  ].filter(Boolean)
  for (const unit of document.units) {
    const review = reviewNote(unit)
    lines.push(`      <trans-unit${attributes({ id: unit.id, resname: unit.id, 'xml:space': 'preserve' })}>`)
    lines.push(`        <source>${inline12(unit.source, unit.codes)}</source>`)
    if (unit.target) {
      const state = unit.changed ? 'needs-review-translation' : 'translated'
      lines.push(`        <target${attributes({ state })}>${inline12(unit.target, unit.codes)}</target>`)
    }
    lines.push(`        <note${attributes({ annotates: 'source', from: TOOL })}>${escapeText(unit.context)}</note>`)
    if (review) lines.push(`        <note${attributes({ annotates: 'target', from: TOOL, priority: '1' })}>${escapeText(review)}</note>`)
    lines.push('      </trans-unit>')
  }
  lines.push('    </body>', '  </file>', '</xliff>', '')
  return lines.join('\n')
}

export const writeXliff = (document: XliffDocument): string =>
  document.version === '1.2' ? writeXliff12(document) : writeXliff21(document)

