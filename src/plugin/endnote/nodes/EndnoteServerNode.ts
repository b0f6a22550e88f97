import type {
  DOMConversionMap,
  DOMConversionOutput,
  DOMExportOutput,
  EditorConfig,
  LexicalCommand,
  LexicalEditor,
  LexicalNode,
  LexicalUpdateJSON,
  NodeKey,
  SerializedLexicalNode,
  Spread,
} from '@payloadcms/richtext-lexical/lexical'

import {
  $applyNodeReplacement,
  $getRoot,
  $isElementNode,
  createCommand,
  DecoratorNode,
} from '@payloadcms/richtext-lexical/lexical'

import { MAX_ROMAN, toRoman } from '../roman'
import type { ID } from '../../utilities/id'

/** The id of a `footnotes` record (numeric on Postgres, string on other adapters). */

/** Serialized form of an endnote reference in the Lexical JSON: `{ type: 'endnote', version: 1, footnote }`. */
export type SerializedEndnoteNode = Spread<
  {
    footnote: ID
    type: 'endnote'
    version: 1
  },
  SerializedLexicalNode
>

export const ENDNOTE_NODE_TYPE = 'endnote' as const

/** DOM attribute carrying the footnote id; used by exportDOM/importDOM so copy/paste keeps references. */
const ENDNOTE_DOM_ATTRIBUTE = 'data-lexical-endnote'

/**
 * Payload for INSERT_ENDNOTE_COMMAND: insert a reference to this footnote at the selection.
 * Without a payload the client plugin opens the footnote picker drawer first.
 */
export type InsertEndnotePayload = { footnote: ID } | undefined

export const INSERT_ENDNOTE_COMMAND: LexicalCommand<InsertEndnotePayload> =
  createCommand('INSERT_ENDNOTE_COMMAND')

/** Normalises an id read from DOM or JSON: numeric strings become numbers (Postgres ids). */
export function normalizeFootnoteID(value: unknown): ID | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value
  if (typeof value === 'string') {
    const trimmed = value.trim()
    if (!trimmed) return null
    return /^\d+$/.test(trimmed) && Number.isSafeInteger(Number(trimmed)) ? Number(trimmed) : trimmed
  }
  if (value && typeof value === 'object' && 'id' in value) {
    return normalizeFootnoteID((value as { id: unknown }).id)
  }
  return null
}

/** Builds the DOM → node conversion for a given node class (server or client). */
function endnoteDOMConversion(
  Klass: new (footnote: ID) => EndnoteServerNode,
): (domNode: HTMLElement) => DOMConversionOutput | null {
  return (domNode) => {
    const footnote = normalizeFootnoteID(domNode.getAttribute(ENDNOTE_DOM_ATTRIBUTE))
    if (footnote === null) return null
    return { node: $applyNodeReplacement(new Klass(footnote)) }
  }
}

/**
 * An inline reference to a `footnotes` record. The base (server) node: it has no React
 * rendering — the client node extends it and implements `decorate()`.
 */
export class EndnoteServerNode extends DecoratorNode<unknown> {
  __footnote: ID

  constructor(footnote: ID, key?: NodeKey) {
    super(key)
    this.__footnote = footnote
  }

  static override getType(): string {
    return ENDNOTE_NODE_TYPE
  }

  static override clone(node: EndnoteServerNode): EndnoteServerNode {
    return new this(node.__footnote, node.__key)
  }

  static override importJSON(serializedNode: SerializedEndnoteNode): EndnoteServerNode {
    // Lenient on purpose: a malformed reference must not stop the whole body from loading in the
    // editor. It loads with an empty id, shows as a broken reference, and fails validation on save.
    const footnote = normalizeFootnoteID(serializedNode.footnote) ?? ''
    // `this` is the registered class (the client node in the browser), so subclasses need no override.
    return $applyNodeReplacement(new this(footnote)).updateFromJSON(serializedNode)
  }

  override updateFromJSON(serializedNode: LexicalUpdateJSON<SerializedEndnoteNode>): this {
    const node = super.updateFromJSON(serializedNode)
    const footnote = normalizeFootnoteID(serializedNode.footnote)
    if (footnote !== null) node.getWritable().__footnote = footnote
    return node
  }

  /** Paste from HTML: `<sup data-lexical-endnote="ID">` becomes an endnote node. */
  static override importDOM(): DOMConversionMap | null {
    const conversion = endnoteDOMConversion(this)
    return {
      sup: (domNode: HTMLElement) => {
        if (!domNode.hasAttribute(ENDNOTE_DOM_ATTRIBUTE)) return null
        // Above the default <sup> (superscript text format) conversion.
        return { conversion, priority: 2 }
      },
    }
  }

  override exportJSON(): SerializedEndnoteNode {
    return {
      type: ENDNOTE_NODE_TYPE,
      footnote: this.getFootnote(),
      version: 1,
    }
  }

  /**
   * Copy: `<sup data-lexical-endnote="ID">[iv]</sup>`. Pasting it into an editor with this feature
   * restores the reference (importDOM) and renumbers it there; elsewhere it reads as the number
   * it had when copied.
   */
  override exportDOM(): DOMExportOutput {
    const element = document.createElement('sup')
    const footnote = this.getFootnote()
    element.setAttribute(ENDNOTE_DOM_ATTRIBUTE, String(footnote))
    const position = $collectEndnoteFootnotes()
      .map(String)
      .filter((id, index, all) => all.indexOf(id) === index)
      .indexOf(String(footnote))
    element.textContent =
      position < 0 ? '[*]' : position < MAX_ROMAN ? `[${toRoman(position + 1)}]` : `[${position + 1}]`
    return { element }
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const element = document.createElement('span')
    element.className = 'policy-endnote-ref'
    const themeClass = (config.theme as Record<string, unknown>)?.endnote
    if (typeof themeClass === 'string') element.classList.add(themeClass)
    return element
  }

  override updateDOM(): boolean {
    return false
  }

  override isInline(): boolean {
    return true
  }

  override isKeyboardSelectable(): boolean {
    return true
  }

  /**
   * No text: the body's plain text (search index, similar posts, reading time, word counts)
   * must not contain reference markers.
   */
  override getTextContent(): string {
    return ''
  }

  /** The server has no rendering; the client node returns the React component. */
  override decorate(_editor: LexicalEditor, _config: EditorConfig): unknown {
    return null
  }

  getFootnote(): ID {
    return this.getLatest().__footnote
  }

  setFootnote(footnote: ID): this {
    const writable = this.getWritable()
    writable.__footnote = footnote
    return writable
  }
}

export function $createEndnoteServerNode(footnote: ID): EndnoteServerNode {
  return $applyNodeReplacement(new EndnoteServerNode(footnote))
}

export function $isEndnoteServerNode(node: LexicalNode | null | undefined): node is EndnoteServerNode {
  return node instanceof EndnoteServerNode
}

/**
 * Footnote ids of every endnote node in the active editor state, in document order (pre-order:
 * a node's children before its next sibling, as read) — the order the numbering follows, the
 * same as the server-side `endnotes` field. Must run inside `editor.read()` / `editor.update()`.
 */
export function $collectEndnoteFootnotes(): ID[] {
  const ids: ID[] = []
  const stack: LexicalNode[] = [$getRoot()]
  while (stack.length > 0) {
    const node = stack.pop() as LexicalNode
    if (node instanceof EndnoteServerNode) {
      ids.push(node.getFootnote())
      continue
    }
    if ($isElementNode(node)) {
      const children = node.getChildren()
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i])
    }
  }
  return ids
}
