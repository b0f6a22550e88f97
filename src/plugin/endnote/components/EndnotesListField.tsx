'use client'

import type { ArrayFieldClientComponent } from 'payload'

import { FieldDescription, FieldLabel, useConfig, useFormFields } from '@payloadcms/ui'
import React, { useEffect, useMemo, useState } from 'react'

import { useAdminTranslation } from '../../i18n/admin/useAdminTranslation'
import { formatCitation } from '../formatCitation'

export type EndnotesListFieldProps = { footnotesSlug?: string }

type Row = { footnote: number | string; label: string }
type Loaded = { ids: string; records: Map<string, Record<string, unknown>> }

const idOf = (value: unknown): number | string | undefined => {
  if (typeof value === 'number' || typeof value === 'string') return value
  if (value && typeof value === 'object' && 'id' in value) return idOf((value as { id: unknown }).id)
  return undefined
}

/**
 * The derived `endnotes` field in the edit view: one compact numbered list — label, the
 * formatted citation, a link to the footnote record — instead of three stacked read-only
 * inputs per note, so an editor checking an imported manuscript sees all notes at once.
 */
export const EndnotesListField: ArrayFieldClientComponent = (props) => {
  const { field, path } = props
  const footnotesSlug = (props as unknown as EndnotesListFieldProps).footnotesSlug ?? 'footnotes'
  const { config } = useConfig()
  const t = useAdminTranslation()
  // Form state keeps an array's rows as `endnotes.0.label`, `endnotes.0.footnote`, …
  const serialised = useFormFields(([fields]) => {
    const rows: Row[] = []
    for (let i = 0; `${path}.${i}.label` in fields; i++) {
      const footnote = idOf(fields[`${path}.${i}.footnote`]?.value)
      const label = fields[`${path}.${i}.label`]?.value
      if (footnote !== undefined && typeof label === 'string') rows.push({ footnote, label })
    }
    return JSON.stringify({ language: fields.language?.value ?? 'en', rows })
  })
  const { language, rows } = useMemo(() => JSON.parse(serialised) as { language: string; rows: Row[] }, [serialised])
  const ids = [...new Set(rows.map((row) => String(row.footnote)))].join(',')
  const [loaded, setLoaded] = useState<Loaded | null>(null)

  const api = `${config.serverURL ?? ''}${config.routes.api}`
  useEffect(() => {
    if (!ids) return
    let cancelled = false
    const query = new URLSearchParams({ depth: '0', limit: String(ids.split(',').length), 'where[id][in]': ids })
    fetch(`${api}/${footnotesSlug}?${query}`, { credentials: 'include', headers: { Accept: 'application/json' } })
      .then((response) => (response.ok ? response.json() : { docs: [] }))
      .then((body: { docs?: Record<string, unknown>[] }) => {
        if (!cancelled) setLoaded({ ids, records: new Map((body.docs ?? []).map((doc) => [String(doc.id), doc])) })
      })
      .catch(() => {
        if (!cancelled) setLoaded({ ids, records: new Map() })
      })
    return () => {
      cancelled = true
    }
  }, [api, footnotesSlug, ids])

  const records = loaded?.ids === ids ? loaded.records : undefined
  const seen = new Set<string>()
  const unique = rows.filter((row) => !seen.has(row.label) && seen.add(row.label))

  return (
    <div className="field-type endnotes-list" data-testid="endnotes-list" style={{ marginBottom: 24 }}>
      <FieldLabel label={field.label} path={path} />
      {unique.length === 0 ? (
        <p style={{ color: 'var(--theme-elevation-500)', margin: 0 }}>{t('endnotesListEmpty')}</p>
      ) : (
        <ol style={{ display: 'grid', gap: 4, listStyle: 'none', margin: 0, padding: 0 }}>
          {unique.map((row) => {
            const record = records?.get(String(row.footnote))
            return (
              <li data-label={row.label} key={row.label} style={{ display: 'grid', gap: 8, gridTemplateColumns: '3.5em 1fr auto' }}>
                <span style={{ fontVariantNumeric: 'tabular-nums', fontWeight: 600, textAlign: 'right' }}>[{row.label}]</span>
                <span style={{ overflowWrap: 'anywhere' }}>
                  {!records ? t('endnotesListLoading') : record ? formatCitation(record, language) : t('endnotesListMissing', { id: row.footnote })}
                </span>
                <a href={`${config.routes.admin}/collections/${footnotesSlug}/${row.footnote}`}>{t('endnotesListOpen')}</a>
              </li>
            )
          })}
        </ol>
      )}
      <FieldDescription description={field.admin?.description} path={path} />
    </div>
  )
}
