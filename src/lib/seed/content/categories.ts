import type { SeedCategory } from './types'

export const categories: SeedCategory[] = [
  { key: 'analysis', slug: 'analysis', name: { en: 'Analysis', tr: 'Analiz' } },
  { key: 'commentary', slug: 'commentary', name: { en: 'Commentary', tr: 'Yorum' } },
]
