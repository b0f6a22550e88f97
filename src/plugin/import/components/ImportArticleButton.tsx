'use client'

import { Button, useConfig } from '@payloadcms/ui'
import React, { useCallback, useId, useState } from 'react'

import { formatCitation } from '../../endnote/formatCitation'
import { useAdminTranslation } from '../../i18n/admin/useAdminTranslation'
import { sendImport } from './sendImport'

export type ImportArticleButtonProps = {
  languages: { code: string; label: string }[]
  postsSlug?: string
}

type Problem = { line: number; message: string }
type Imported = {
  created: { footnotes: number; reused: number }
  media?: { created: number; skipped: { index: number; reason: string }[] }
  post: { id: number | string; slug: string }
  problems: Problem[]
  warnings: string[]
}

/** What the server reads from a .docx before importing it (`preview: true`). */
type DocxPreview = {
  body: { headings: number; lists: number; paragraphs: number; quotes: number }
  category?: string
  highlights: string[]
  images: { alt?: string; index: number; skipped?: string }[]
  notes: { citation: Record<string, string>; name: string }[]
  problems: Problem[]
  title: string
}

const isDocx = (file: File): boolean =>
  /\.docx$/i.test(file.name) || file.type === 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

/** Payload's multipart convention: the fields travel as one JSON `_payload` part beside the file. */
function docxForm(file: File, fields: Record<string, unknown>): FormData {
  const form = new FormData()
  form.append('_payload', JSON.stringify(fields))
  form.append('file', file, file.name)
  return form
}

/** The import endpoint's answers this form shows: a .docx preview (200), an import (201), problems (422). */
const isImportAnswer = (status: number, body: unknown): boolean =>
  status === 201 || status === 422 || (status === 200 && Boolean((body as { preview?: boolean }).preview))

const box: React.CSSProperties = {
  border: '1px solid var(--theme-elevation-150)',
  borderRadius: 4,
  display: 'grid',
  gap: 12,
  marginBottom: 24,
  padding: 16,
}

/**
 * "Import article" above the posts list: paste the text or load a .txt or Word .docx file, pick
 * the language, and the server imports it as a draft (`POST /api/posts/import`). A .docx is
 * first read without writing (`preview`) so the editor sees the title, key points, notes and
 * images that will be created. When the content has problems they are listed and the editor
 * can import anyway.
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
  const [docx, setDocx] = useState<File | null>(null)
  const [preview, setPreview] = useState<DocxPreview | null>(null)

  const api = `${config.serverURL ?? ''}${config.routes.api}`
  const adminRoute = config.routes.admin

  const submit = useCallback(
    async (force: boolean, previewOnly = false) => {
      setBusy(true)
      setError(null)
      try {
        const init = docx
          ? { body: docxForm(docx, { force, language, preview: previewOnly }) }
          : { body: JSON.stringify({ force, language, text }), headers: { 'Content-Type': 'application/json' } }
        const answer = await sendImport(`${api}/${postsSlug}/import`, init, isImportAnswer, t('importFailed'))
        if ('error' in answer) setError(answer.error)
        else if (answer.status === 201) {
          setImported(answer.body as Imported)
          setProblems(null)
          setPreview(null)
        } else if (answer.status === 422) {
          setProblems((answer.body as { problems?: Problem[] }).problems ?? [])
        } else {
          const read = answer.body as DocxPreview
          setPreview(read)
          setProblems(read.problems.length > 0 ? read.problems : null)
        }
      } finally {
        setBusy(false)
      }
    },
    [api, docx, language, postsSlug, t, text],
  )

  const onFile = useCallback(async (event: React.ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0]
    setProblems(null)
    setImported(null)
    setPreview(null)
    setError(null)
    if (!file) return
    if (isDocx(file)) {
      setDocx(file)
      setText('')
    } else {
      setDocx(null)
      setText(await file.text())
    }
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
        disabled={docx !== null}
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
        <label htmlFor={ids.file}>{t('importChooseDocx')}</label>
        <input
          accept=".txt,text/plain,.docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          id={ids.file}
          onChange={onFile}
          type="file"
        />
        <label htmlFor={ids.language}>{t('importLanguage')}</label>
        <select
          id={ids.language}
          onChange={(event) => {
            setLanguage(event.target.value)
            setPreview(null)
          }}
          value={language}
        >
          {languages.map(({ code, label }) => (
            <option key={code} value={code}>
              {label}
            </option>
          ))}
        </select>
      </div>
      {preview && docx && (
        <div aria-label={t('importDocxPreview', { name: docx.name })} data-testid="docx-preview" role="region">
          <h4 style={{ margin: '0 0 8px' }}>{t('importDocxPreview', { name: docx.name })}</h4>
          <dl style={{ display: 'grid', gap: '4px 12px', gridTemplateColumns: 'max-content 1fr', margin: 0 }}>
            <dt>{t('importDocxTitle')}</dt>
            <dd style={{ margin: 0 }}>{preview.title}</dd>
            {preview.category && (
              <>
                <dt>{t('importDocxCategory')}</dt>
                <dd style={{ margin: 0 }}>{preview.category}</dd>
              </>
            )}
          </dl>
          <p>{t('importDocxBody', preview.body)}</p>
          {preview.highlights.length > 0 && (
            <>
              <p style={{ marginBottom: 4 }}>{t('importDocxHighlights', { count: preview.highlights.length })}</p>
              <ul style={{ marginTop: 0 }}>
                {preview.highlights.map((highlight, index) => (
                  <li key={index}>{highlight}</li>
                ))}
              </ul>
            </>
          )}
          <p style={{ marginBottom: 4 }}>{t('importDocxNotes', { count: preview.notes.length })}</p>
          <ol style={{ marginTop: 0 }}>
            {preview.notes.map((note, index) => (
              <li key={index}>
                <small>{note.name}</small> — {formatCitation(note.citation, language)}
              </li>
            ))}
          </ol>
          {preview.images.length > 0 && (
            <>
              <p style={{ marginBottom: 4 }}>
                {t('importDocxImages', {
                  created: preview.images.filter((image) => !image.skipped).length,
                  skipped: preview.images.filter((image) => image.skipped).length,
                })}
              </p>
              <ul style={{ marginTop: 0 }}>
                {preview.images.map((image) => (
                  <li key={image.index}>
                    {image.index}. {image.alt ?? '—'}
                    {image.skipped && <em> — {image.skipped}</em>}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
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
          {imported.media && (imported.media.created > 0 || imported.media.skipped.length > 0) && (
            <p>{t('importMediaCreated', { created: imported.media.created, skipped: imported.media.skipped.length })}</p>
          )}
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
        {docx && !preview && !imported && (
          <Button buttonStyle="primary" disabled={busy} onClick={() => void submit(false, true)} size="small">
            {t('importDocxCheck')}
          </Button>
        )}
        {docx && preview && (!problems || problems.length === 0) && (
          <Button buttonStyle="primary" disabled={busy} onClick={() => void submit(false)} size="small">
            {t('importDocxImport')}
          </Button>
        )}
        {!docx && (
          <Button buttonStyle="primary" disabled={busy || text.trim() === ''} onClick={() => void submit(false)} size="small">
            {t('importCheck')}
          </Button>
        )}
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
