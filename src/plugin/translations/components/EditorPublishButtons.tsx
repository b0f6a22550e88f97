'use client'

import type { PublishButtonClientProps, UnpublishButtonClientProps } from 'payload'

import { PublishButton, UnpublishButton, useAuth } from '@payloadcms/ui'
import React from 'react'

import { useAdminTranslation } from '../../i18n/admin/useAdminTranslation'

const canPublish = (user: unknown): boolean => {
  const roles = (user as { roles?: null | string[] } | null)?.roles ?? []
  return roles.includes('admin') || roles.includes('editor')
}

/**
 * Payload's Publish button for editors and admins; translators (who may only save drafts —
 * the server refuses their publishing with a clear message) see a short note instead.
 */
export const EditorPublishButton: React.FC<PublishButtonClientProps> = (props) => {
  const { user } = useAuth()
  const t = useAdminTranslation()
  if (canPublish(user)) return <PublishButton {...props} />
  return (
    <span style={{ alignSelf: 'center', color: 'var(--theme-elevation-500)', fontSize: 13 }}>
      {t('publishByEditor')}
    </span>
  )
}

/** Payload's Unpublish button, for editors and admins only. */
export const EditorUnpublishButton: React.FC<UnpublishButtonClientProps> = (props) => {
  const { user } = useAuth()
  return canPublish(user) ? <UnpublishButton {...props} /> : null
}
