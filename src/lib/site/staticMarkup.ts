import type { ReactNode } from 'react'

import { Fragment, isValidElement } from 'react'

/**
 * The HTML of a server-only React tree of host elements and plain function components (no
 * hooks, no context, no client components), as `react-dom/server`'s `renderToStaticMarkup`
 * writes it. React's own renderer cannot be imported where the post page renders (the RSC
 * layer), and the article body is rendered once per version and then reused as a string.
 * Unit-tested against `renderToStaticMarkup` on real post bodies.
 */
export function renderStaticMarkup(node: ReactNode): string {
  const out: string[] = []
  write(node, out)
  return out.join('')
}

const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr'])

/** Props React writes under another name; every other prop keeps its own spelling (`colSpan`, `srcSet`). */
const ATTRIBUTE_NAMES: Record<string, string> = {
  acceptCharset: 'accept-charset',
  className: 'class',
  crossOrigin: 'crossorigin',
  htmlFor: 'for',
  httpEquiv: 'http-equiv',
  tabIndex: 'tabindex',
}

/** Boolean attributes React writes as `name=""` when true and omits when false. */
const BOOLEAN_ATTRIBUTES = new Set(['allowFullScreen', 'async', 'autoFocus', 'checked', 'controls', 'default', 'defer', 'disabled', 'hidden', 'loop', 'multiple', 'muted', 'noModule', 'open', 'readOnly', 'required', 'reversed', 'selected'])

/** CSS properties whose numbers React leaves without a unit (the ones a body could use). */
const UNITLESS = new Set(['flex', 'flexGrow', 'flexShrink', 'fontWeight', 'lineHeight', 'opacity', 'order', 'orphans', 'widows', 'zIndex', 'zoom'])

const ESCAPES: Record<string, string> = { '"': '&quot;', '&': '&amp;', "'": '&#x27;', '<': '&lt;', '>': '&gt;' }
const NEEDS_ESCAPE = /["&'<>]/
const ESCAPE_PATTERN = /["&'<>]/g

/** Escapes text and attribute values exactly as React does. */
export function escapeHtml(value: string): string {
  return NEEDS_ESCAPE.test(value) ? value.replace(ESCAPE_PATTERN, (char) => ESCAPES[char]!) : value
}

const hyphenate = (name: string): string => name.replace(/[A-Z]/g, (char) => `-${char.toLowerCase()}`).replace(/^ms-/, '-ms-')

function styleString(style: Record<string, unknown>): string {
  const parts: string[] = []
  for (const [name, value] of Object.entries(style)) {
    if (value === null || value === undefined || value === '' || typeof value === 'boolean') continue
    const css = name.startsWith('--') ? name : hyphenate(name)
    const text = typeof value === 'number' && value !== 0 && !UNITLESS.has(name) ? `${value}px` : String(value).trim()
    parts.push(`${css}:${text}`)
  }
  return parts.join(';')
}

function attributes(props: Record<string, unknown>): string {
  let out = ''
  for (const [name, value] of Object.entries(props)) {
    if (name === 'children' || name === 'dangerouslySetInnerHTML' || name === 'key' || name === 'ref') continue
    if (value === null || value === undefined || typeof value === 'function' || typeof value === 'symbol') continue
    if (name === 'style') {
      const css = styleString(value as Record<string, unknown>)
      if (css) out += ` style="${escapeHtml(css)}"`
      continue
    }
    if (BOOLEAN_ATTRIBUTES.has(name)) {
      if (value) out += ` ${name}=""`
      continue
    }
    const isData = name.startsWith('data-') || name.startsWith('aria-')
    // React drops `false` on ordinary attributes but writes it on aria-*/data-*
    if (typeof value === 'boolean' && !isData) continue
    out += ` ${ATTRIBUTE_NAMES[name] ?? name}="${escapeHtml(String(value))}"`
  }
  return out
}

function write(node: ReactNode, out: string[]): void {
  if (node === null || node === undefined || typeof node === 'boolean') return
  if (typeof node === 'string') {
    out.push(escapeHtml(node))
    return
  }
  if (typeof node === 'number' || typeof node === 'bigint') {
    out.push(String(node))
    return
  }
  if (Array.isArray(node)) {
    for (const child of node) write(child as ReactNode, out)
    return
  }
  if (!isValidElement(node)) throw new Error(`renderStaticMarkup: unsupported node ${String(node)}`)
  const { props, type } = node as { props: Record<string, unknown>; type: unknown }
  if (type === Fragment) {
    write(props.children as ReactNode, out)
    return
  }
  if (typeof type === 'function') {
    // plain server components only: no hooks run here
    write((type as (props: Record<string, unknown>) => ReactNode)(props), out)
    return
  }
  if (typeof type !== 'string') throw new Error('renderStaticMarkup: only host elements and plain function components')
  out.push(`<${type}${attributes(props)}`)
  if (VOID_ELEMENTS.has(type)) {
    out.push('/>')
    return
  }
  out.push('>')
  const inner = props.dangerouslySetInnerHTML as { __html?: string } | undefined
  if (inner?.__html != null) out.push(inner.__html)
  else write(props.children as ReactNode, out)
  out.push(`</${type}>`)
}
