import { Fragment } from 'react'

import type { PostVersion } from '@/lib/site/data'

import { siteLanguageLabel, siteLanguages } from '@/lib/site/languages'
import { postPath } from '@/lib/site/paths'
import { getStrings } from '@/lib/site/i18n'

/**
 * "This post is also available in: Türkçe": one link per *published* other-language version,
 * by its native name, in the configured language order. Nothing when there is none.
 */
export function LanguageSwitch({ lang, versions }: { lang: string; versions: PostVersion[] }) {
  const order = siteLanguages.map((language) => language.code)
  const others = versions
    .filter((version) => version.language !== lang)
    .sort((a, b) => order.indexOf(a.language) - order.indexOf(b.language))
  if (others.length === 0) return null
  const t = getStrings(lang)
  return (
    <p className="language-switch">
      <span className="language-switch__label">{t.alsoAvailableIn}</span>{' '}
      {others.map((version, index) => (
        <Fragment key={version.language}>
          {index > 0 ? ', ' : null}
          <a href={postPath(version)} hrefLang={version.language} lang={version.language}>
            {siteLanguageLabel(version.language)}
          </a>
        </Fragment>
      ))}
    </p>
  )
}
