import type { SQL } from '@payloadcms/db-postgres/drizzle'

import { sql } from '@payloadcms/db-postgres/drizzle'

import type { QueryRunner } from './db'

/**
 * Makes sure PostgreSQL's `unaccent` extension is installed (a trusted extension: the database
 * owner may create it). One statement under an advisory lock, so several server processes
 * starting at once do not race. Throws when it is missing or cannot be created.
 */
export async function ensureUnaccent(db: QueryRunner): Promise<void> {
  await db.execute(sql`
    do $policy_posts$
    begin
      perform pg_advisory_xact_lock(hashtext('policy_posts_unaccent'));
      create extension if not exists unaccent;
    end
    $policy_posts$
  `)
}

/*
 * Accents are folded after stemming, on the lexemes: the language's stemmer still sees the
 * text as written (Turkish suffixes follow vowel harmony, so "hatları" only stems to "hat" with
 * its ı), then "türki" and "turki", "ışık" and "isik" become one lexeme. The query is folded
 * the same way, so "turkiye" finds "Türkiye" and an exact spelling matches and ranks as before.
 */

/** A tsvector with every lexeme's accents removed (ç→c, ğ→g, ı→i, ö→o, ş→s, ü→u, é→e …). */
export const foldVector = (vector: SQL): SQL => sql`unaccent(${vector}::text)::tsvector`

/** A tsquery with every lexeme's accents removed. */
export const foldQuery = (query: SQL): SQL => sql`unaccent(${query}::text)::tsquery`
