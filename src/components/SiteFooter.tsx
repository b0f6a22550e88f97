import { feedPath, homePath } from '@/lib/site/paths'
import { siteSettings } from '@/lib/site/siteSettings'
import { getStrings } from '@/lib/site/i18n'

export function SiteFooter({ lang }: { lang: string }) {
  const t = getStrings(lang)
  return (
    <footer className="site-footer">
      <div className="site-footer__inner">
        <p>
          <a href={homePath(lang)}>{siteSettings.siteName}</a> — {t.homeTitle}
        </p>
        <p>
          <a href={feedPath(lang)} type="application/rss+xml">
            {t.rssFeed}
          </a>
        </p>
        <p className="site-footer__copy">© {new Date().getUTCFullYear()} {siteSettings.siteName}</p>
      </div>
    </footer>
  )
}
