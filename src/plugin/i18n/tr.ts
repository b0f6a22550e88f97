import type { ShareNetwork, UiStrings } from './types.js'

const networkNames: Record<ShareNetwork, string> = {
  x: 'X',
  facebook: 'Facebook',
  linkedin: 'LinkedIn',
  whatsapp: 'WhatsApp',
  telegram: 'Telegram',
  email: 'e-posta',
}

export const tr: UiStrings = {
  alsoAvailableIn: 'Bu yazı şu dilde de mevcuttur:',
  similarPosts: 'Benzer Yazılar',
  share: 'Paylaş',
  // "Paylaş: X" sidesteps Turkish case suffixes ("X'te", "Facebook'ta", "LinkedIn'de").
  shareOn: (network) =>
    network === 'email' ? 'E-posta ile paylaş' : `Paylaş: ${networkNames[network] ?? network}`,
  copyLink: 'Bağlantıyı kopyala',
  linkCopied: 'Bağlantı kopyalandı',
  emailSubject: (title) => `Okumaya değer: ${title}`,
  endnotes: 'Son Notlar',
  accessDate: 'Erişim Tarihi',
  backToReference: 'Metne geri dön',
  keyPoints: 'Öne çıkanlar',
  readingTime: (minutes) => `${Math.max(1, Math.round(minutes))} dk okuma`,
  publishedOn: (date) => `${date} tarihinde yayımlandı`,
  by: 'Yazan:',
  latestPosts: 'Son Yazılar',
  allCategories: 'Tüm kategoriler',
  category: 'Kategori',
  page: (current, total) => (total ? `Sayfa ${current} / ${total}` : `Sayfa ${current}`),
  previous: 'Önceki',
  next: 'Sonraki',
  search: 'Ara',
  searchPlaceholder: 'Analizlerde ara…',
  noResults: 'Yazı bulunamadı.',
  authorPosts: (name) => `${name} yazıları`,
  aboutAuthor: 'Yazar hakkında',
  notFoundTitle: 'Sayfa bulunamadı',
  notFoundText: 'Aradığınız sayfa mevcut değil ya da artık yayında değil.',
  previewBanner: 'Önizleme — yayımlanmadı',
  languageMenuLabel: 'Dil',
  homeTitle: 'Politika Analizleri',
  feedTitle: 'Son Yazılar',
  skipToContent: 'İçeriğe geç',
}
