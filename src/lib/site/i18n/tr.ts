import type { UiStrings } from './types'

import { networkNames } from './networks'

const names = networkNames('e-posta')

export const tr: UiStrings = {
  alsoAvailableIn: 'Bu yazı şu dilde de mevcuttur:',
  similarPosts: 'Benzer Yazılar',
  share: 'Paylaş',
  // "Paylaş: X" sidesteps Turkish case suffixes ("X'te", "Facebook'ta", "LinkedIn'de").
  shareOn: (network) =>
    network === 'email' ? 'E-posta ile paylaş' : `Paylaş: ${names[network] ?? network}`,
  copyLink: 'Bağlantıyı kopyala',
  linkCopied: 'Bağlantı kopyalandı',
  emailSubject: (title) => `Okumaya değer: ${title}`,
  endnotes: 'Son Notlar',
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
  siteSearchLabel: 'Sitede ara',
  searchPageFormLabel: 'Yazılarda ara',
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
  exitPreview: 'Önizlemeden çık',
  searchResultsFor: (query) => `“${query}” için arama sonuçları`,
  aboutAuthors: 'Yazarlar hakkında',
  backToReferenceN: (n) => `Metne geri dön (${n})`,
  and: 've',
  mainNavigation: 'Ana menü',
  rssFeed: 'RSS beslemesi',
  backToHome: 'Son yazılara dön',
  readMore: 'Devamını oku',
  emailShort: 'E-posta',
}
