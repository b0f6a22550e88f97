import { XMLParser, XMLValidator } from 'fast-xml-parser'

import type { Inline, ReadDocument, ReadUnit, XliffVersion } from './types'

import { XliffError } from './types'

/** A node of fast-xml-parser's ordered output: `{ tag: children, ':@': attributes }`. */
type XmlNode = Record<string, unknown>

const parser = new XMLParser({
  attributeNamePrefix: '',
  cdataPropName: '#cdata',
  htmlEntities: true,
  ignoreAttributes: false,
  parseAttributeValue: false,
  parseTagValue: false,
  preserveOrder: true,
  processEntities: true,
  removeNSPrefix: true,
  trimValues: false,
})

const tagOf = (node: XmlNode): string => Object.keys(node).find((key) => key !== ':@') ?? ''
const childrenOf = (node: XmlNode): XmlNode[] => (node[tagOf(node)] as XmlNode[] | undefined) ?? []
const attrsOf = (node: XmlNode): Record<string, string> => (node[':@'] as Record<string, string> | undefined) ?? {}
const elements = (node: XmlNode, tag?: string): XmlNode[] =>
  childrenOf(node).filter((child) => {
    const name = tagOf(child)
    return name !== '#text' && name !== '#cdata' && !name.startsWith('?') && (tag === undefined || name === tag)
  })
const textOf = (node: XmlNode): string =>
  childrenOf(node)
    .map((child) => (tagOf(child) === '#text' ? String(child['#text'] ?? '') : textOf(child)))
    .join('')

/** Splits start/end markers (`<sc>`/`<ec>`, `<bx>`/`<ex>`) are joined into paired codes. */
type Token = Inline | { id: string; kind: 'end' } | { id: string; kind: 'start' }

function inlineTokens(nodes: readonly XmlNode[], version: XliffVersion, unit: string): Token[] {
  const tokens: Token[] = []
  for (const node of nodes) {
    const tag = tagOf(node)
    const attrs = attrsOf(node)
    if (tag === '#text') tokens.push({ kind: 'text', text: String(node['#text'] ?? '') })
    else if (tag === '#cdata') tokens.push({ kind: 'text', text: textOf(node) })
    else if (tag === 'mrk' || tag === 'sm' || tag === 'em') tokens.push(...inlineTokens(childrenOf(node), version, unit))
    else if (version === '2.1' && tag === 'pc') tokens.push({ children: pair(inlineTokens(childrenOf(node), version, unit), unit), id: requireId(attrs.id, tag, unit), kind: 'pc' })
    else if (version === '2.1' && tag === 'ph') tokens.push({ id: requireId(attrs.id, tag, unit), kind: 'ph' })
    else if (version === '2.1' && tag === 'sc') tokens.push({ id: requireId(attrs.id, tag, unit), kind: 'start' })
    else if (version === '2.1' && tag === 'ec') tokens.push({ id: requireId(attrs.startRef ?? attrs.id, tag, unit), kind: 'end' })
    else if (version === '2.1' && tag === 'cp') tokens.push({ kind: 'text', text: String.fromCodePoint(Number.parseInt(attrs.hex ?? '', 16)) })
    else if (version === '1.2' && tag === 'g') tokens.push({ children: pair(inlineTokens(childrenOf(node), version, unit), unit), id: requireId(attrs.id, tag, unit), kind: 'pc' })
    else if (version === '1.2' && tag === 'x') tokens.push({ id: requireId(attrs.id, tag, unit), kind: 'ph' })
    else if (version === '1.2' && tag === 'bx') tokens.push({ id: requireId(attrs.rid ?? attrs.id, tag, unit), kind: 'start' })
    else if (version === '1.2' && tag === 'ex') tokens.push({ id: requireId(attrs.rid ?? attrs.id, tag, unit), kind: 'end' })
    else throw new XliffError(`the inline element <${tag}> is not supported here.`, unit)
  }
  return tokens
}

function requireId(id: string | undefined, tag: string, unit: string): string {
  if (!id) throw new XliffError(`an inline <${tag}> has no id.`, unit)
  return id
}

/** Joins start/end markers into paired codes; a marker without its partner is refused. */
function pair(tokens: readonly Token[], unit: string): Inline[] {
  const stack: { children: Inline[]; id?: string }[] = [{ children: [] }]
  for (const token of tokens) {
    const top = stack.at(-1)!
    if (token.kind === 'start') stack.push({ children: [], id: token.id })
    else if (token.kind === 'end') {
      if (top.id === undefined || top.id !== token.id) throw new XliffError(`the closing code of id="${token.id}" does not match an opening one.`, unit)
      stack.pop()
      stack.at(-1)!.children.push({ children: top.children, id: token.id, kind: 'pc' })
    } else top.children.push(token)
  }
  if (stack.length > 1) throw new XliffError(`the code id="${stack.at(-1)!.id}" is opened but never closed.`, unit)
  return stack[0].children
}

