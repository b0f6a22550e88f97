'use client'

import { Button, useConfig } from '@payloadcms/ui'
import React, { useCallback, useId, useState } from 'react'

import { useAdminTranslation } from '../../i18n/admin/useAdminTranslation'

export type ImportArticleButtonProps = {
  languages: { code: string; label: string }[]
  postsSlug?: string
}

type Problem = { line: number; message: string }
type Imported = {
  created: { footnotes: number; reused: number }
  post: { id: number | string; slug: string }
  problems: Problem[]
  warnings: string[]
}

const box: React.CSSProperties = {
  border: '1px solid var(--theme-elevation-150)',
  borderRadius: 4,
  display: 'grid',
  gap: 12,
  marginBottom: 24,
  padding: 16,
}

/**
 * "Import article" above the posts list: paste the text or load a .txt file, pick the
 * language, and the server imports it as a draft (`POST /api/posts/import`). When the text
 * has problems they are listed line by line and the editor can import anyway.
 */
export const ImportArticleButton: React.FC<ImportArticleButtonProps> = ({ languages, postsSlug = 'posts' }) => {
  const { config } = useConfig()
  const t = useAdminTranslation()
  const ids = { file: useId(), language: useId(), text: useId() }
  const [open, setOpen] = useState(false)
  const [text, setText] = useState('')
  const [language, setLanguage] = useState(languages[0]?.code ?? 'en')
  const [busy, setBusy] = useState(false)
  const [problems, setProblems] = useState<Problem[] | null>(null)
  const [error, setError] = useState<null | string>(null)
  const [imported, setImported] = useState<Imported | null>(null)

  const api = `${config.serverURL ?? ''}${config.routes.api}`
  const adminRoute = config.routes.admin

  const submit = useCallback(
    async (force: boolean) => {
      setBusy(true)
      setError(null)
      try {
        const response = await fetch(`${api}/${postsSlug}/import`, {
          body: JSON.stringify({ force, language, text }),
          credentials: 'include',
          headers: { 'Content-Type': 'application/json' },
          method: 'POST',
        })
        const body = await response.json().catch(() => ({}))
        if (response.status === 201) {
          setImported(body as Imported)
          setProblems(null)
        } else if (response.status === 422) {
          setProblems((body as { problems?: Problem[] }).problems ?? [])
        } else {
          const errors = (body as { errors?: { data?: { errors?: { message: string }[] }; message: string }[] }).errors
          setError(errors?.[0]?.data?.errors?.[0]?.message ?? errors?.[0]?.message ?? `${t('importFailed')} (${response.status})`)
        }
      } catch (caught) {
        setError(`${t('importFailed')}: ${String(caught)}`)
      } finally {
        setBusy(false)
      }
    },
    [api, language, postsSlug, t, text],
  )

  const onFile = useCallback(async (event: React.ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0]
    if (!file) return
    setText(await file.text())
    setProblems(null)
    setImported(null)
  }, [])

  if (!open) {
    return (
      <div style={{ marginBottom: 16 }}>
        <Button buttonStyle="secondary" onClick={() => setOpen(true)} size="small">
          {t('importOpen')}
        </Button>
      </div>
    )
  }

  return (
    <section aria-label={t('importTitle')} style={box}>
      <h3 style={{ margin: 0 }}>{t('importTitle')}</h3>
      <label htmlFor={ids.text}>{t('importPaste')}</label>
      <textarea
        id={ids.text}
        onChange={(event) => {
          setText(event.target.value)
          setProblems(null)
          setImported(null)
        }}
        rows={12}
        style={{ fontFamily: 'var(--font-mono, monospace)', width: '100%' }}
        value={text}
      />
      <div style={{ alignItems: 'center', display: 'flex', flexWrap: 'wrap', gap: 16 }}>
        <label htmlFor={ids.file}>{t('importChooseFile')}</label>
        <input accept=".txt,text/plain" id={ids.file} onChange={onFile} type="file" />
        <label htmlFor={ids.language}>{t('importLanguage')}</label>
        <select id={ids.language} onChange={(event) => setLanguage(event.target.value)} value={language}>
          {languages.map(({ code, label }) => (
            <option key={code} value={code}>
              {label}
            </option>
          ))}
        </select>
      </div>
      {problems && (
        <div role="alert">
          <p>{t('importProblems', { count: problems.length })}</p>
          <ul>
            {problems.map((problem, index) => (
              <li key={index}>{problem.message}</li>
            ))}
          </ul>
        </div>
      )}
      {error && <p role="alert">{error}</p>}
      {imported && (
        <div role="status">
          <p>{t('importCreated', { footnotes: imported.created.footnotes, reused: imported.created.reused })}</p>
          {[...imported.warnings, ...imported.problems.map((problem) => problem.message)].length > 0 && (
            <ul>
              {[...imported.warnings, ...imported.problems.map((problem) => problem.message)].map((message, index) => (
                <li key={index}>{message}</li>
              ))}
            </ul>
          )}
          <a href={`${adminRoute}/collections/${postsSlug}/${imported.post.id}`}>{t('importOpenDraft')}</a>
        </div>
      )}
      <div style={{ display: 'flex', gap: 8 }}>
        <Button buttonStyle="primary" disabled={busy || text.trim() === ''} onClick={() => void submit(false)} size="small">
          {t('importCheck')}
        </Button>
        {problems && problems.length > 0 && (
          <Button buttonStyle="error" disabled={busy} onClick={() => void submit(true)} size="small">
            {t('importForce')}
          </Button>
        )}
        <Button buttonStyle="secondary" onClick={() => setOpen(false)} size="small">
          {t('importCancel')}
        </Button>
      </div>
    </section>
  )
}
