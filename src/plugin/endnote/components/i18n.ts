/**
 * Editor strings of the endnote feature, registered through the feature's `i18n` and read as
 * `t('lexical:endnote:<key>')`. Languages without an entry fall back to English.
 */
export const endnoteFeatureI18n = {
  en: {
    change: 'Change citation',
    error: 'Could not load the citation',
    label: 'Endnote',
    loading: 'Loading citation…',
    missing: 'Citation not found (deleted?)',
    remove: 'Remove endnote',
  },
  tr: {
    change: 'Kaynağı değiştir',
    error: 'Kaynak yüklenemedi',
    label: 'Son not',
    loading: 'Kaynak yükleniyor…',
    missing: 'Kaynak bulunamadı (silinmiş olabilir)',
    remove: 'Son notu kaldır',
  },
} as const

export type EndnoteI18nKey = keyof (typeof endnoteFeatureI18n)['en']

/** Full translation key for a feature string, for `t()` / `i18n.t()`. */
export const endnoteKey = (key: EndnoteI18nKey): string => `lexical:endnote:${key}`
