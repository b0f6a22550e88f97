'use client'

import { Button, Link, useConfig } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import React, { useState } from 'react'

import type { DashboardData, DeskStatus } from '../types'

import { LoadedContent } from '../../admin/LoadedContent'
import { postAdminAction } from '../../admin/postAdminAction'
import { useEndpointData } from '../../admin/useEndpointData'
import { useAdminTranslation } from '../../i18n/admin/useAdminTranslation'

const STATUS_KEYS = {
  draft: 'dashboardStatusDraft',
  missing: 'dashboardStatusMissing',
  original: 'dashboardStatusOriginal',
  outdated: 'dashboardStatusOutdated',
  'up-to-date': 'dashboardStatusUpToDate',
} as const

const STATUS_ORDER: DeskStatus[] = ['up-to-date', 'outdated', 'draft', 'missing', 'original']

const tone: Record<DeskStatus, React.CSSProperties> = {
  draft: { background: 'var(--theme-elevation-100)' },
  missing: { background: 'var(--theme-error-100)', color: 'var(--theme-error-800)' },
  original: { background: 'var(--theme-elevation-100)' },
  outdated: { background: 'var(--theme-warning-100)', color: 'var(--theme-warning-800)' },
  'up-to-date': { background: 'var(--theme-success-100)', color: 'var(--theme-success-800)' },
}

const cell: React.CSSProperties = { borderBottom: '1px solid var(--theme-elevation-150)', padding: '8px 10px', textAlign: 'start', verticalAlign: 'top' }

/** Props from the view's registration (clientProps). */
export interface TranslationDashboardProps {
  postsSlug?: string
}

/**
 * The translation dashboard (`/admin/translation-dashboard`): every piece with each language's
 * version and status (up to date, outdated, draft, missing), counts per language, a status
 * filter, and links to create a missing version or compare one with its source. Translators
 * see their own languages.
 */
export const TranslationDashboard: React.FC<TranslationDashboardProps> = ({ postsSlug = 'posts' }) => {
  const { config } = useConfig()
  const t = useAdminTranslation()
  const router = useRouter()
  const [filter, setFilter] = useState<'' | DeskStatus>('')
  const [busy, setBusy] = useState(false)
  const api = `${config.serverURL ?? ''}${config.routes.api}/${postsSlug}`
  const adminUrl = (path: string) => `${config.routes.admin}${path}`.replace(/\/{2,}/g, '/')

  const { data, error } = useEndpointData<DashboardData>(`${api}/translation-dashboard`, t('dashboardFailed'))

  const create = async (sourceId: number | string, language: string) => {
    setBusy(true)
    try {
      const answer = await postAdminAction(`${api}/${sourceId}/create-translation`, { language }, t('dashboardFailed'))
      if (answer) router.push(adminUrl(`/collections/${postsSlug}/${answer.body.doc.id}`))
    } finally {
      setBusy(false)
    }
  }

  const rows = data?.rows.filter((row) => !filter || data.languages.some(({ code }) => row.cells[code]?.status === filter)) ?? []

  return (
    <div className="translation-dashboard" style={{ display: 'grid', gap: 20, margin: '0 auto', maxWidth: 1200, padding: '32px var(--gutter-h, 24px)' }}>
      <div style={{ alignItems: 'baseline', display: 'flex', flexWrap: 'wrap', gap: 16, justifyContent: 'space-between' }}>
        <h1 style={{ margin: 0 }}>{t('dashboardHeading')}</h1>
        <Link href={adminUrl('/')}>{t('dashboardBack')}</Link>
      </div>
      <LoadedContent data={data} error={error} loading={t('dashboardLoading')}>
        {(data) => (
          <>
            <table className="translation-dashboard__counts" style={{ borderCollapse: 'collapse', width: 'auto' }}>
              <thead>
                <tr>
                  <th style={cell}>{t('dashboardLanguage')}</th>
                  {STATUS_ORDER.map((status) => (
                    <th key={status} style={cell}>
                      {t(STATUS_KEYS[status])}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {data.languages.map(({ code, label }) => (
                  <tr data-language={code} key={code}>
                    <th lang={code} style={cell}>
                      {label}
                    </th>
                    {STATUS_ORDER.map((status) => (
                      <td data-status={status} key={status} style={cell}>
                        {data.counts[code]?.[status] ?? 0}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
            <label style={{ alignItems: 'center', display: 'flex', gap: 8 }}>
              {t('dashboardFilter')}
              <select onChange={(event) => setFilter(event.target.value as '' | DeskStatus)} value={filter}>
                <option value="">{t('dashboardFilterAll')}</option>
                {STATUS_ORDER.map((status) => (
                  <option key={status} value={status}>
                    {t(STATUS_KEYS[status])}
                  </option>
                ))}
              </select>
            </label>
            {rows.length === 0 ? (
              <p>{t('dashboardEmpty')}</p>
            ) : (
              <table className="translation-dashboard__pieces" style={{ borderCollapse: 'collapse', width: '100%' }}>
                <thead>
                  <tr>
                    <th style={cell}>{t('dashboardPiece')}</th>
                    {data.languages.map(({ code, label }) => (
                      <th key={code} lang={code} style={cell}>
                        {label}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr data-piece={String(row.source.id)} key={String(row.source.id)}>
                      <td style={cell}>
                        <Link href={adminUrl(`/collections/${postsSlug}/${row.source.id}`)} lang={row.source.language}>
                          {row.source.title || String(row.source.id)}
                        </Link>
                      </td>
                      {data.languages.map(({ code }) => {
                        const entry = row.cells[code]
                        return (
                          <td data-language={code} data-status={entry.status} key={code} style={cell}>
                            <span
                              style={{ ...tone[entry.status], borderRadius: 3, display: 'inline-block', fontSize: 12, marginInlineEnd: 6, padding: '0 6px' }}
                            >
                              {t(STATUS_KEYS[entry.status])}
                            </span>
                            {entry.id !== undefined && entry.status !== 'original' && (
                              <Link href={adminUrl(`/collections/${postsSlug}/${entry.id}/compare`)}>{t('dashboardCompare')}</Link>
                            )}
                            {entry.status === 'missing' && data.canCreate[code] && (
                              <Button buttonStyle="subtle" disabled={busy} margin={false} onClick={() => void create(row.source.id, code)} size="small">
                                {t('dashboardCreate')}
                              </Button>
                            )}
                          </td>
                        )
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </>
        )}
      </LoadedContent>
    </div>
  )
}

/** The admin navigation's link to the dashboard. */
export const TranslationDashboardLink: React.FC = () => {
  const { config } = useConfig()
  const t = useAdminTranslation()
  return (
    <Link className="nav__link" href={`${config.routes.admin}/translation-dashboard`.replace(/\/{2,}/g, '/')} id="nav-translation-dashboard">
      <span className="nav__link-label">{t('dashboardNavLink')}</span>
    </Link>
  )
}
