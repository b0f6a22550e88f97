import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'

import { parseSitemapFile, sitemapFileNames, sitemapUrlsPerFile } from '../../src/lib/site/sitemapFiles'
import { sitemapIndexXml, urlsetXml } from '../../src/lib/site/sitemapXml'

describe('sitemap files', () => {
  it('one pages file, then one posts file per perFile posts (at least one)', () => {
    expect(sitemapFileNames(0, 10_000)).toEqual(['pages', 'posts-1'])
    expect(sitemapFileNames(10_000, 10_000)).toEqual(['pages', 'posts-1'])
    expect(sitemapFileNames(10_001, 10_000)).toEqual(['pages', 'posts-1', 'posts-2'])
    expect(sitemapFileNames(94_000, 10_000)).toHaveLength(11)
  })

  it('a file name gives its slice; anything else is not a file', () => {
    expect(parseSitemapFile('pages.xml', 100)).toEqual({ kind: 'pages' })
    expect(parseSitemapFile('posts-1.xml', 100)).toEqual({ kind: 'posts', limit: 100, number: 1, offset: 0 })
    expect(parseSitemapFile('posts-3.xml', 100)).toEqual({ kind: 'posts', limit: 100, number: 3, offset: 200 })
    for (const name of ['posts-0.xml', 'posts-01.xml', 'posts-1', 'posts-x.xml', 'posts--1.xml', 'pages', '../pages.xml', 'posts-9999999.xml']) {
      expect(parseSitemapFile(name, 100), name).toBeNull()
    }
  })

  it('SITEMAP_URLS_PER_FILE: 5,000 by default, at most the protocol limit', () => {
    expect(sitemapUrlsPerFile({})).toBe(5_000)
    expect(sitemapUrlsPerFile({ SITEMAP_URLS_PER_FILE: '2' })).toBe(2)
    expect(() => sitemapUrlsPerFile({ SITEMAP_URLS_PER_FILE: '50001' })).toThrow(/SITEMAP_URLS_PER_FILE/)
    expect(() => sitemapUrlsPerFile({ SITEMAP_URLS_PER_FILE: '0' })).toThrow(/SITEMAP_URLS_PER_FILE/)
  })
})

describe('sitemap XML', () => {
  const parser = new XMLParser({ attributeNamePrefix: '@', ignoreAttributes: false })

  it('a urlset with escaped locations and hreflang alternates', () => {
    const xml = urlsetXml([
      { alternates: { en: 'https://s.example/en/a', 'x-default': 'https://s.example/en/a' }, changeFrequency: 'weekly', lastModified: '2025-01-02T03:04:05.000Z', priority: 0.8, url: 'https://s.example/en/a?x=1&y=<2>' },
      { url: 'https://s.example/en' },
    ])
    expect(XMLValidator.validate(xml)).toBe(true)
    const urls = parser.parse(xml).urlset.url
    expect(urls[0].loc).toBe('https://s.example/en/a?x=1&y=<2>')
    expect(urls[0].lastmod).toBe('2025-01-02T03:04:05.000Z')
    expect(urls[0]['xhtml:link'].map((link: Record<string, string>) => [link['@hreflang'], link['@href']])).toEqual([
      ['en', 'https://s.example/en/a'],
      ['x-default', 'https://s.example/en/a'],
    ])
    expect(urls[1]).toEqual({ loc: 'https://s.example/en' })
  })

  it('a sitemap index', () => {
    const xml = sitemapIndexXml(['https://s.example/sitemaps/pages.xml', 'https://s.example/sitemaps/posts-1.xml'])
    expect(XMLValidator.validate(xml)).toBe(true)
    expect(parser.parse(xml).sitemapindex.sitemap).toEqual([{ loc: 'https://s.example/sitemaps/pages.xml' }, { loc: 'https://s.example/sitemaps/posts-1.xml' }])
  })
})
