import { createSiteConfig } from './src/lib/createSiteConfig.js'
import { revalidateSite } from './src/lib/revalidateSite.js'

// `npm run dev` / `npm start` set DATABASE_URL, starting an embedded PostgreSQL when the
// environment has none (see src/lib/run.ts).
export default createSiteConfig({
  databaseUrl: process.env.DATABASE_URL,
  onContentChange: revalidateSite,
})
