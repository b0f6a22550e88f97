'use client'

import { Button, Gutter, Link, toast, useConfig, useDocumentInfo } from '@payloadcms/ui'
import React, { useState } from 'react'

import type { CompareData, CompareRow } from '../types'

import { LoadedContent } from '../../admin/LoadedContent'
import { postAdminAction } from '../../admin/postAdminAction'
import { useEndpointData } from '../../admin/useEndpointData'
import { useAdminTranslation } from '../../i18n/admin/useAdminTranslation'

const column: React.CSSProperties = { padding: '10px 12px', verticalAlign: 'top', whiteSpace: 'pre-wrap', width: '50%' }

/** The current source text with the words added since the translation marked, removed ones struck. */
const SourceDiff: React.FC<{ row: CompareRow }> = ({ row }) => (
  <>
    {(row.diff ?? []).map((part, index) =>
      part.added ? (
        <ins key={index} style={{ background: 'var(--theme-success-100)', color: 'var(--theme-success-800)', textDecoration: 'none' }}>
          {part.value}
        </ins>
      ) : part.removed ? (
        <del key={index} style={{ background: 'var(--theme-error-100)', color: 'var(--theme-error-800)' }}>
          {part.value}
        </del>
      ) : (
        <span key={index}>{part.value}</span>
      ),
    )}
  </>
)

/**
 * The "Compare" tab of a post: its source and itself paragraph by paragraph (aligned by
 * position and endnote markers), the source's changes since the translation was made as a word
 * diff, and "Mark up to date". On an original it lists the translations to compare.
 */
export const CompareView: React.FC = () => {
  const { collectionSlug, id } = useDocumentInfo()
  const { config } = useConfig()
  const t = useAdminTranslation()
  const [busy, setBusy] = useState(false)
  const postsSlug = collectionSlug ?? 'posts'
  const api = `${config.serverURL ?? ''}${config.routes.api}/${postsSlug}`
  const adminUrl = (path: string) => `${config.routes.admin}/collections/${postsSlug}${path}`.replace(/\/{2,}/g, '/')

  const { data, error, reload } = useEndpointData<CompareData>(id === undefined || id === null ? null : `${api}/${id}/compare`, t('compareFailed'))

  const markUpToDate = async () => {
    setBusy(true)
    try {
      const answer = await postAdminAction(`${api}/${id}/mark-up-to-date`, undefined, t('compareFailed'))
      if (answer) {
        if (answer.body?.message) toast.success(answer.body.message)
        await reload()
      }
    } finally {
      setBusy(false)
    }
  }

  const changed = data?.rows.filter((row) => row.changed).length ?? 0

  return (
    <Gutter className="compare-view">
      <div style={{ display: 'grid', gap: 16, paddingBlock: 24 }}>
        <h2 style={{ margin: 0 }}>{t('compareHeading')}</h2>
        <LoadedContent data={data} error={error} loading={t('compareLoading')}>
          {(data) =>
            !data.source ? (
              <div className="compare-view__original">
                <p>{t('compareOriginal')}</p>
                {data.translations && data.translations.length > 0 ? (
                  <ul>
                    {data.translations.map((translation) => (
                      <li key={String(translation.id)} lang={translation.language}>
                        <Link href={adminUrl(`/${translation.id}/compare`)}>{translation.title || String(translation.id)}</Link>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p>{t('compareNoTranslations')}</p>
                )}
              </div>
            ) : (
              <>
                <div style={{ alignItems: 'center', display: 'flex', flexWrap: 'wrap', gap: 12 }}>
                  <p className="compare-view__summary" style={{ margin: 0 }}>
                    {!data.knownVersion ? t('compareUnknownVersion') : changed > 0 ? t('compareChangedCount', { count: changed }) : t('compareUpToDate')}
                  </p>
                  {data.translation.canEdit && data.translation.translationStatus === 'outdated' && (
                    <Button buttonStyle="secondary" disabled={busy} margin={false} onClick={() => void markUpToDate()} size="small">
                      {t('compareMarkUpToDate')}
                    </Button>
                  )}
                </div>
                <table style={{ borderCollapse: 'collapse', tableLayout: 'fixed', width: '100%' }}>
                  <thead>
                    <tr>
                      <th style={{ ...column, textAlign: 'start' }}>
                        <Link href={adminUrl(`/${data.source.id}`)}>{t('compareSource', { language: data.source.language })}</Link>
                      </th>
                      <th style={{ ...column, textAlign: 'start' }}>{t('compareTranslation', { language: data.translation.language })}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.rows.map((row) => (
                      <tr
                        className={row.changed ? 'compare-view__row compare-view__row--changed' : 'compare-view__row'}
                        data-unit={row.id}
                        key={row.id}
                        style={{ borderTop: '1px solid var(--theme-elevation-150)', ...(row.changed ? { background: 'var(--theme-warning-50)' } : {}) }}
                      >
                        <td lang={data.source!.language} style={column}>
                          <div style={{ color: 'var(--theme-elevation-500)', fontSize: 11 }}>
                            {row.context}
                            {row.changed ? ` · ${t('compareChangedLabel')}` : ''}
                          </div>
                          {row.changed && row.diff ? <SourceDiff row={row} /> : row.source}
                        </td>
                        <td lang={data.translation.language} style={column}>
                          {row.translation ?? <em style={{ color: 'var(--theme-elevation-500)' }}>{t('compareNoTranslation')}</em>}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            )
          }
        </LoadedContent>
      </div>
    </Gutter>
  )
}
