import { createSiteConfig } from './src/lib/createSiteConfig'
import { revalidateSite } from './src/lib/revalidateSite'

// `npm run dev` / `npm start` set DATABASE_URL, starting an embedded PostgreSQL when the
// environment has none (see src/lib/run.ts).
export default createSiteConfig({
  databaseUrl: process.env.DATABASE_URL,
  onContentChange: revalidateSite,
})
