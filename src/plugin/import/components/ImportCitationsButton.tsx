'use client'

import { Button, useConfig } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import React, { useCallback, useId, useState } from 'react'

import { useAdminTranslation } from '../../i18n/admin/useAdminTranslation'
import { sendImport } from './sendImport'

type Result = { created: (number | string)[]; format: string; reused: (number | string)[] }

/**
 * "Import citations" above the footnotes list: a BibTeX, RIS or CSL-JSON file is sent to
 * `POST /api/footnotes/import`; entries already present (DOI, URL or title) are reused.
 */
export const ImportCitationsButton: React.FC<{ footnotesSlug?: string }> = ({ footnotesSlug = 'footnotes' }) => {
  const { config } = useConfig()
  const router = useRouter()
  const t = useAdminTranslation()
  const inputId = useId()
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<null | Result>(null)
  const [error, setError] = useState<null | string>(null)

  const onFile = useCallback(
    async (event: React.ChangeEvent<HTMLInputElement>) => {
      const file = event.target.files?.[0]
      if (!file) return
      setBusy(true)
      setError(null)
      setResult(null)
      try {
        const form = new FormData()
        form.append('file', file, file.name)
        const answer = await sendImport(
          `${config.serverURL ?? ''}${config.routes.api}/${footnotesSlug}/import`,
          { body: form },
          (status) => status === 201,
          t('importFailed'),
        )
        if ('error' in answer) setError(answer.error)
        else {
          setResult(answer.body as Result)
          router.refresh()
        }
      } finally {
        setBusy(false)
        event.target.value = ''
      }
    },
    [config.routes.api, config.serverURL, footnotesSlug, router, t],
  )

  return (
    <div style={{ alignItems: 'center', display: 'flex', flexWrap: 'wrap', gap: 12, marginBottom: 16 }}>
      <label htmlFor={inputId}>{t('citationsImportChoose')}</label>
      <input accept=".bib,.ris,.json,application/json" disabled={busy} id={inputId} onChange={onFile} type="file" />
      {busy && <Button buttonStyle="secondary" disabled size="small">…</Button>}
      {result && <p role="status">{t('citationsImportDone', { created: result.created.length, reused: result.reused.length })}</p>}
      {error && <p role="alert">{error}</p>}
    </div>
  )
}
