import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "posts" ALTER COLUMN "language" DROP DEFAULT;
  ALTER TABLE "_posts_v" ALTER COLUMN "version_language" DROP DEFAULT;
  ALTER TABLE "footnotes" ADD COLUMN "title_key" varchar;
  CREATE INDEX "footnotes_title_key_idx" ON "footnotes" USING btree ("title_key");`)
  // Existing records get their keys when the plugin starts (backfillFootnoteTitleKeys), which
  // folds titles as the importers do; SQL cannot.
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "footnotes_title_key_idx";
  ALTER TABLE "posts" ALTER COLUMN "language" SET DEFAULT 'en';
  ALTER TABLE "_posts_v" ALTER COLUMN "version_language" SET DEFAULT 'en';
  ALTER TABLE "footnotes" DROP COLUMN "title_key";`)
}
