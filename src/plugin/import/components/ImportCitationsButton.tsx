'use client'

import { Button, useConfig } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import React, { useCallback, useId, useState } from 'react'

import { useAdminTranslation } from '../../i18n/admin/useAdminTranslation'

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
        const response = await fetch(`${config.serverURL ?? ''}${config.routes.api}/${footnotesSlug}/import`, {
          body: form,
          credentials: 'include',
          method: 'POST',
        })
        const body = await response.json().catch(() => ({}))
        if (response.status === 201) {
          setResult(body as Result)
          router.refresh()
        } else {
          const errors = (body as { errors?: { data?: { errors?: { message: string }[] }; message: string }[] }).errors
          setError(errors?.[0]?.data?.errors?.[0]?.message ?? errors?.[0]?.message ?? `${t('importFailed')} (${response.status})`)
        }
      } catch (caught) {
        setError(`${t('importFailed')}: ${String(caught)}`)
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