const inlineOf = (node: XmlNode, version: XliffVersion, unit: string): Inline[] => pair(inlineTokens(childrenOf(node), version, unit), unit)

function units21(container: XmlNode): ReadUnit[] {
  const found: ReadUnit[] = []
  for (const child of elements(container)) {
    const tag = tagOf(child)
    if (tag === 'group') found.push(...units21(child))
    if (tag !== 'unit') continue
    const id = attrsOf(child).id ?? ''
    const source: Inline[] = []
    let target: Inline[] | undefined = []
    for (const part of elements(child).filter((element) => ['ignorable', 'segment'].includes(tagOf(element)))) {
      const partSource = elements(part, 'source')[0]
      const partTarget = elements(part, 'target')[0]
      if (partSource) source.push(...inlineOf(partSource, '2.1', id))
      if (partTarget && target) target.push(...inlineOf(partTarget, '2.1', id))
      // An ignorable (whitespace between segments) without a target reads as its source.
      else if (tagOf(part) === 'ignorable' && partSource && target) target.push(...inlineOf(partSource, '2.1', id))
      else target = undefined
    }
    found.push({ id, source, target })
  }
  return found
}

function units12(container: XmlNode): ReadUnit[] {
  const found: ReadUnit[] = []
  for (const child of elements(container)) {
    const tag = tagOf(child)
    if (tag === 'group') found.push(...units12(child))
    if (tag !== 'trans-unit') continue
    const id = attrsOf(child).id ?? ''
    const source = elements(child, 'source')[0]
    const target = elements(child, 'target')[0]
    found.push({ id, source: source ? inlineOf(source, '1.2', id) : [], target: target ? inlineOf(target, '1.2', id) : undefined })
  }
  return found
}

/**
 * Reads an XLIFF 1.2 or 2.x document of one post: languages, the post it came from, the
 * source version, and each unit's source and target as segment content. Malformed XML, a
 * document that is not XLIFF, several files or an unknown inline element are refused.
 */
export function readXliff(xml: string): ReadDocument {
  const text = xml.replace(/^\uFEFF/, '')
  if (text.trim() === '') throw new XliffError('The file is empty.')
  // Entity declarations are not needed by XLIFF and can expand without bound.
  if (text.includes('<!DOCTYPE') || text.includes('<!ENTITY')) throw new XliffError('The file has a DOCTYPE; XLIFF files need none.')
  const valid = XMLValidator.validate(text)
  if (valid !== true) {
    throw new XliffError(`The file is not well-formed XML: ${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col}).`)
  }
  const root = (parser.parse(text) as XmlNode[]).find((node) => tagOf(node) === 'xliff')
  if (!root) throw new XliffError('The file is not an XLIFF document (its root element is not <xliff>).')
  const attrs = attrsOf(root)
  const version: XliffVersion | undefined = attrs.version?.startsWith('2.') ? '2.1' : attrs.version === '1.2' ? '1.2' : undefined
  if (!version) throw new XliffError(`XLIFF version "${attrs.version ?? ''}" is not supported (1.2, 2.0 and 2.1 are).`)
  const files = elements(root, 'file')
  if (files.length !== 1) throw new XliffError(`The file holds ${files.length} <file> elements; import one post per file.`)
  const file = files[0]
  const fileAttrs = attrsOf(file)
  if (version === '2.1') {
    const meta = elements(file, 'metadata').flatMap((metadata) => elements(metadata, 'metaGroup')).flatMap((group) => elements(group, 'meta'))
    return {
      fileId: fileAttrs.id,
      original: fileAttrs.original ?? '',
      sourceLanguage: attrs.srcLang ?? '',
      sourceVersion: meta.find((entry) => attrsOf(entry).type === 'sourceVersion') ? textOf(meta.find((entry) => attrsOf(entry).type === 'sourceVersion')!) : undefined,
      targetLanguage: attrs.trgLang ?? '',
      units: units21(file),
      version,
    }
  }
  const props = elements(file, 'header').flatMap((header) => elements(header, 'prop-group')).flatMap((group) => elements(group, 'prop'))
  const sourceVersion = props.find((prop) => attrsOf(prop)['prop-type'] === 'source-version')
  const body = elements(file, 'body')[0]
  return {
    original: fileAttrs.original ?? '',
    sourceLanguage: fileAttrs['source-language'] ?? '',
    sourceVersion: sourceVersion ? textOf(sourceVersion) : undefined,
    targetLanguage: fileAttrs['target-language'] ?? '',
    units: body ? units12(body) : [],
    version,
  }
}
