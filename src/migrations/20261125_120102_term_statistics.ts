import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TABLE "posts_fts_terms" (
  	"df" integer NOT NULL,
  	"lexeme" text PRIMARY KEY NOT NULL,
  	"refreshed_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  `)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "posts_fts_terms" CASCADE;`)
}
