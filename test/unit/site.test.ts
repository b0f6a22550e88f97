import readingTime from 'reading-time'
import { describe, expect, it } from 'vitest'

import { serializeJsonLd } from '../../src/components/JsonLd'
import { shareHref } from '../../src/components/ShareLinks'
import { displayAuthorName } from '../../src/lib/site/authorName'
import { preparePageEndnotes } from '../../src/lib/site/endnotes'
import { isValidPreviewSecret, postPreviewUrl, previewSecret, safePreviewPath } from '../../src/lib/site/preview'
import { hreflangAlternates } from '../../src/lib/site/seo'
import { countWords, lexicalToPlainText, readingMinutes, truncate } from '../../src/lib/site/text'
import { mayCarryCredentials } from '../../src/lib/site/viewer'
import { siteOptions } from '../../src/lib/siteOptions'
import { createPostsCollection } from '../../src/plugin/collections/posts/createPostsCollection'
import { resolveOptions } from 'payload-policy-posts'
import { endnoteNode, headingNode, paragraphNode, rootNode, textNode } from 'payload-policy-posts'

const footnote = (id: number, extra: Record<string, unknown> = {}) => ({
  accessedAt: '2025-12-03',
  citedAuthors: 'Aigerim Sadykova',
  createdAt: '',
  id,
  outlet: 'Eurasianet',
  title: 'Caspian ports race to keep up with a shrinking sea',
  updatedAt: '',
  url: `https://example.org/${id}`,
  ...extra,
})

describe('preparePageEndnotes', () => {
  const content = rootNode([
    paragraphNode([textNode('One.'), endnoteNode(11), textNode(' Two.'), endnoteNode(22)]),
    paragraphNode([textNode('Again.'), endnoteNode(11), endnoteNode(33)]),
  ])
  const endnotes = [
    { footnote: footnote(11), label: 'i', number: 1 },
    { footnote: footnote(22), label: 'ii', number: 2 },
    { footnote: footnote(33, { citedAuthors: null, note: 'An explanatory note.', title: null, url: null }), label: 'iii', number: 3 },
  ]

  it('counts occurrences per note: ref-i-1, ref-i-2, one back link each', () => {
    const prepared = preparePageEndnotes({ content: content as never, endnotes }, 'en')
    expect(prepared.notes.map((n) => [n.anchorId, n.refIds])).toEqual([
      ['note-i', ['ref-i-1', 'ref-i-2']],
      ['note-ii', ['ref-ii-1']],
      ['note-iii', ['ref-iii-1']],
    ])
    const nodes = (content.root.children as unknown as { children: object[] }[]).flatMap((p) => p.children)
    const refs = nodes.map((node) => prepared.referenceFor(node)?.refId).filter(Boolean)
    expect(refs).toEqual(['ref-i-1', 'ref-ii-1', 'ref-i-2', 'ref-iii-1'])
  })

  it('renders citations in the page language, URLs as link segments', () => {
    const tr = preparePageEndnotes({ content: content as never, endnotes }, 'tr')
    expect(tr.notes[0].citationText).toContain('(Erişim Tarihi: 03.12.2025)')
    expect(tr.notes[0].citation.find((s) => s.kind === 'url')?.text).toBe('https://example.org/11')
    expect(tr.notes[2].citationText).toContain('An explanatory note.')
  })

  it('numbers by first appearance when the derived field is missing', () => {
    const prepared = preparePageEndnotes({ content: content as never, endnotes: null }, 'en')
    expect(prepared.notes.map((n) => [n.label, n.refIds.length, n.footnote])).toEqual([
      ['i', 2, null],
      ['ii', 1, null],
      ['iii', 1, null],
    ])
  })
})

