'use client'

import dynamic from 'next/dynamic'

/**
 * The live-preview listener, loaded only where it renders (an editor's draft preview): its
 * code is a chunk of its own that readers' pages never fetch.
 */
export const LivePreviewRefresh = dynamic(() => import('./RefreshOnSave').then((module) => module.RefreshOnSave), { ssr: false })
