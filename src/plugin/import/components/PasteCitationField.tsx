'use client'

import type { UIFieldClientComponent } from 'payload'

import { Button, useForm } from '@payloadcms/ui'
import React, { useCallback, useId, useState } from 'react'

import { useAdminTranslation } from '../../i18n/admin/useAdminTranslation'
import { parseCitationLine } from '../parseCitationLine'

const FIELDS = ['citedAuthors', 'title', 'outlet', 'url', 'accessedAt', 'note'] as const

/**
 * Top of the footnote form (also in the editor's footnote drawer): paste one formatted
 * citation and its parts fill the fields through the importer's citation parser. Nothing is
 * saved: the editor checks the fields and saves.
 */
export const PasteCitationField: UIFieldClientComponent = () => {
  const { dispatchFields } = useForm()
  const t = useAdminTranslation()
  const id = useId()
  const [text, setText] = useState('')
  const [message, setMessage] = useState<null | string>(null)

  const fill = useCallback(
    (value: string) => {
      const { citation, issues } = parseCitationLine(value)
      const filled: string[] = []
      for (const field of FIELDS) {
        const raw = citation[field]
        if (raw === undefined) continue
        // Access dates are calendar days; noon UTC keeps the day in every time zone.
        dispatchFields({ type: 'UPDATE', path: field, value: field === 'accessedAt' ? `${raw}T12:00:00.000Z` : raw })
        filled.push(field)
      }
      setMessage(
        [filled.length > 0 ? t('citationPasteFilled', { count: filled.length }) : t('citationPasteNothing'), ...issues.map((issue) => issue.message)].join(' · '),
      )
    },
    [dispatchFields, t],
  )

  return (
    <div className="field-type" style={{ display: 'grid', gap: 6, marginBottom: 24 }}>
      <label className="field-label" htmlFor={id}>
        {t('citationPasteLabel')}
      </label>
      <textarea
        id={id}
        onChange={(event) => setText(event.target.value)}
        onPaste={(event) => {
          const pasted = event.clipboardData.getData('text')
          if (pasted.trim()) {
            event.preventDefault()
            setText(pasted)
            fill(pasted)
          }
        }}
        placeholder="Emil Avdaliani, “Putin Seeks to Solve His Azerbaijan Problem”, CEPA, https://cepa.org/…, (Access Date: 24.12.2025)"
        rows={2}
        style={{ width: '100%' }}
        value={text}
      />
      <div style={{ alignItems: 'center', display: 'flex', gap: 12 }}>
        <Button buttonStyle="secondary" disabled={!text.trim()} onClick={() => fill(text)} size="small">
          {t('citationPasteFill')}
        </Button>
        {message && <span role="status">{message}</span>}
      </div>
    </div>
  )
}
