'use client'

import type { NodeKey } from '@payloadcms/richtext-lexical/lexical'

import { useEditorConfigContext } from '@payloadcms/richtext-lexical/client'
import { $getNodeByKey } from '@payloadcms/richtext-lexical/lexical'
import { useLexicalComposerContext } from '@payloadcms/richtext-lexical/lexical/react/LexicalComposerContext'
import { useLexicalEditable } from '@payloadcms/richtext-lexical/lexical/react/useLexicalEditable'
import { useLexicalNodeSelection } from '@payloadcms/richtext-lexical/lexical/react/useLexicalNodeSelection'
import React, { useCallback } from 'react'

import type { ID } from '../../utilities/id'

import { useAdminTranslation } from '../../i18n/admin/useAdminTranslation'
import { MAX_ROMAN, toRoman } from '../roman'
import { CHANGE_ENDNOTE_COMMAND } from './commands'
import { useFootnoteSummary, useFootnoteURL } from './footnoteSummary'
import { useEndnoteNumber } from './numbering'

const styles = {
  action: {
    alignItems: 'center',
    background: 'none',
    border: 0,
    borderRadius: 3,
    color: 'var(--theme-elevation-800)',
    cursor: 'pointer',
    display: 'inline-flex',
    font: 'inherit',
    fontSize: 13,
    height: 22,
    justifyContent: 'center',
    lineHeight: 1,
    margin: 0,
    padding: 0,
    width: 22,
  },
  actions: {
    background: 'var(--theme-elevation-0)',
    border: '1px solid var(--theme-elevation-150)',
    borderRadius: 4,
    bottom: 'calc(100% + 2px)',
    boxShadow: '0 2px 6px rgba(0, 0, 0, 0.15)',
    display: 'inline-flex',
    gap: 2,
    left: '50%',
    padding: 2,
    position: 'absolute',
    transform: 'translateX(-50%)',
    whiteSpace: 'nowrap',
    zIndex: 2,
  },
  ref: {
    borderRadius: 2,
    cursor: 'pointer',
    fontSize: '0.75em',
    fontVariantNumeric: 'normal',
    lineHeight: 0,
    padding: '0 1px',
    userSelect: 'none',
    verticalAlign: 'super',
  },
  wrapper: { display: 'inline', position: 'relative' },
} satisfies Record<string, React.CSSProperties>

/** A button of the selected endnote's toolbar; pressing it leaves the focus in the editor. */
type EndnoteActionProps = { className: string; label: string; onClick: (event: React.MouseEvent) => void; symbol: string }

const EndnoteAction: React.FC<EndnoteActionProps> = ({ className, label, onClick, symbol }) => (
  <button
    aria-label={label}
    className={className}
    onClick={onClick}
    onMouseDown={(event) => event.preventDefault()}
    style={styles.action}
    title={label}
    type="button"
  >
    {symbol}
  </button>
)

export type EndnoteComponentProps = {
  footnote: ID
  nodeKey: NodeKey
}

/** Reads the footnotes slug the server feature passed down (`clientFeatureProps`). */
function useFootnotesSlug(): string {
  const { editorConfig } = useEditorConfigContext()
  const props = editorConfig?.resolvedFeatureMap?.get('endnote')?.sanitizedClientFeatureProps as
    | { footnotesSlug?: string }
    | undefined
  return props?.footnotesSlug || 'footnotes'
}

/**
 * The in-editor rendering of one endnote reference: `[iv]`, numbered live by first appearance,
 * with the citation's label as its tooltip. When selected (click, or arrow keys onto it) a small
 * bar offers "change citation" and "remove".
 */
export const EndnoteComponent: React.FC<EndnoteComponentProps> = ({ footnote, nodeKey }) => {
  const [editor] = useLexicalComposerContext()
  const isEditable = useLexicalEditable()
  const [isSelected, setSelected, clearSelection] = useLexicalNodeSelection(nodeKey)
  const t = useAdminTranslation()

  const number = useEndnoteNumber(editor, footnote)
  const summary = useFootnoteSummary(useFootnoteURL(useFootnotesSlug(), footnote))
  const numeral = number > 0 ? (number <= MAX_ROMAN ? toRoman(number) : String(number)) : '…'

  const title =
    summary.status === 'found'
      ? summary.label
      : summary.status === 'missing'
        ? `${t('endnoteMissing')} (#${String(footnote)})`
        : summary.status === 'error'
          ? t('endnoteError')
          : t('endnoteLoading')

  const onRefClick = useCallback(
    (event: React.MouseEvent) => {
      event.preventDefault()
      if (!isSelected) {
        clearSelection()
        setSelected(true)
      }
    },
    [clearSelection, isSelected, setSelected],
  )

  const onChange = useCallback(
    (event: React.MouseEvent) => {
      event.preventDefault()
      event.stopPropagation()
      editor.dispatchCommand(CHANGE_ENDNOTE_COMMAND, { nodeKey })
    },
    [editor, nodeKey],
  )

  const onRemove = useCallback(
    (event: React.MouseEvent) => {
      event.preventDefault()
      event.stopPropagation()
      editor.update(() => {
        const node = $getNodeByKey(nodeKey)
        if (!node) return
        node.selectPrevious()
        node.remove()
      })
      editor.focus()
    },
    [editor, nodeKey],
  )

  const missing = summary.status === 'missing'

  return (
    <span className="policy-endnote" data-footnote={String(footnote)} style={styles.wrapper}>
      <sup
        aria-label={`${t('endnoteLabel')} ${numeral}: ${title}`}
        className="policy-endnote__ref"
        data-endnote-number={number || undefined}
        onClick={onRefClick}
        style={{
          ...styles.ref,
          background: isSelected ? 'var(--theme-elevation-150)' : 'var(--theme-elevation-50)',
          color: missing ? 'var(--theme-error-500)' : 'var(--theme-elevation-800)',
          outline: isSelected ? '1px solid var(--theme-elevation-400)' : undefined,
          textDecoration: missing ? 'line-through' : undefined,
        }}
        title={title}
      >
        [{numeral}]
      </sup>
      {isSelected && isEditable ? (
        <span className="policy-endnote__actions" style={styles.actions}>
          <EndnoteAction className="policy-endnote__change" label={t('endnoteChange')} onClick={onChange} symbol="✎" />
          <EndnoteAction className="policy-endnote__remove" label={t('endnoteRemove')} onClick={onRemove} symbol="×" />
        </span>
      ) : null}
    </span>
  )
}
