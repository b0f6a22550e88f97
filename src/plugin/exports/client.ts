'use client'

export { EndnoteFeatureClient } from '../endnote/feature.client'
export { ImportArticleButton } from '../import/components/ImportArticleButton'
export { TranslationsPanel } from '../translations/components/TranslationsPanel'
export { EditorPublishButton, EditorUnpublishButton } from '../translations/components/EditorPublishButtons'
export { TranslationDashboard, TranslationDashboardLink } from '../translatorDesk/components/TranslationDashboard'
export { CompareView } from '../translatorDesk/components/CompareView'
export { XliffActions } from '../xliff/components/XliffActions'
