'use client'

import type { CollectionSlug, UIFieldClientComponent } from 'payload'

import { Button, Link, toast, useConfig, useDocumentInfo, useField, useListDrawer } from '@payloadcms/ui'
import { useRouter } from 'next/navigation.js'
import React, { useCallback, useState } from 'react'

import { postAdminAction } from '../../admin/postAdminAction'
import { useEndpointData } from '../../admin/useEndpointData'
import { useAdminTranslation } from '../../i18n/admin/useAdminTranslation'
import { XliffActions } from '../../xliff/components/XliffActions'
import type { TranslationPanelData, TranslationPanelRow } from '../panelTypes'

type Strings = ReturnType<typeof useAdminTranslation>

const box: React.CSSProperties = {
  border: '1px solid var(--theme-elevation-150)',
  borderRadius: 4,
  display: 'grid',
  gap: 12,
  marginBottom: 'var(--base)',
  padding: 12,
}

const badge = (tone: 'muted' | 'success' | 'warning'): React.CSSProperties => ({
  background:
    tone === 'warning'
      ? 'var(--theme-warning-100)'
      : tone === 'success'
        ? 'var(--theme-success-100)'
        : 'var(--theme-elevation-100)',
  borderRadius: 3,
  color:
    tone === 'warning' ? 'var(--theme-warning-800)' : tone === 'success' ? 'var(--theme-success-800)' : 'var(--theme-elevation-800)',
  display: 'inline-block',
  fontSize: 11,
  lineHeight: '18px',
  marginInlineEnd: 4,
  padding: '0 6px',
})

/** XLIFF files are made from originals: the current post is not itself a translation. */
const isOriginal = (data: TranslationPanelData): boolean => data.rows.find((row) => row.version?.isCurrent)?.version?.translatedFrom === undefined

interface Actions {
  api: string
  editUrl: (id: number | string) => string
  post: (path: string, body?: unknown) => Promise<any>
  t: Strings
}

/** A language without a version: create it, or link an existing post in that language. */
const MissingVersion: React.FC<{
  actions: Actions
  busy: boolean
  data: TranslationPanelData
  postsSlug: string
  row: TranslationPanelRow
  onChanged: () => void
}> = ({ actions, busy, data, onChanged, postsSlug, row }) => {
  const { t } = actions
  const router = useRouter()
  const [ListDrawer, , { closeDrawer, openDrawer }] = useListDrawer({
    collectionSlugs: [postsSlug as CollectionSlug],
    filterOptions: { [postsSlug]: { and: [{ language: { equals: row.code } }, { id: { not_equals: data.id } }] } },
  })

  const create = async () => {
    const result = await actions.post(`/${data.id}/create-translation`, { language: row.code })
    if (result?.doc?.id !== undefined) router.push(actions.editUrl(result.doc.id))
  }

  const link = async (targetId: number | string) => {
    closeDrawer()
    // Linking the original (default language) from one of its translations records this
    // post as the translation; otherwise the chosen post is the translation of this one.
    const translatedFrom = row.code === data.defaultLanguage && data.language !== data.defaultLanguage ? 'target' : 'source'
    const result = await actions.post(`/${data.id}/link-translation`, { target: targetId, translatedFrom })
    if (result) onChanged()
  }

  return (
    <div style={{ display: 'grid', gap: 6 }}>
      <span style={{ color: 'var(--theme-elevation-500)' }}>{t('translationsMissing')}</span>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 6 }}>
        {row.canCreate && (
          <Button buttonStyle="secondary" disabled={busy} margin={false} onClick={() => void create()} size="small">
            {t('translationsCreate', { language: row.label })}
          </Button>
        )}
        {row.canLink && (
          <Button buttonStyle="subtle" disabled={busy} margin={false} onClick={openDrawer} size="small">
            {t('translationsLink')}
          </Button>
        )}
      </div>
      <ListDrawer
        allowCreate={false}
        enableRowSelections={false}
        onSelect={({ doc }) => void link(doc.id as number | string)}
      />
    </div>
  )
}

