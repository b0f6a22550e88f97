'use client'

import type { PublishButtonClientProps, UnpublishButtonClientProps } from 'payload'

import { PublishButton, UnpublishButton, useAuth, useTranslation } from '@payloadcms/ui'
import React from 'react'

const canPublish = (user: unknown): boolean => {
  const roles = (user as { roles?: null | string[] } | null)?.roles ?? []
  return roles.includes('admin') || roles.includes('editor')
}

const hint = {
  en: 'An editor publishes this version.',
  tr: 'Bu sürümü bir editör yayımlar.',
}

/**
 * Payload's Publish button for editors and admins; translators (who may only save drafts —
 * the server refuses their publishing with a clear message) see a short note instead.
 */
export const EditorPublishButton: React.FC<PublishButtonClientProps> = (props) => {
  const { user } = useAuth()
  const { i18n } = useTranslation()
  if (canPublish(user)) return <PublishButton {...props} />
  return (
    <span style={{ alignSelf: 'center', color: 'var(--theme-elevation-500)', fontSize: 13 }}>
      {i18n.language === 'tr' ? hint.tr : hint.en}
    </span>
  )
}

/** Payload's Unpublish button, for editors and admins only. */
export const EditorUnpublishButton: React.FC<UnpublishButtonClientProps> = (props) => {
  const { user } = useAuth()
  return canPublish(user) ? <UnpublishButton {...props} /> : null
}