describe('site helpers', () => {
  it('prints the surname in capitals with the page language’s rules', () => {
    expect(displayAuthorName('Ergün Mamedov', 'en')).toBe('Ergün MAMEDOV')
    expect(displayAuthorName('Dina Serikbayeva', 'tr')).toBe('Dina SERİKBAYEVA')
    expect(displayAuthorName('Kerem Aydınlı', 'en')).toBe('Kerem AYDINLI')
    expect(displayAuthorName('Ursula von der Leyen', 'en')).toBe('Ursula von der LEYEN')
    expect(displayAuthorName('Mamedov, Ergün', 'en')).toBe('Ergün MAMEDOV')
    expect(displayAuthorName('Plato', 'en')).toBe('Plato')
    expect(displayAuthorName('Ergün Mamedov', 'en', false)).toBe('Ergün Mamedov')
  })

  it('escapes < in JSON-LD so content cannot close the script element', () => {
    const json = serializeJsonLd({ headline: '</script><script>alert(1)</script>' })
    expect(json).not.toContain('<')
    expect(JSON.parse(json).headline).toBe('</script><script>alert(1)</script>')
  })

  it('builds share links with the URL and title encoded', () => {
    const url = 'https://think.example/tr/şu-yazı?a=1&b=2'
    const title = 'Gümrük & Karbon: "Sınır"'
    expect(shareHref('x', url, title, 's')).toBe(`https://x.com/intent/post?url=${encodeURIComponent(url)}&text=${encodeURIComponent(title)}`)
    expect(shareHref('linkedin', url, title, 's')).toContain(encodeURIComponent(url))
    expect(shareHref('whatsapp', url, title, 's')).toBe(`https://wa.me/?text=${encodeURIComponent(`${title} ${url}`)}`)
    expect(shareHref('email', url, title, 'Okumaya değer')).toMatch(/^mailto:\?subject=Okumaya%20de%C4%9Fer&body=/)
  })

  it('lists hreflang alternates in language order plus x-default', () => {
    const alternates = hreflangAlternates(
      [
        { language: 'tr', slug: 'b' },
        { language: 'en', slug: 'a' },
      ],
      { language: 'tr', slug: 'b' },
    )
    expect(Object.keys(alternates)).toEqual(['en', 'tr', 'x-default'])
    expect(alternates['x-default']).toBe(alternates.en)
    expect(hreflangAlternates([{ language: 'tr', slug: 'b' }], { language: 'tr', slug: 'b' })['x-default']).toMatch(/\/tr\/b$/)
  })

  it('extracts the words of a Lexical body, endnotes excluded', () => {
    const body = rootNode([headingNode('h2', [textNode('Title')]), paragraphNode([textNode('Word one.'), endnoteNode(1), textNode(' Two.')])])
    expect(lexicalToPlainText(body)).toBe('Title\n\nWord one. Two.')
    expect(truncate('a '.repeat(200), 20).length).toBeLessThanOrEqual(21)
  })

  it('counts words and reading minutes exactly as the reading-time package does', () => {
    const samples = [
      '',
      '   ',
      'one',
      '  Word one.  Two\n\nthree\tfour\r\n',
      'Türkiye’nin “Orta Koridor” stratejisi — 2024’te: ilerleme… (i) [ii]',
      '日本語の文章です。これは、テスト！ 한국어 문장 and English words',
      '中文，標點。混合 text 「引用」 ｆｕｌｌｗｉｄｔｈ！',
      'emoji 😀 and 𠀀 outside the BMP',
    ]
    // random mixes of the characters the counter treats differently
    const alphabet = ['a', 'b', ' ', '\n', '\t', '\r', '.', ',', '!', '。', '、', '日', 'あ', '한', 'ｆ', '！', 'ı', '—', '\u2060']
    let seed = 7
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648)
    for (let n = 0; n < 300; n++) {
      samples.push(Array.from({ length: Math.floor(random() * 60) }, () => alphabet[Math.floor(random() * alphabet.length)]).join(''))
    }
    for (const text of samples) {
      const expected = readingTime(text)
      expect(countWords(text), JSON.stringify(text)).toBe(expected.words)
      expect(readingMinutes(text)).toBe(expected.minutes)
    }
  })
})

