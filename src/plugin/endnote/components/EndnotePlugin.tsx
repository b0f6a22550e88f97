'use client'

import type { PluginComponent } from '@payloadcms/richtext-lexical'
import type { BaseSelection, NodeKey } from '@payloadcms/richtext-lexical/lexical'
import type { CollectionSlug } from 'payload'

import {
  $getNodeByKey,
  $getPreviousSelection,
  $getRoot,
  $getSelection,
  $insertNodes,
  $isRangeSelection,
  $setSelection,
  COMMAND_PRIORITY_EDITOR,
} from '@payloadcms/richtext-lexical/lexical'
import { useLexicalComposerContext } from '@payloadcms/richtext-lexical/lexical/react/LexicalComposerContext'
import { mergeRegister } from '@payloadcms/richtext-lexical/lexical/utils'
import { useConfig, useListDrawer } from '@payloadcms/ui'
import React, { useCallback, useEffect, useRef } from 'react'

import type { EndnoteFeatureClientProps } from '../types'
import type { ID } from '../../utilities/id'

import { $createEndnoteNode, $isEndnoteNode, EndnoteNode } from '../nodes/EndnoteNode'
import { INSERT_ENDNOTE_COMMAND, normalizeFootnoteID } from '../nodes/EndnoteServerNode'
import { CHANGE_ENDNOTE_COMMAND } from './commands'
import { footnoteURL, primeFootnoteSummary } from './footnoteSummary'

/** Where the footnote picked in the drawer goes: a new reference at a caret, or an existing node. */
type DrawerTarget =
  | { kind: 'insert'; selection: BaseSelection | null }
  | { kind: 'replace'; nodeKey: NodeKey }

/** Has the stored selection's anchor/focus still in the tree, with offsets still in range? */
function $isRestorable(selection: BaseSelection | null): boolean {
  if (!$isRangeSelection(selection)) return false
  return [selection.anchor, selection.focus].every((point) => {
    const node = $getNodeByKey(point.key)
    if (!node) return false
    const size =
      point.type === 'text' ? node.getTextContentSize() : 'getChildrenSize' in node
        ? (node as unknown as { getChildrenSize(): number }).getChildrenSize()
        : 0
    return point.offset <= size
  })
}

/**
 * Inserts an endnote reference at the current (or given) selection, after any selected text —
 * the selected words are the ones being cited, they are not replaced — and puts the caret after it.
 */
export function $insertEndnote(footnote: ID, at?: BaseSelection | null): void {
  if (at !== undefined && $isRestorable(at)) $setSelection(at!.clone())
  let selection = $getSelection() ?? $getPreviousSelection()
  if (!$isRangeSelection(selection)) {
    $getRoot().selectEnd()
    selection = $getSelection()
  }
  if (!$isRangeSelection(selection)) return
  if (!selection.isCollapsed()) {
    const end = selection.isBackward() ? selection.anchor : selection.focus
    selection.anchor.set(end.key, end.offset, end.type)
    selection.focus.set(end.key, end.offset, end.type)
  }
  const node = $createEndnoteNode(footnote)
  $insertNodes([node])
  node.selectNext()
}

/**
 * Registers the endnote commands on the editor and owns the footnote picker: a searchable list
 * drawer over the footnotes collection, which also offers "Create new".
 */
export const EndnotePlugin: PluginComponent<EndnoteFeatureClientProps> = ({ clientProps }) => {
  const footnotesSlug = clientProps?.footnotesSlug || 'footnotes'
  const [editor] = useLexicalComposerContext()
  const {
    config: {
      routes: { api },
    },
  } = useConfig()
  // The slug is configurable, so it is not one of the generated CollectionSlug literals.
  const collection = footnotesSlug as CollectionSlug
  const [ListDrawer, , { closeDrawer, openDrawer }] = useListDrawer({
    collectionSlugs: [collection],
    selectedCollection: collection,
  })
  const target = useRef<DrawerTarget | null>(null)

  useEffect(() => {
    if (!editor.hasNodes([EndnoteNode])) {
      throw new Error('[policy-posts] EndnotePlugin: EndnoteNode is not registered on the editor')
    }
    return mergeRegister(
      editor.registerCommand(
        INSERT_ENDNOTE_COMMAND,
        (payload) => {
          const footnote = normalizeFootnoteID(payload?.footnote)
          if (footnote !== null) {
            $insertEndnote(footnote)
            return true
          }
          // No footnote given: remember the caret (the drawer takes focus) and let the user pick.
          const selection = $getSelection() ?? $getPreviousSelection()
          target.current = { kind: 'insert', selection: selection ? selection.clone() : null }
          openDrawer()
          return true
        },
        COMMAND_PRIORITY_EDITOR,
      ),
      editor.registerCommand(
        CHANGE_ENDNOTE_COMMAND,
        ({ nodeKey }) => {
          target.current = { kind: 'replace', nodeKey }
          openDrawer()
          return true
        },
        COMMAND_PRIORITY_EDITOR,
      ),
    )
  }, [editor, openDrawer])

  const onSelect = useCallback(
    ({ doc }: { doc: Record<string, unknown> }) => {
      const footnote = normalizeFootnoteID(doc?.id)
      const current = target.current
      target.current = null
      closeDrawer()
      if (footnote === null || !current) return
      primeFootnoteSummary(footnoteURL(api, footnotesSlug, footnote), doc)
      editor.update(() => {
        if (current.kind === 'replace') {
          const node = $getNodeByKey(current.nodeKey)
          if ($isEndnoteNode(node)) {
            node.setFootnote(footnote)
            node.selectNext()
            return
          }
          // The node vanished while the drawer was open: fall back to inserting at the caret.
          $insertEndnote(footnote)
          return
        }
        $insertEndnote(footnote, current.selection)
      })
      // Give the drawer a tick to release focus, then return it to the text.
      setTimeout(() => editor.focus(), 0)
    },
    [api, closeDrawer, editor, footnotesSlug],
  )

  return <ListDrawer allowCreate enableRowSelections={false} onSelect={onSelect} />
}
