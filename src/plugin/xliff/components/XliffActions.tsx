'use client'

import { Button, toast } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import React, { useRef, useState } from 'react'

import { postAdminAction } from '../../admin/postAdminAction'
import { useAdminTranslation } from '../../i18n/admin/useAdminTranslation'

export interface XliffActionsProps {
  /** `<api>/<posts slug>` */
  api: string
  /** The post the file is made from (the source). */
  id: number | string
  language: { code: string; label: string }
  editUrl: (id: number | string) => string
  onImported: () => void
}

/**
 * "Export XLIFF" (2.1, or 1.2) and "Import XLIFF" for one target language in the translations
 * panel: the file downloads from the export endpoint; a chosen file goes to the import
 * endpoint, which writes the target-language draft and answers its id.
 */
export const XliffActions: React.FC<XliffActionsProps> = ({ api, editUrl, id, language, onImported }) => {
  const t = useAdminTranslation()
  const router = useRouter()
  const input = useRef<HTMLInputElement>(null)
  const [busy, setBusy] = useState(false)
  const href = (version?: string) => `${api}/${id}/xliff?target=${encodeURIComponent(language.code)}${version ? `&version=${version}` : ''}`

  const upload = async (file: File) => {
    setBusy(true)
    try {
      const form = new FormData()
      form.append('file', file)
      const answer = await postAdminAction(`${api}/${id}/xliff`, form, t('xliffImportFailed'))
      if (!answer) return
      toast.success(t('xliffImported', { language: language.label }))
      if (answer.body?.created) router.push(editUrl(answer.body.id))
      else onImported()
    } finally {
      setBusy(false)
      if (input.current) input.current.value = ''
    }
  }

  return (
    <div className="xliff-actions" data-language={language.code} style={{ alignItems: 'center', display: 'flex', flexWrap: 'wrap', gap: 6 }}>
      <a className="btn btn--style-subtle btn--size-small" download href={href()} style={{ margin: 0 }}>
        {t('xliffExport')}
      </a>
      <a download href={href('1.2')} style={{ fontSize: 12 }}>
        {t('xliffExport12')}
      </a>
      <Button buttonStyle="subtle" disabled={busy} margin={false} onClick={() => input.current?.click()} size="small">
        {t('xliffImport')}
      </Button>
      <input
        accept=".xlf,.xliff,.xml,application/xliff+xml"
        aria-label={t('xliffImport')}
        hidden
        onChange={(event) => {
          const file = event.target.files?.[0]
          if (file) void upload(file)
        }}
        ref={input}
        type="file"
      />
    </div>
  )
}
