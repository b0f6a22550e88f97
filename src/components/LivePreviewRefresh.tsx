'use client'

import { lazy, Suspense } from 'react'

// A chunk of its own, fetched only where the draft banner renders: readers never load it.
const RefreshOnSave = lazy(() => import('./RefreshOnSave').then((module) => ({ default: module.RefreshOnSave })))

/** The admin's live-preview listener, loaded on demand (an editor's draft preview only). */
export function LivePreviewRefresh() {
  return (
    <Suspense fallback={null}>
      <RefreshOnSave />
    </Suspense>
  )
}