/** A language's existing version: title (a link to edit it), status, and its actions. */
const ExistingVersion: React.FC<{
  actions: Actions
  busy: boolean
  row: TranslationPanelRow
  onChanged: (status?: string) => void
}> = ({ actions, busy, onChanged, row }) => {
  const { t } = actions
  const version = row.version!
  const unlink = async () => {
    if (!window.confirm(t('translationsUnlinkConfirm', { title: version.title }))) return
    const result = await actions.post(`/${version.id}/unlink-translation`)
    if (result) onChanged()
  }
  const markUpToDate = async () => {
    const result = await actions.post(`/${version.id}/mark-up-to-date`)
    if (result) onChanged(version.isCurrent ? result.doc?.translationStatus : undefined)
  }
  const outdated = version.translationStatus === 'outdated'
  return (
    <div style={{ display: 'grid', gap: 6 }}>
      <div>
        {version.isCurrent ? (
          <strong>
            {version.title} <span style={{ fontWeight: 'normal' }}>({t('translationsThisPost')})</span>
          </strong>
        ) : (
          <Link href={actions.editUrl(version.id)}>{version.title || String(version.id)}</Link>
        )}
      </div>
      <div>
        <span style={badge(version.status === 'published' ? 'success' : 'muted')}>
          {version.status === 'published' ? t('translationsPublished') : t('translationsDraft')}
        </span>
        {outdated ? (
          <span style={badge('warning')} title={t('translationsOutdatedHint')}>
            {t('translationsOutdated')}
          </span>
        ) : version.translatedFrom !== undefined ? (
          <span style={badge('muted')}>{t('translationsUpToDate')}</span>
        ) : (
          <span style={badge('muted')}>{t('translationsOriginal')}</span>
        )}
      </div>
      {version.canEdit && (outdated || version.canUnlink) && (
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 6 }}>
          {outdated && (
            <Button buttonStyle="secondary" disabled={busy} margin={false} onClick={() => void markUpToDate()} size="small">
              {t('translationsMarkUpToDate')}
            </Button>
          )}
          {version.canUnlink && (
            <Button buttonStyle="subtle" disabled={busy} margin={false} onClick={() => void unlink()} size="small">
              {t('translationsUnlink')}
            </Button>
          )}
        </div>
      )}
    </div>
  )
}

/**
 * The "Translations" box in a post's sidebar: every configured language with its linked
 * version (title linking to its edit page, draft/published, "Outdated"), or, when missing,
 * "Create <language> version" and "Link existing post". All changes go through the posts
 * collection's translation endpoints, so the server's linking rules and roles apply.
 */
export const TranslationsPanel: UIFieldClientComponent = () => {
  const { collectionSlug, id, lastUpdateTime } = useDocumentInfo()
  const { config } = useConfig()
  const t = useAdminTranslation()
  const statusField = useField<string>({ path: 'translationStatus' })
  const [busy, setBusy] = useState(false)

  const postsSlug = collectionSlug ?? 'posts'
  const api = `${config.serverURL ?? ''}${config.routes.api}/${postsSlug}`
  const editUrl = useCallback(
    (docId: number | string) => `${config.routes.admin}/collections/${postsSlug}/${docId}`.replace(/\/{2,}/g, '/'),
    [config.routes.admin, postsSlug],
  )

  const {
    data,
    error: loadError,
    reload: load,
  } = useEndpointData<TranslationPanelData>(
    id === undefined || id === null ? null : `${api}/${id}/translations`,
    t('translationsFailed'),
    lastUpdateTime,
  )

  const post = useCallback(
    async (path: string, body?: unknown) => {
      setBusy(true)
      try {
        const answer = await postAdminAction(`${api}${path}`, body ?? {}, t('translationsFailed'))
        if (!answer) return null
        if (answer.body?.message) toast.success(answer.body.message)
        return answer.body
      } finally {
        setBusy(false)
      }
    },
    [api, t('translationsFailed')],
  )

  const onChanged = useCallback(
    (status?: string) => {
      // Show the new status without marking the form as modified.
      if (status) statusField.setValue(status, true)
      void load()
    },
    [load, statusField],
  )

  const actions: Actions = { api, editUrl, post, t }

  return (
    <div className="field-type translations-panel" style={box}>
      <strong>{t('translationsHeading')}</strong>
      {id === undefined || id === null ? (
        <span style={{ color: 'var(--theme-elevation-500)' }}>{t('translationsSaveFirst')}</span>
      ) : loadError ? (
        <span role="alert" style={{ color: 'var(--theme-error-500)' }}>
          {loadError}
        </span>
      ) : !data ? (
        <span style={{ color: 'var(--theme-elevation-500)' }}>{t('translationsLoading')}</span>
      ) : (
        <ul style={{ display: 'grid', gap: 12, listStyle: 'none', margin: 0, padding: 0 }}>
          {data.rows.map((row) => (
            <li data-language={row.code} key={row.code}>
              <div lang={row.code} style={{ fontWeight: 600, marginBottom: 4 }}>
                {row.label}
              </div>
              {row.version ? (
                <ExistingVersion actions={actions} busy={busy} onChanged={onChanged} row={row} />
              ) : (
                <MissingVersion actions={actions} busy={busy} data={data} onChanged={() => onChanged()} postsSlug={postsSlug} row={row} />
              )}
              {isOriginal(data) && row.code !== data.language && (row.canCreate || row.version?.canEdit) && (
                <XliffActions api={api} editUrl={editUrl} id={data.id} language={row} onImported={() => onChanged()} />
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
