'use client'

import { useEffect, useState } from 'react'

import { languageSwitchTarget } from '@/lib/site/languageSwitchTarget'

/**
 * A header link to another language. The server renders the language's home (the header is
 * part of the cached layout and does not know the page); in the browser it points at the
 * matching page, read from the page's hreflang alternates or its search query.
 */
export function LanguageMenuLink({ code, home, label }: { code: string; home: string; label: string }) {
  const [href, setHref] = useState(home)
  useEffect(() => {
    const alternates: Record<string, string> = {}
    for (const link of document.querySelectorAll<HTMLLinkElement>('link[rel="alternate"][hreflang]')) {
      const lang = link.getAttribute('hreflang')
      if (lang && lang !== 'x-default') alternates[lang] = link.href
    }
    setHref(languageSwitchTarget({ alternates, pathname: window.location.pathname, search: window.location.search, target: code }))
  }, [code])
  return (
    <a href={href} hrefLang={code} lang={code}>
      {label}
    </a>
  )
}
