'use client'

import type { ToolbarGroupItem } from '@payloadcms/richtext-lexical'

import type { EndnoteFeatureClientProps } from './types'

import {
  createClientFeature,
  slashMenuBasicGroupWithItems,
  toolbarAddDropdownGroupWithItems,
  toolbarFeatureButtonsGroupWithItems,
} from '@payloadcms/richtext-lexical/client'
import { $isNodeSelection, $isRangeSelection } from '@payloadcms/richtext-lexical/lexical'

import { EndnoteIcon } from './components/EndnoteIcon'
import { EndnotePlugin } from './components/EndnotePlugin'
import { $isEndnoteNode, EndnoteNode } from './nodes/EndnoteNode'
import { INSERT_ENDNOTE_COMMAND } from './nodes/EndnoteServerNode'


const label = ({ i18n }: { i18n: { t: (key: string) => string } }) => i18n.t('policy-posts:endnoteLabel')

const toolbarItem: ToolbarGroupItem = {
  ChildComponent: EndnoteIcon,
  isActive: ({ selection }) =>
    $isNodeSelection(selection) && selection.getNodes().some((node) => $isEndnoteNode(node)),
  isEnabled: ({ selection }) => $isRangeSelection(selection),
  key: 'endnote',
  label,
  // Opens the footnote picker; the pick is inserted after the selected text.
  onSelect: ({ editor }) => {
    editor.dispatchCommand(INSERT_ENDNOTE_COMMAND, undefined)
  },
  order: 10,
}

/**
 * Client half of the endnote feature: the node with its React rendering, the plugin that owns
 * the footnote picker, a slash-menu command ("/endnote") and toolbar buttons (inline toolbar for
 * a text selection, the fixed toolbar's "add" dropdown when that toolbar is enabled).
 */
export const EndnoteFeatureClient = createClientFeature<EndnoteFeatureClientProps>({
  nodes: [EndnoteNode],
  plugins: [{ Component: EndnotePlugin, position: 'normal' }],
  slashMenu: {
    groups: [
      slashMenuBasicGroupWithItems([
        {
          Icon: EndnoteIcon,
          key: 'endnote',
          keywords: ['endnote', 'footnote', 'note', 'citation', 'cite', 'reference', 'kaynak', 'dipnot', 'son not'],
          label,
          onSelect: ({ editor }) => {
            editor.dispatchCommand(INSERT_ENDNOTE_COMMAND, undefined)
          },
        },
      ]),
    ],
  },
  toolbarFixed: {
    groups: [toolbarAddDropdownGroupWithItems([toolbarItem])],
  },
  toolbarInline: {
    groups: [toolbarFeatureButtonsGroupWithItems([toolbarItem])],
  },
})
