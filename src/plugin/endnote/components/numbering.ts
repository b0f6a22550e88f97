'use client'

import type { EditorState, LexicalEditor } from '@payloadcms/richtext-lexical/lexical'

import { useCallback, useSyncExternalStore } from 'react'

import type { ID } from '../../utilities/id'

import { $collectEndnoteFootnotes } from '../nodes/EndnoteServerNode'
import { numberEndnotes } from '../numberEndnotes'

/**
 * Live endnote numbering for one editor.
 *
 * Decorators are rendered by Lexical outside our plugin's React tree, so a React context would
 * not reach them; instead every editor gets one small external store. It walks the editor state
 * in document order (the same order the server's `endnotes` field uses), numbers footnotes by
 * first appearance and notifies the rendered references only when the numbering changed.
 */
type Numbering = {
  /** String(footnote id) → 1-based number */
  numbers: Map<string, number>
  /** cheap equality check between two numberings */
  signature: string
}

const EMPTY: Numbering = { numbers: new Map(), signature: '' }

function computeNumbering(editorState: EditorState): Numbering {
  const ids = editorState.read(() => $collectEndnoteFootnotes())
  if (ids.length === 0) return EMPTY
  const numbers = new Map<string, number>()
  for (const entry of numberEndnotes(ids)) numbers.set(String(entry.footnote), entry.number)
  return { numbers, signature: ids.map(String).join('\u0000') }
}

class EndnoteNumberingStore {
  private computedFor: EditorState | null = null
  private current: Numbering = EMPTY
  private listeners = new Set<() => void>()
  private unregister: (() => void) | null = null

  constructor(private readonly editor: LexicalEditor) {}

  /** The numbering of the editor's current state (computed lazily, cached per editor state). */
  get(): Numbering {
    const state = this.editor.getEditorState()
    if (this.computedFor !== state) {
      const next = computeNumbering(state)
      // Keep the old object when nothing changed so snapshots stay referentially stable.
      if (next.signature !== this.current.signature) this.current = next
      this.computedFor = state
    }
    return this.current
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    if (!this.unregister) {
      this.unregister = this.editor.registerUpdateListener(
        ({ dirtyElements, dirtyLeaves, editorState }) => {
          if (dirtyElements.size === 0 && dirtyLeaves.size === 0) {
            // Selection-only update: the node tree is the same, carry the numbering over.
            if (this.computedFor !== null) this.computedFor = editorState
            return
          }
          const before = this.current
          this.get()
          if (before !== this.current) for (const l of [...this.listeners]) l()
        },
      )
    }
    return () => {
      this.listeners.delete(listener)
      if (this.listeners.size === 0 && this.unregister) {
        this.unregister()
        this.unregister = null
        this.computedFor = null
      }
    }
  }
}

const stores = new WeakMap<LexicalEditor, EndnoteNumberingStore>()

function getEndnoteNumberingStore(editor: LexicalEditor): EndnoteNumberingStore {
  let store = stores.get(editor)
  if (!store) {
    store = new EndnoteNumberingStore(editor)
    stores.set(editor, store)
  }
  return store
}

/** The live 1-based number of `footnote` in `editor` (0 while the node is not in the tree yet). */
export function useEndnoteNumber(editor: LexicalEditor, footnote: ID): number {
  const store = getEndnoteNumberingStore(editor)
  const key = String(footnote)
  const getSnapshot = useCallback(() => store.get().numbers.get(key) ?? 0, [store, key])
  return useSyncExternalStore(store.subscribe, getSnapshot, getSnapshot)
}
