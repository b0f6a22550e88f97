import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { TestPayload } from '../helpers/testPayload'

import { getPublishedVersions } from 'payload-policy-posts'
import { thirdLanguageOptions } from '../config.third-language'
import { asAdmin, createPost, createUser } from '../helpers/fixtures'
import { restClient } from '../helpers/rest'
import { startTestPayload } from '../helpers/testPayload'

// A third language must work by configuration alone (design §2): linking, the panel's rows,
// the "already has a … version" rule and the published versions for the language switch.


const groupOf = async (payload: Payload, id: number) =>
  (await payload.findByID({ ...asAdmin, collection: 'posts', depth: 0, draft: true, id })).translationGroup as null | number

const fieldErrors = (body: any): { message: string; path: string }[] => body?.errors?.[0]?.data?.errors ?? []

describe('a third language added in the configuration', () => {
  let third: TestPayload
  let thirdRest: ReturnType<typeof restClient>
  let auth: { token: string }
  beforeAll(async () => {
    third = await startTestPayload('translations-third-language', { pluginOptions: thirdLanguageOptions })
    thirdRest = restClient(third.payload)
    const user = await createUser(third.payload, 'editor')
    auth = { token: await thirdRest.login(user.email, user.password) }
  })
  afterAll(async () => {
    await third?.cleanup()
  })

  it('links three versions, one per language, and offers each the other two', async () => {
    const { payload } = third
    const en = await createPost(payload, { language: 'en', slug: 'caucasus-energy', title: 'Caucasus Energy' })
    const tr = await createPost(payload, { language: 'tr', slug: 'kafkasya-enerjisi', title: 'Kafkasya Enerjisi' })
    const de = await createPost(payload, { language: 'de', slug: 'energie-im-kaukasus', title: 'Energie im Kaukasus' })
    for (const target of [de, tr]) {
      const res = await thirdRest.post(`/posts/${en.id}/link-translation`, { ...auth, body: { target: target.id } })
      expect(res.status, JSON.stringify(res.body)).toBe(200)
    }
    const group = await groupOf(payload, en.id)
    for (const id of [tr.id, de.id]) expect(await groupOf(payload, id)).toBe(group)

    expect(await getPublishedVersions(payload, en.id)).toEqual([
      { id: tr.id, label: 'Türkçe', language: 'tr', slug: 'kafkasya-enerjisi', title: 'Kafkasya Enerjisi' },
      { id: de.id, label: 'Deutsch', language: 'de', slug: 'energie-im-kaukasus', title: 'Energie im Kaukasus' },
    ])
    expect((await getPublishedVersions(payload, de.id)).map((version) => version.label)).toEqual(['English', 'Türkçe'])

    const secondGerman = await createPost(payload, { language: 'de', title: 'Zweite Fassung' })
    const refused = await thirdRest.post(`/posts/${en.id}/link-translation`, { ...auth, body: { target: secondGerman.id } })
    expect(refused.status).toBe(400)
    expect(fieldErrors(refused.body)[0]).toEqual({
      message: 'This piece already has a Deutsch version: Energie im Kaukasus',
      path: 'translationGroup',
    })

    const panel = await thirdRest.get(`/posts/${tr.id}/translations`, auth)
    expect(panel.body.rows.map((row: { code: string; version?: { id: number } }) => [row.code, row.version?.id])).toEqual([
      ['en', en.id],
      ['tr', tr.id],
      ['de', de.id],
    ])
  })

  it('creates the third language version from the panel endpoint', async () => {
    const { payload } = third
    const en = await createPost(payload, { language: 'en', title: 'Black Sea Ports' })
    const res = await thirdRest.post(`/posts/${en.id}/create-translation`, { ...auth, body: { language: 'de' } })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    expect(res.body.doc).toMatchObject({ _status: 'draft', language: 'de', translatedFrom: en.id, translationStatus: 'up-to-date' })
    await payload.update({ ...asAdmin, collection: 'posts', id: res.body.doc.id, data: { _status: 'published', title: 'Häfen am Schwarzen Meer' } })
    expect(await getPublishedVersions(payload, en.id)).toEqual([
      // Retitled before its first publication, it took a URL from its German title.
      expect.objectContaining({ label: 'Deutsch', language: 'de', title: 'Häfen am Schwarzen Meer' }),
    ])
  })
})
