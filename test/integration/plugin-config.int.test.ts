import type { CollectionConfig, Config } from 'payload'

import { getPayload } from 'payload'
import { afterAll, describe, expect, inject, it } from 'vitest'

import { closePayload } from '../../src/lib/closePayload'
import { ensureDatabase } from '../../src/lib/database/createDatabase'
import { policyPosts } from 'payload-policy-posts'
import { pluginAloneConfig } from '../config.plugin-alone'
import { testDatabaseName } from '../helpers/testPayload'

const hostHook = () => undefined
const hostAuthors: CollectionConfig = {
  slug: 'authors',
  access: { read: () => true },
  admin: { useAsTitle: 'name' },
  fields: [
    { name: 'name', type: 'text', required: true },
    { name: 'orcid', type: 'text' },
  ],
  hooks: { beforeChange: [hostHook] },
}
const host: Config = {
  admin: { meta: { titleSuffix: ' — Host' } },
  collections: [hostAuthors, { slug: 'pages', fields: [{ name: 'title', type: 'text' }] }],
  db: {} as Config['db'],
  globals: [{ slug: 'footer', fields: [] }],
  secret: 'x',
}

describe('policyPosts() merging into a host config', () => {
  const merged = policyPosts()(host)
  const slugs = merged.collections!.map((c) => c.slug)

  it('keeps the host collections, globals and admin settings', () => {
    expect(slugs).toEqual(expect.arrayContaining(['pages', 'authors', 'posts', 'translations', 'categories', 'footnotes', 'media', 'users']))
    expect(merged.globals).toEqual(host.globals)
    expect(merged.admin?.meta?.titleSuffix).toBe(' — Host')
  })

  it('merges its fields into a host collection of the same slug, the host winning', () => {
    const authors = merged.collections!.find((c) => c.slug === 'authors')!
    const names = authors.fields.map((f) => ('name' in f ? f.name : undefined))
    expect(names.slice(0, 2)).toEqual(['name', 'orcid'])
    expect(names).toEqual(expect.arrayContaining(['slug', 'bio', 'role', 'photo']))
    expect(authors.fields.filter((f) => 'name' in f && f.name === 'name')).toHaveLength(1)
    expect(authors.admin?.useAsTitle).toBe('name')
    expect(authors.hooks?.beforeChange?.[0]).toBe(hostHook)
    expect(authors.hooks?.beforeChange?.length).toBeGreaterThan(1)
  })

  it('does not mutate the incoming config', () => {
    expect(host.collections).toHaveLength(2)
    expect(hostAuthors.fields).toHaveLength(2)
  })

  it('adds localization for the configured languages', () => {
    expect(merged.localization && merged.localization.defaultLocale).toBe('en')
  })

  it('refuses a field type clash and bad options with [policy-posts] errors', () => {
    const clash: Config = { ...host, collections: [{ slug: 'authors', fields: [{ name: 'bio', type: 'number' }] }] }
    expect(() => policyPosts()(clash)).toThrow(/\[policy-posts\] collection "authors" already has a field "bio"/)
    expect(() => policyPosts({ languages: [] })(host)).toThrow(/\[policy-posts\] options.languages/)
    expect(() => policyPosts({ languages: [{ code: 'en', label: 'A' }, { code: 'en', label: 'B' }] })(host)).toThrow(/listed twice/)
    const hostLocales: Config = { ...host, localization: { defaultLocale: 'en', locales: ['en'] } }
    expect(() => policyPosts()(hostLocales)).toThrow(/lacks the locale\(s\) tr/)
  })
})

describe('the plugin alone in a minimal host project', () => {
  let destroy: (() => Promise<void>) | undefined
  afterAll(async () => destroy?.())

  it('boots on Postgres and publishes a post in its custom collections', async () => {
    const url = await ensureDatabase(inject('serverUrl'), testDatabaseName('plugin_alone'))
    let initialised = false
    const payload = await getPayload({ config: pluginAloneConfig(url, () => (initialised = true)), key: 'plugin-alone' })
    destroy = () => closePayload(payload)
    expect(initialised).toBe(true)
    const person = await payload.create({ collection: 'people' as 'authors', data: { name: 'Jana Müller' } })
    expect(person.slug).toBe('jana-muller')
    const post = await payload.create({
      collection: 'analyses' as 'posts',
      data: { _status: 'published', authors: [person.id], language: 'de' as 'en', title: 'Über die Energiewende' },
    })
    expect(post.slug).toBe('uber-die-energiewende')
    const user = await payload.create({ collection: 'users', data: { email: 'a@b.test', nickname: 'ab', password: 'secret-123', roles: ['editor'] } as never })
    expect((user as unknown as { nickname: string }).nickname).toBe('ab')
    await payload.updateGlobal({ slug: 'site-settings' as never, data: { tagline: 'Hi' } as never })
  })
})
