import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { TestPayload } from '../helpers/testPayload'

import { asAdmin, bodyCiting, createFootnote, createUser } from '../helpers/fixtures'
import { restClient } from '../helpers/rest'
import { startTestPayload } from '../helpers/testPayload'

let t: TestPayload
let rest: ReturnType<typeof restClient>
let editorToken: string
let published: { id: number; slug: string }
let draftId: number
const notes: Record<string, number> = {}

beforeAll(async () => {
  t = await startTestPayload('citations')
  rest = restClient(t.payload)
  const editor = await createUser(t.payload, 'editor')
  editorToken = await rest.login(editor.email, editor.password)
  const { payload } = t
  notes.cepa = (
    await createFootnote(payload, {
      accessedAt: '2025-12-24T12:00:00.000Z',
      citedAuthors: 'Emil Avdaliani',
      outlet: 'CEPA',
      title: 'Putin Seeks to Solve His Azerbaijan Problem',
      url: 'https://cepa.org/article/putin-azerbaijan',
    })
  ).id as number
  notes.turkish = (
    await createFootnote(payload, {
      accessedAt: '2025-02-03T12:00:00.000Z',
      citedAuthors: 'Şule Yıldırım',
      outlet: 'Karadeniz Politika Forumu',
      publishedAt: '2025-01-15T12:00:00.000Z',
      title: 'Mayın Karşı Tedbirleri',
      url: 'https://kpf.example.org/mcm',
    })
  ).id as number
  notes.explanatory = (
    await createFootnote(payload, { accessedAt: undefined, citedAuthors: undefined, note: 'Figures exclude re-exports.', outlet: undefined, title: undefined, url: undefined })
  ).id as number
  const post = await payload.create({
    ...asAdmin,
    collection: 'posts',
    // Turkish note first, the CEPA note cited twice: three endnotes, in this order.
    data: {
      _status: 'published',
      content: bodyCiting(notes.turkish, notes.cepa, notes.turkish, notes.explanatory) as never,
      language: 'en',
      title: 'Mines and Pipelines',
    },
  })
  published = { id: post.id as number, slug: post.slug as string }
  draftId = (
    await payload.create({
      ...asAdmin,
      collection: 'posts',
      data: { content: bodyCiting(notes.cepa) as never, language: 'en', title: 'Embargoed' },
      draft: true,
    })
  ).id as number
})

afterAll(async () => {
  await t?.cleanup()
})

describe('GET /api/posts/:id/citations', () => {
  it('exports CSL-JSON in endnote order', async () => {
    const res = await rest.get(`/posts/${published.id}/citations?format=csl`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^application\/vnd\.citationstyles\.csl\+json/)
    expect(res.headers.get('content-disposition')).toContain(`${published.slug}.json`)
    expect(res.body.map((item: { id: number }) => item.id)).toEqual([notes.turkish, notes.cepa, notes.explanatory])
    expect(res.body[0]).toMatchObject({
      'accessed': { 'date-parts': [[2025, 2, 3]] },
      'author': [{ family: 'Yıldırım', given: 'Şule' }],
      'citation-key': 'Yildirim2025Mayin',
      'container-title': 'Karadeniz Politika Forumu',
      'issued': { 'date-parts': [[2025, 1, 15]] },
      'title': 'Mayın Karşı Tedbirleri',
      'type': 'webpage',
      'URL': 'https://kpf.example.org/mcm',
    })
    expect(res.body[1]).toMatchObject({
      author: [{ family: 'Avdaliani', given: 'Emil' }],
      title: 'Putin Seeks to Solve His Azerbaijan Problem',
      URL: 'https://cepa.org/article/putin-azerbaijan',
    })
    expect(res.body[2]).toMatchObject({ note: 'Figures exclude re-exports.', type: 'article' })
    // CSL is the default format.
    const byDefault = await rest.get(`/posts/${published.id}/citations`)
    expect(byDefault.body).toEqual(res.body)
  })

  it('answers application/json to clients that ask for plain JSON', async () => {
    const res = await rest.get(`/posts/${published.id}/citations?format=csl`, { headers: { Accept: 'application/json' } })
    expect(res.headers.get('content-type')).toMatch(/^application\/json/)
    expect(res.body).toHaveLength(3)
  })

  it('exports BibTeX and BibLaTeX', async () => {
    const res = await rest.get(`/posts/${published.id}/citations?format=bibtex`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^application\/x-bibtex/)
    expect(res.headers.get('content-disposition')).toContain(`${published.slug}.bib`)
    const bib = res.body as string
    expect(bib.match(/^@\w+\{/gm)).toHaveLength(3)
    // Web pages in an outlet are articles in it, so the outlet survives as `journal`.
    expect(bib.indexOf('@article{Yildirim2025Mayin,')).toBeGreaterThanOrEqual(0)
    expect(bib.indexOf('@article{Yildirim2025Mayin,')).toBeLessThan(bib.indexOf('@article{AvdalianiPutin,'))
    expect(bib).toContain('journal = {CEPA}')
    expect(bib).toContain('https://cepa.org/article/putin-azerbaijan')
    // Turkish letters are escaped the LaTeX way.
    expect(bib).toContain('author = {Y\\i{}ld\\i{}r\\i{}m, {\\c S}ule}')
    expect(bib).toContain('note = {[Online; accessed 2025-02-03]}')
    const biblatex = await rest.get(`/posts/${published.id}/citations?format=biblatex`)
    expect(biblatex.body).toMatch(/@online\{AvdalianiPutin,/)
    expect(biblatex.body).toContain('urldate = {2025-12-24}')
  })

  it('hides drafts from anonymous readers and refuses unknown formats', async () => {
    expect((await rest.get(`/posts/${draftId}/citations`)).status).toBe(404)
    expect((await rest.get(`/posts/424242/citations`)).status).toBe(404)
    const staff = await rest.get(`/posts/${draftId}/citations`, { token: editorToken })
    expect(staff.status).toBe(200)
    expect(staff.body.map((item: { id: number }) => item.id)).toEqual([notes.cepa])
    const bad = await rest.get(`/posts/${published.id}/citations?format=ris`)
    expect(bad.status).toBe(400)
    expect(JSON.stringify(bad.body)).toMatch(/"path":"format"/)
  })

  it('exports the published version to anonymous readers, the draft to staff who ask for it', async () => {
    await t.payload.update({
      ...asAdmin,
      collection: 'posts',
      data: { content: bodyCiting(notes.explanatory) as never },
      draft: true,
      id: published.id,
    })
    const anonymous = await rest.get(`/posts/${published.id}/citations?draft=true`)
    expect(anonymous.body.map((item: { id: number }) => item.id)).toEqual([notes.turkish, notes.cepa, notes.explanatory])
    const staff = await rest.get(`/posts/${published.id}/citations?draft=true`, { token: editorToken })
    expect(staff.body.map((item: { id: number }) => item.id)).toEqual([notes.explanatory])
  })

  it('returns an empty export for a post without endnotes', async () => {
    const post = await t.payload.create({ ...asAdmin, collection: 'posts', data: { _status: 'published', language: 'tr', title: 'Notsuz yazı' } })
    expect((await rest.get(`/posts/${post.id}/citations`)).body).toEqual([])
    const bib = await rest.get(`/posts/${post.id}/citations?format=bibtex`)
    expect(bib.status).toBe(200)
    expect(bib.body).toBe('')
  })
})
