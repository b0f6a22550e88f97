import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TABLE "posts_translation_group_languages" (
  	"group_id" integer NOT NULL,
  	"language" varchar NOT NULL,
  	"post_id" integer NOT NULL
  );
  
  ALTER TABLE "posts_translation_group_languages" ADD CONSTRAINT "posts_translation_group_languages_group_id_translations_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."translations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "posts_translation_group_languages" ADD CONSTRAINT "posts_translation_group_languages_post_id_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."posts"("id") ON DELETE cascade ON UPDATE no action;
  CREATE UNIQUE INDEX "posts_translation_group_languages_group_language_idx" ON "posts_translation_group_languages" USING btree ("group_id","language");
  CREATE INDEX "posts_translation_group_languages_post_idx" ON "posts_translation_group_languages" USING btree ("post_id");`)
  // The languages groups already hold, through published rows and latest drafts. A pair two
  // posts already share (possible before this table) stays with the lower post id.
  await db.execute(sql`
   INSERT INTO "posts_translation_group_languages" ("post_id", "group_id", "language")
   SELECT DISTINCT ON (h.group_id, h.language) h.post_id, h.group_id, h.language
     FROM (
       SELECT p.id AS post_id, p.translation_group_id AS group_id, p.language::text AS language
         FROM "posts" p WHERE p.translation_group_id IS NOT NULL AND p.language IS NOT NULL
       UNION
       SELECT v.parent_id, v.version_translation_group_id, v.version_language::text
         FROM "_posts_v" v
        WHERE v.latest AND v.parent_id IS NOT NULL AND v.version_translation_group_id IS NOT NULL
          AND v.version_language IS NOT NULL
     ) h
    ORDER BY h.group_id, h.language, h.post_id
   ON CONFLICT DO NOTHING;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "posts_translation_group_languages" CASCADE;`)
}
