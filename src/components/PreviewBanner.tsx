import { EXIT_PREVIEW_ROUTE } from '@/lib/site/preview'
import { getStrings } from '@/lib/site/i18n'

import { LivePreviewRefresh } from './LivePreviewRefresh'

/** Shown above a draft in preview mode; the button leaves draft mode and returns to the page. */
export function PreviewBanner({ lang, path }: { lang: string; path: string }) {
  const t = getStrings(lang)
  return (
    <div className="preview-banner" role="status">
      <LivePreviewRefresh />
      <strong>{t.previewBanner}</strong>
      <form action={EXIT_PREVIEW_ROUTE} method="post">
        <input name="path" type="hidden" value={path} />
        <button type="submit">{t.exitPreview}</button>
      </form>
    </div>
  )
}