describe('draft preview', () => {
  it('asks Payload for the viewer only when the request could carry a session or key', () => {
    const payload = { config: { collections: [{ auth: { strategies: [] } }, { auth: false }], cookiePrefix: 'pp' } } as never
    const ask = (headers: Record<string, string>, config = payload) => mayCarryCredentials(new Headers(headers), config)
    expect(ask({})).toBe(false)
    expect(ask({ cookie: '__prerender_bypass=x; pp-tokenish=1; other=2' })).toBe(false)
    expect(ask({ cookie: '__prerender_bypass=x; pp-token=abc' })).toBe(true)
    expect(ask({ cookie: 'pp-token=abc' })).toBe(true)
    expect(ask({ authorization: 'users API-Key 123' })).toBe(true)
    expect(ask({ authorization: 'JWT abc' })).toBe(true)
    const custom = { config: { collections: [{ auth: { strategies: [{ name: 'sso' }] } }], cookiePrefix: 'pp' } } as never
    expect(ask({}, custom)).toBe(true)
  })

  it('accepts only same-site paths', () => {
    expect(safePreviewPath('/en/some-post')).toBe('/en/some-post')
    for (const bad of ['//evil.example', 'https://evil.example', '/\\evil.example', 'en/x', '', null, '/en/\nx']) {
      expect(safePreviewPath(bad)).toBeNull()
    }
  })

  it('derives the secret from PAYLOAD_SECRET unless PREVIEW_SECRET is set', () => {
    const env = { NODE_ENV: 'test', PAYLOAD_SECRET: 'x'.repeat(40) } as NodeJS.ProcessEnv
    const derived = previewSecret(env)
    expect(derived).toMatch(/^[0-9a-f]{64}$/)
    expect(derived).not.toContain('xxxx')
    expect(previewSecret({ ...env, PREVIEW_SECRET: 'chosen' })).toBe('chosen')
    expect(isValidPreviewSecret(derived, env)).toBe(true)
    expect(isValidPreviewSecret(`${derived}0`, env)).toBe(false)
    expect(isValidPreviewSecret(null, env)).toBe(false)
  })

  it('gives the posts collection a Preview button and Live Preview URL', () => {
    const posts = createPostsCollection(resolveOptions(siteOptions))
    const preview = posts.admin?.preview as (doc: Record<string, unknown>, o: { req?: unknown }) => null | string
    const url = preview({ language: 'tr', slug: 'bir-yazi' }, { req: { url: 'http://cms.example:3000/admin/collections/posts/1' } })
    expect(url).toMatch(/\/api\/preview\?/)
    const parsed = new URL(url!, 'http://base.example')
    expect(parsed.searchParams.get('path')).toBe('/tr/bir-yazi')
    expect(isValidPreviewSecret(parsed.searchParams.get('secret'))).toBe(true)
    expect(preview({ language: 'tr', slug: null }, {})).toBeNull()
    expect(posts.admin?.livePreview?.url).toBeTypeOf('function')
    expect(postPreviewUrl({ language: 'en', slug: 'x' })).toContain('path=%2Fen%2Fx')
  })
})

describe('safeHref', () => {
  it('keeps web links and drops script and data URLs', async () => {
    const { safeHref } = await import('../../src/components/RichText/converters')
    expect(safeHref('https://cepa.org/x')).toBe('https://cepa.org/x')
    expect(safeHref('/en/other-post')).toBe('/en/other-post')
    expect(safeHref('mailto:a@b.org')).toBe('mailto:a@b.org')
    expect(safeHref(' javascript:alert(1)')).toBe('#')
    expect(safeHref('JaVaScRiPt:alert(1)')).toBe('#')
    expect(safeHref('data:text/html,x')).toBe('#')
    expect(safeHref('//evil.example')).toBe('#')
    expect(safeHref(undefined)).toBe('#')
  })
})
