import type { Metadata } from 'next'

import { lang as rootLang } from 'next/root-params'

import { defaultLanguage, isSiteLanguage } from '@/lib/site/languages'
import { homePath } from '@/lib/site/paths'
import { getStrings } from '@/lib/site/i18n'

async function currentLanguage(): Promise<string> {
  try {
    const value: unknown = await rootLang()
    return isSiteLanguage(value) ? value : defaultLanguage
  } catch {
    return defaultLanguage
  }
}

/** "Page not found — <site>" in the page language, instead of the layout's home title. */
export async function generateMetadata(): Promise<Metadata> {
  const t = getStrings(await currentLanguage())
  return { robots: { follow: false, index: false }, title: t.notFoundTitle }
}

/** The localized 404 page (status 404) for unknown languages, posts, authors and categories. */
export default async function NotFound() {
  const lang = await currentLanguage()
  const t = getStrings(lang)
  return (
    <div className="page page--narrow not-found">
      <p className="not-found__code">404</p>
      <h1>{t.notFoundTitle}</h1>
      <p>{t.notFoundText}</p>
      <p>
        <a href={homePath(lang)}>{t.backToHome}</a>
      </p>
    </div>
  )
}
