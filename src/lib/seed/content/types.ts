export interface SeedFootnote { key: string; citedAuthors?: string; title?: string; outlet?: string; url?: string; accessedAt: string /* YYYY-MM-DD */; publishedAt?: string; note?: string }
export interface SeedAuthor { key: string; name: string; slug: string; bio: { en: string; tr: string }; role: { en: string; tr: string } }
export interface SeedCategory { key: string; slug: string; name: { en: string; tr: string } }
export interface SeedPostVersion { title: string; slug?: string; highlights: [string, string, string]; metaDescription: string; body: string[] }
export interface SeedArticle { key: string; category: string /* SeedCategory.key */; authors: string[] /* SeedAuthor.key, ordered */; publishedAt: string /* ISO date */; en: SeedPostVersion; tr: SeedPostVersion; trPublished?: boolean }
