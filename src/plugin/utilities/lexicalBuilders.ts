// Builders for Lexical editor-state JSON, used by the importer and the demo seed so both
// produce exactly what the admin editor would save.

export interface LexicalNode {
  [key: string]: unknown
  type: string
  version: number
}

export interface LexicalRoot {
  root: LexicalNode & { children: LexicalNode[] }
}

const FORMAT = { bold: 1, italic: 2 } as const

/** A text node with Lexical's format bits as they are (1 bold, 2 italic, 8 underline, …). */
export const formattedTextNode = (text: string, format: number): LexicalNode => ({
  detail: 0,
  format,
  mode: 'normal',
  style: '',
  text,
  type: 'text',
  version: 1,
})

export const textNode = (text: string, format: { bold?: boolean; italic?: boolean } = {}): LexicalNode =>
  formattedTextNode(text, (format.bold ? FORMAT.bold : 0) | (format.italic ? FORMAT.italic : 0))

export const endnoteNode = (footnote: number | string): LexicalNode => ({ footnote, type: 'endnote', version: 1 })

/** An element node (paragraph, list item, link, …) as the admin editor saves it. */
export const elementNode = (type: string, children: LexicalNode[], extra: Record<string, unknown> = {}): LexicalNode => ({
  children,
  direction: 'ltr',
  format: '',
  indent: 0,
  type,
  version: 1,
  ...extra,
})

export const paragraphNode = (children: LexicalNode[]): LexicalNode =>
  elementNode('paragraph', children, { textFormat: 0, textStyle: '' })

export const headingNode = (tag: 'h2' | 'h3' | 'h4', children: LexicalNode[]): LexicalNode =>
  elementNode('heading', children, { tag })

/** A link to `url` in the same tab, as the editor's link feature saves it. */
export const linkNode = (url: string, children: LexicalNode[]): LexicalNode =>
  elementNode('link', children, { fields: { linkType: 'custom', newTab: false, url }, version: 3 })

export const quoteNode = (children: LexicalNode[]): LexicalNode => elementNode('quote', children)

export const listNode = (items: LexicalNode[][], listType: 'bullet' | 'number' = 'bullet'): LexicalNode =>
  elementNode(
    'list',
    items.map((children, index) => elementNode('listitem', children, { value: index + 1 })),
    { listType, start: 1, tag: listType === 'bullet' ? 'ul' : 'ol' },
  )

export const rootNode = (children: LexicalNode[]): LexicalRoot => ({
  root: { ...elementNode('root', children), type: 'root' } as LexicalRoot['root'],
})
