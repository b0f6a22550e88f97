import type { ShareNetwork } from '@/lib/site/i18n'

import { getStrings } from '@/lib/site/i18n'

import { CopyLinkButton } from './CopyLinkButton'

const visibleName: Record<ShareNetwork, string> = {
  email: 'E-mail',
  facebook: 'Facebook',
  linkedin: 'LinkedIn',
  telegram: 'Telegram',
  whatsapp: 'WhatsApp',
  x: 'X',
}

/** Share URLs of each network: plain links, no scripts or tracking from the networks. */
export function shareHref(network: ShareNetwork, url: string, title: string, emailSubject: string): string {
  const u = encodeURIComponent(url)
  const t = encodeURIComponent(title)
  switch (network) {
    case 'x':
      return `https://x.com/intent/post?url=${u}&text=${t}`
    case 'facebook':
      return `https://www.facebook.com/sharer/sharer.php?u=${u}`
    case 'linkedin':
      return `https://www.linkedin.com/sharing/share-offsite/?url=${u}`
    case 'whatsapp':
      return `https://wa.me/?text=${encodeURIComponent(`${title} ${url}`)}`
    case 'telegram':
      return `https://t.me/share/url?url=${u}&text=${t}`
    case 'email':
      return `mailto:?subject=${encodeURIComponent(emailSubject)}&body=${encodeURIComponent(`${title}\n${url}`)}`
  }
}

const NETWORKS: ShareNetwork[] = ['x', 'facebook', 'linkedin', 'whatsapp', 'telegram', 'email']

export function ShareLinks({ lang, title, url }: { lang: string; title: string; url: string }) {
  const t = getStrings(lang)
  return (
    <nav aria-label={t.share} className="share">
      <span aria-hidden="true" className="share__label">
        {t.share}
      </span>
      <ul className="share__list">
        {NETWORKS.map((network) => (
          <li key={network}>
            <a
              aria-label={t.shareOn(network)}
              className="share__link"
              data-network={network}
              href={shareHref(network, url, title, t.emailSubject(title))}
              rel={network === 'email' ? undefined : 'noopener noreferrer'}
              target={network === 'email' ? undefined : '_blank'}
            >
              {network === 'email' ? t.emailShort : visibleName[network]}
            </a>
          </li>
        ))}
        <li>
          <CopyLinkButton copiedLabel={t.linkCopied} label={t.copyLink} url={url} />
        </li>
      </ul>
    </nav>
  )
}
