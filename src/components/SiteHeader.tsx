import { homePath, searchPath } from '@/lib/site/paths'
import { siteLanguages } from '@/lib/site/languages'
import { siteSettings } from '@/lib/site/siteSettings'
import { getStrings } from '@/lib/site/i18n'

import { LanguageMenuLink } from './LanguageMenuLink'

/** Site name, search and the language menu (the matching page in each language, else its home). */
export function SiteHeader({ lang }: { lang: string }) {
  const t = getStrings(lang)
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <a className="site-header__brand" href={homePath(lang)}>
          <span className="site-header__name">{siteSettings.siteName}</span>
          <span className="site-header__tagline">{t.homeTitle}</span>
        </a>
        <div className="site-header__tools">
          <form action={searchPath(lang)} aria-label={t.siteSearchLabel} className="site-search" method="get" role="search">
            <label className="visually-hidden" htmlFor="site-search-q">
              {t.search}
            </label>
            <input id="site-search-q" name="q" placeholder={t.searchPlaceholder} type="search" />
            <button type="submit">{t.search}</button>
          </form>
          <nav aria-label={t.languageMenuLabel} className="language-menu">
            <ul>
              {siteLanguages.map((language) => (
                <li key={language.code}>
                  {language.code === lang ? (
                    <a aria-current="true" href={homePath(language.code)} hrefLang={language.code} lang={language.code}>
                      {language.label}
                    </a>
                  ) : (
                    <LanguageMenuLink code={language.code} home={homePath(language.code)} label={language.label} />
                  )}
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </div>
    </header>
  )
}
