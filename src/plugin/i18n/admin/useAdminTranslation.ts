'use client'

import { useTranslation } from '@payloadcms/ui'
import { useCallback } from 'react'

import type { PolicyPostsAdminKey } from './en'

type Translate = (key: PolicyPostsAdminKey, vars?: Record<string, number | string>) => string

/** Payload's `t` bound to the plugin's namespace, typed by the plugin's keys; stable per language. */
export function useAdminTranslation(): Translate {
  const { t } = useTranslation<Record<string, never>, string>()
  return useCallback<Translate>((key, vars) => t(`policy-posts:${key}`, vars), [t])
}
