import { getPayload } from 'payload'
import { afterAll, describe, expect, inject, it } from 'vitest'

import { closePayload } from '../../src/lib/closePayload'
import { createSiteConfig } from '../../src/lib/createSiteConfig'
import { ensureDatabase } from '../../src/lib/database/createDatabase'
import { migrations } from '../../src/migrations'
import { refreshTermStatistics, termStatisticsStale } from '../../src/plugin/search/termStatistics'
import { linkTranslation, searchPosts } from 'payload-policy-posts'
import { bodyCiting, createFootnote } from '../helpers/fixtures'
import { testDatabaseName } from '../helpers/testPayload'

let close: (() => Promise<void>) | undefined
afterAll(async () => close?.())

describe('production migrations', () => {
  it('build, on an empty database, a schema the plugin works on without push', async () => {
    const url = await ensureDatabase(inject('serverUrl'), testDatabaseName('migrations'))
    const config = await createSiteConfig({ databaseUrl: url, push: false })
    const payload = await getPayload({ config, key: 'migrations' })
    close = () => closePayload(payload)
    await payload.db.migrate({ migrations: migrations as never })
    const status = await payload.find({ collection: 'payload-migrations', overrideAccess: true })
    expect(status.docs.map((doc) => doc.name).sort()).toEqual(migrations.map((m) => m.name).sort())

    const note = await createFootnote(payload)
    // the folded title importers find records by is part of the migrated schema
    const keyed = (await payload.db.drizzle.execute(`select title_key from footnotes where id = ${Number(note.id)}`)) as unknown as { rows: unknown[] }
    expect(keyed.rows).toEqual([{ title_key: 'putin seeks to solve his azerbaijan problem' }])
    const post = await payload.create({
      collection: 'posts',
      data: { _status: 'published', content: bodyCiting(note.id) as never, language: 'tr', title: 'Hazar Denizi üzerinden enerji taşımacılığı' },
    })
    expect(post.endnotes?.[0]?.label).toBe('i')
    const found = await searchPosts(payload, { language: 'tr', q: 'enerjinin' })
    expect(found.docs.map((doc) => doc.id)).toContain(post.id)
    // the similar-posts statistics table is part of the migrated schema
    expect(await termStatisticsStale(payload)).toBe(true)
    await refreshTermStatistics(payload)
    expect(await termStatisticsStale(payload)).toBe(false)
    // so is the table that keeps one version per language of a group under racing draft saves
    const en = await payload.create({ collection: 'posts', data: { _status: 'published', language: 'en', title: 'Caspian energy' } })
    const { group } = await linkTranslation(payload, { source: en.id, target: post.id })
    const held = (await payload.db.drizzle.execute(
      `select post_id, language from posts_translation_group_languages where group_id = ${Number(group)} order by language`,
    )) as unknown as { rows: unknown[] }
    expect(held.rows).toEqual([
      { language: 'en', post_id: en.id },
      { language: 'tr', post_id: post.id },
    ])

    // Labels written from draft titles before the rule changed are recomputed from published versions.
    const leaked = await payload.db.create({ collection: 'translations', data: { label: 'Old draft title' } })
    const hidden = await payload.db.create({ collection: 'translations', data: { label: 'Embargoed title' } })
    await payload.create({ collection: 'posts', data: { language: 'en', title: 'Embargoed title', translationGroup: hidden.id }, draft: true })
    await payload.create({ collection: 'posts', data: { _status: 'published', language: 'tr', title: 'Yayındaki başlık', translationGroup: leaked.id } })
    await payload.db.updateOne({ collection: 'translations', data: { label: 'Old draft title' }, id: leaked.id })
    await payload.db.updateOne({ collection: 'translations', data: { label: 'Embargoed title' }, id: hidden.id })
    const labels = migrations.find((m) => m.name.endsWith('published_group_labels'))!
    await labels.up({ db: payload.db.drizzle, payload, req: { payload } } as never)
    expect((await payload.findByID({ collection: 'translations', id: leaked.id })).label).toBe('Yayındaki başlık')
    expect((await payload.findByID({ collection: 'translations', id: hidden.id })).label ?? null).toBeNull()
  })
})
