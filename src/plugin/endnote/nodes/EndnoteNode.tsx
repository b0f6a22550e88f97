'use client'

import type {
  DOMConversionMap,
  EditorConfig,
  LexicalEditor,
  LexicalNode,
} from '@payloadcms/richtext-lexical/lexical'
import type { JSX } from 'react'

import { $applyNodeReplacement } from '@payloadcms/richtext-lexical/lexical'
import * as React from 'react'

import type { ID } from '../../utilities/id'
import type { SerializedEndnoteNode } from './EndnoteServerNode'

import { EndnoteComponent } from '../components/EndnoteComponent'
import { EndnoteServerNode } from './EndnoteServerNode'

/**
 * The editor's endnote node: the server node plus a React rendering (`decorate`). Lexical wants
 * the static methods to be the subclass's own, hence the thin overrides.
 */
export class EndnoteNode extends EndnoteServerNode {
  static override getType(): string {
    return super.getType()
  }

  static override clone(node: EndnoteNode): EndnoteNode {
    return new this(node.__footnote, node.__key)
  }

  static override importJSON(serializedNode: SerializedEndnoteNode): EndnoteNode {
    return super.importJSON(serializedNode) as EndnoteNode
  }

  static override importDOM(): DOMConversionMap | null {
    return super.importDOM()
  }

  override decorate(_editor: LexicalEditor, _config: EditorConfig): JSX.Element {
    return <EndnoteComponent footnote={this.__footnote} nodeKey={this.getKey()} />
  }
}

export function $createEndnoteNode(footnote: ID): EndnoteNode {
  return $applyNodeReplacement(new EndnoteNode(footnote))
}

export function $isEndnoteNode(node: LexicalNode | null | undefined): node is EndnoteNode {
  return node instanceof EndnoteNode
}
